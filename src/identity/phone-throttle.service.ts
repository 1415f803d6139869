import type { EntityManager } from '@mikro-orm/postgresql';

const CODES_PER_PHONE = 3;
const PHONE_WINDOW_SECONDS = 15 * 60;

/**
 * Seconds until this phone may get another code (0: now), from its recent login_codes rows. Takes a
 * transaction-scoped lock on the phone hash first, so concurrent requests cannot both pass the count.
 */
export async function phoneRetryAfter(tem: EntityManager, phoneHash: string): Promise<number> {
  await tem.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [phoneHash]);
  const [row] = await tem.execute<{ n: number; retry: number | null }[]>(
    `select count(*)::int as n, ceil(extract(epoch from min(created_at) + make_interval(secs => ?) - now()))::int as retry
     from login_codes where phone_hash = ? and created_at > now() - make_interval(secs => ?)`,
    [PHONE_WINDOW_SECONDS, phoneHash, PHONE_WINDOW_SECONDS],
  );
  return row.n < CODES_PER_PHONE ? 0 : Math.max(1, row.retry ?? 1);
}
