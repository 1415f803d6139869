import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';

const CODES_PER_PHONE = 3;
const PHONE_WINDOW_SECONDS = 15 * 60;

const LOCK_PHONE = statement<never, [phoneHash: string]>('login_phone_lock', 'select pg_advisory_xact_lock(hashtextextended($1, 0))');
const CODES_OF_PHONE = statement<{ n: number; retry: number | null }, [windowSeconds: number, phoneHash: string]>(
  'login_codes_of_phone',
  `select count(*)::int as n, ceil(extract(epoch from min(created_at) + make_interval(secs => $1) - now()))::int as retry
   from login_codes where phone_hash = $2 and created_at > now() - make_interval(secs => $1)`,
);

/**
 * Seconds until this phone may get another code (0: now), from its recent login_codes rows. Takes a
 * transaction-scoped lock on the phone hash first, so concurrent requests cannot both pass the count.
 */
export async function phoneRetryAfter(tem: EntityManager, phoneHash: string): Promise<number> {
  const tx = transactionStatements(tem);
  await tx.rows(LOCK_PHONE, phoneHash);
  const [row] = await tx.rows(CODES_OF_PHONE, PHONE_WINDOW_SECONDS, phoneHash);
  return row.n < CODES_PER_PHONE ? 0 : Math.max(1, row.retry ?? 1);
}
