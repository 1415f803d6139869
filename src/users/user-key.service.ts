import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { unwrapDataKey, wrapDataKey } from '../privacy/field-crypto.js';
import { masterKeys } from '../privacy/pii-vault.js';

const BATCH = 1000;

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
      // skip locked: a concurrent run takes other rows, and a row another transaction holds is picked up on the next pass.
      const rows = await tem.execute<{ user_id: string; wrapped_key: string }[]>(`select user_id, wrapped_key from keyring.user_keys
        where not starts_with(wrapped_key, ?) order by user_id limit ? for update skip locked`, [prefix, BATCH]);
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
