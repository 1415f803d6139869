import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { Limiter, type LimitCounters } from '../shared-state/limiter.js';
import type { SharedStore } from '../shared-state/shared-store.js';

export const CODES_PER_PHONE = 3;
export const PHONE_WINDOW_SECONDS = 15 * 60;

/** Shared by every instance through Redis; the per-phone limit lives in the database. */
export interface Throttles {
  codeRequestsByAddress: Limiter;
  codeChecksByAddress: Limiter;
  clientAuthFailures: Limiter;
  // The duplicate-IIN answer tells whether an IIN is registered: bound how many one account may try (OBLIGATIONS §4, guessing).
  iinAttempts: Limiter;
}

export function createThrottles(store: SharedStore, counters: LimitCounters): Throttles {
  return {
    codeRequestsByAddress: new Limiter('login_code_requests', 20, 15 * 60, store, counters),
    codeChecksByAddress: new Limiter('login_code_checks', 30, 15 * 60, store, counters),
    clientAuthFailures: new Limiter('client_auth_failures', 10, 15 * 60, store, counters),
    iinAttempts: new Limiter('iin_attempts', 5, 60 * 60, store, counters),
  };
}

const LOCK_PHONE = statement<never, [phoneHash: string]>('login_phone_lock', 'select pg_advisory_xact_lock(hashtextextended($1, 0))');
const CODES_OF_PHONE = statement<{ n: number; retry: number | null }, [windowSeconds: number, phoneHash: string]>('login_codes_of_phone',
  `select count(*)::int as n, ceil(extract(epoch from min(created_at) + make_interval(secs => $1) - now()))::int as retry
   from login_codes where phone_hash = $2 and created_at > now() - make_interval(secs => $1)`);

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
