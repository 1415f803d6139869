import type { KeyObject } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { ForbiddenError } from '../graphql/errors.js';
import { unwrapDataKey, wrapDataKey } from '../privacy/field-crypto.js';
import { masterKeys, type PiiVault } from '../privacy/pii-vault.js';
import { UserKey } from './user-key.entity.js';

const BATCH = 1000;

/** The data key of a user writing now, read through the caller's EntityManager; an erased account has none. */
export async function writerKeyOf(em: EntityManager, vault: PiiVault, userId: string): Promise<KeyObject> {
  const row = await em.findOne(UserKey, { userId });
  if (!row) throw new ForbiddenError('The account is not active', 'ACCOUNT_NOT_ACTIVE');
  return vault.subjectKey(userId, row.wrappedKey);
}

/** Stores wrapped keys in one statement; one JSON parameter, as the driver would spread a JS array into a list of parameters. */
export async function insertUserKeys(em: EntityManager, keys: readonly { id: string; key: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await em.execute('insert into keyring.user_keys (user_id, wrapped_key) select id, key from jsonb_to_recordset(?::jsonb) as s(id uuid, key text)',
    [JSON.stringify(keys)]);
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
      // Waits for a row another transaction holds (skipping it could end the loop with that row left under the old key).
      const rows = await tem.execute<{ user_id: string; wrapped_key: string }[]>(`select user_id, wrapped_key from keyring.user_keys
        where not starts_with(wrapped_key, ?) order by user_id limit ? for update`, [prefix, BATCH]);
      if (rows.length === 0) return 0;
      const batch = JSON.stringify(rows.map((r) => ({ id: r.user_id, key: wrapDataKey(keys, unwrapDataKey(keys, r.wrapped_key, r.user_id), r.user_id) })));
      await tem.execute(`update keyring.user_keys k set wrapped_key = s.key from jsonb_to_recordset(?::jsonb) as s(id uuid, key text)
        where k.user_id = s.id`, [batch]);
      return rows.length;
    });
    if (n === 0) return total;
    total += n;
  }
}
