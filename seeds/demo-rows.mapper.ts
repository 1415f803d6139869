import type { FieldCipher } from '../src/graphql/context.js';
import { normalizePassport } from '../src/users/passport.js';
import type { DemoData, DemoRows } from './demo.types.js';

export type SeedCipher = Pick<FieldCipher, 'encrypt' | 'blindIndex'>;

/** Replaces every plain IIN, passport number and client secret with what may be stored: ciphertext bound to the owner, a blind index, a hash. */
export function toDatabaseRows(data: DemoData, cipher: SeedCipher, secretHashes: ReadonlyMap<string, string>): DemoRows {
  return {
    ...data,
    users: data.users.map(({ iin, passport, ...u }) => {
      const doc = passport === null ? null : normalizePassport(passport);
      return {
        ...u,
        iin_enc: iin === null ? null : cipher.encrypt(iin, u.id),
        iin_bidx: iin === null ? null : cipher.blindIndex('IIN', iin),
        passport_enc: doc === null ? null : cipher.encrypt(doc, u.id),
        passport_bidx: doc === null ? null : cipher.blindIndex('PASSPORT', doc),
      };
    }),
    apiClients: data.apiClients.map(({ client_secret: _secret, ...c }) => {
      const hash = secretHashes.get(c.client_id);
      if (!hash) throw new Error(`no secret hash for client ${c.client_id}`);
      return { ...c, secret_hash: hash };
    }),
  };
}
