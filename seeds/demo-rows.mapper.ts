import type { PiiVault } from '../src/privacy/pii-vault.js';
import { newPersonalRecord } from '../src/users/personal-data.codec.js';
import { normalizePassport } from '../src/users/passport.js';
import type { DemoData, DemoRows, PlainUserRow, UserKeyRow, UserRow } from './demo.types.js';

function sealedUser(vault: PiiVault, u: PlainUserRow): { user: UserRow; key: UserKeyRow } {
  const { wrappedKey, sealed } = newPersonalRecord(vault, u.id, {
    phone: u.phone, surname: u.surname, firstName: u.first_name, patronymic: u.patronymic, email: u.email, messengers: u.messengers,
    iin: u.iin, passport: u.passport === null ? null : normalizePassport(u.passport),
  });
  return {
    user: { id: u.id, pii_enc: sealed.piiEnc, phone_bidx: sealed.phoneBidx!, iin_bidx: sealed.iinBidx, passport_bidx: sealed.passportBidx,
      gender: u.gender, role: u.role, status: u.status, created_at: u.created_at },
    key: { user_id: u.id, wrapped_key: wrappedKey, created_at: u.created_at },
  };
}

/** Replaces every personal value and client secret with what may be stored: values sealed under a per-user key, blind indexes, hashes. */
export function toDatabaseRows(data: DemoData, vault: PiiVault, secretHashes: ReadonlyMap<string, string>): DemoRows {
  const users = data.users.map((u) => sealedUser(vault, u));
  return {
    ...data,
    users: users.map((u) => u.user),
    userKeys: users.map((u) => u.key),
    apiClients: data.apiClients.map(({ client_secret: _secret, ...c }) => {
      const hash = secretHashes.get(c.client_id);
      if (!hash) throw new Error(`no secret hash for client ${c.client_id}`);
      return { ...c, secret_hash: hash };
    }),
  };
}
