import type { KeyObject } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { ForbiddenError } from '../graphql/errors.js';
import { unwrapDataKey, wrapDataKey } from '../privacy/field-crypto.js';
import { masterKeys, type PiiVault } from '../privacy/pii-vault.js';
import { UserKey } from './user-key.entity.js';

const BATCH = 1000;

// One JSON parameter each, as the driver would spread a JS array into a list of parameters.
const INSERT_KEYS = statement<never, [keys: string]>(
  'user_keys_insert',
  'insert into keyring.user_keys (user_id, wrapped_key) select id, key from jsonb_to_recordset($1::jsonb) as s(id uuid, key text)',
);
// Waits for a row another transaction holds (skipping it could end the loop with that row left under the old key).
const NOT_UNDER = statement<{ user_id: string; wrapped_key: string }, [prefix: string, limit: number]>(
  'user_keys_not_under',
  `select user_id, wrapped_key
  from keyring.user_keys where not starts_with(wrapped_key, $1) order by user_id limit $2 for update`,
);
const REWRAP = statement<never, [keys: string]>(
  'user_keys_rewrap',
  'update keyring.user_keys k set wrapped_key = s.key from jsonb_to_recordset($1::jsonb) as s(id uuid, key text) where k.user_id = s.id',
);

/** The data key of a user writing now, read through the caller's EntityManager; an erased account has none. */
export async function writerKeyOf(em: EntityManager, vault: PiiVault, userId: string): Promise<KeyObject> {
  const row = await em.findOne(UserKey, { userId });
  if (!row) throw new ForbiddenError('The account is not active', 'ACCOUNT_NOT_ACTIVE');
  return vault.subjectKey(userId, row.wrappedKey);
}

/** Stores wrapped keys in one statement, in the transaction `tem` runs in. */
export async function insertUserKeys(tem: EntityManager, keys: readonly { id: string; key: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await transactionStatements(tem).count(INSERT_KEYS, JSON.stringify(keys));
}

/**
 * Re-wraps every user's data key under the active master key, so an older master key can then be removed from PII_KEYS.
 * Only the 32-byte keys change: the values sealed under them stay as they are. Returns how many keys were re-wrapped.
 */
export async function rewrapUserKeys(em: EntityManager, cfg: Config): Promise<number> {
  const keys = masterKeys(cfg);
  const prefix = `v1.${keys.activeKeyId}.`;
  let total = 0;
  for (;;) {
    const n = await em.transactional(async (tem) => {
      const tx = transactionStatements(tem);
      const rows = await tx.rows(NOT_UNDER, prefix, BATCH);
      if (rows.length === 0) return 0;
      const batch = JSON.stringify(rows.map((r) => ({ id: r.user_id, key: wrapDataKey(keys, unwrapDataKey(keys, r.wrapped_key, r.user_id), r.user_id) })));
      await tx.count(REWRAP, batch);
      return rows.length;
    });
    if (n === 0) return total;
    total += n;
  }
}
