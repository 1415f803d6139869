import type { Config } from '../config/config.js';
import type { FieldCipher } from '../graphql/context.js';
import { blindIndex, decryptField, encryptField } from './field-crypto.js';

/** The at-rest cipher for IIN and passport; the owner id is bound as associated data so values cannot be swapped between rows. */
export function createFieldCipher(cfg: Config): FieldCipher {
  const keys = { activeKeyId: cfg.piiActiveKeyId, keys: cfg.piiKeys };
  return {
    encrypt: (plain, ownerId) => encryptField(keys, plain, ownerId),
    decrypt: (stored, ownerId) => decryptField(keys, stored, ownerId),
    blindIndex: (kind, normalized) => blindIndex(cfg.blindIndexKey, kind, normalized),
  };
}
