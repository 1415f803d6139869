import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureDisclosurePartitions, EXPIRED_DISCLOSURE_PARTITIONS } from '../audit/disclosure-partitions.service.js';
import { transactionStatements } from '../db/sql.js';
import { statement, type Statements } from '../db/statement.js';
import { DISCLOSURE_LOG_YEARS, SESSION_RECORD_YEARS, SPENT_LOGIN_CODE_DAYS } from './retention.policy.js';

export interface PurgeResult {
  holds: number;
  bookings: number;
  payments: number;
  disclosures: number;
  loginCodes: number;
  sessions: number;
  revokedTokens: number;
  erasedKeys: number;
  analyticsReleases: number;
}

// One statement: the foreign keys are checked at its end, after payments and bookings (events cascade) are gone. Only erased accounts: a hold on a live account would be a bug, and its transactions are still the user's own.
const PURGE_HOLDS = statement<Pick<PurgeResult, 'holds' | 'bookings' | 'payments'>>(
  'purge_holds',
  `with ended as (
    delete from legal_holds h using users u where h.user_id = u.id and u.status = 'DELETED' and h.until < current_date
      and not exists(select 1 from legal_holds later where later.user_id = h.user_id and later.until >= current_date)
    returning h.user_id),
  held as (select b.id from bookings b where b.user_id in (select user_id from ended)),
  payments_gone as (delete from payments where booking_id in (select id from held) returning id),
  bookings_gone as (delete from bookings where id in (select id from held) returning id)
  select (select count(*)::int from ended) as holds, (select count(*)::int from bookings_gone) as bookings, (select count(*)::int from payments_gone) as payments`,
);

// Rows of the month that straddles the boundary, and any in the default partition; whole months go by dropping their partition.
const PURGE_DISCLOSURES = statement<never, [years: number]>('purge_disclosures', 'delete from disclosures where at < now() - make_interval(years => $1)');

// Spent: used, or else expired (a used code was used before it expired).
const PURGE_LOGIN_CODES = statement<never, [days: number]>('purge_login_codes', 'delete from login_codes where coalesce(used_at, expires_at) < now() - make_interval(days => $1)');

// A session ends when revoked or expired; its record is kept for fraud prevention for the period after that.
const PURGE_SESSIONS = statement<never, [years: number]>('purge_sessions', 'delete from sessions where coalesce(revoked_at, expires_at) < now() - make_interval(years => $1)');

// A revocation is needed only while the token could still be presented.
const PURGE_REVOKED_TOKENS = statement<never>('purge_revoked_tokens', 'delete from revoked_tokens where expires_at < now()');

// A released aggregate is kept only for the day its analyst may ask the same question again.
const PURGE_ANALYTICS_RELEASES = statement<never>('purge_analytics_releases', "delete from analytics_releases where day < (now() at time zone 'UTC')::date");

// Erasure deletes the key at once; this replays erasures over a keyring restored from a backup taken before them.
const PURGE_ERASED_KEYS = statement<never>('purge_erased_keys', 'delete from keyring.user_keys k using account_erasures e where e.user_id = k.user_id');

// Each expired month is one drop instead of a delete per row; its rows are counted first for the report. Partition names are
// identifiers, which no statement takes as a parameter.
async function dropExpiredDisclosureMonths(tem: EntityManager, tx: Statements, years: number): Promise<number> {
  let rows = 0;
  for (const { name } of await tx.rows(EXPIRED_DISCLOSURE_PARTITIONS, years)) {
    const [{ n }] = await tem.execute<{ n: number }[]>(`select count(*)::int as n from "${name}"`);
    await tem.execute(`drop table "${name}"`);
    rows += n;
  }
  return rows;
}

/**
 * Deletes what the retention policy no longer allows: the transactions of erased accounts whose legal hold has ended,
 * with the hold itself (the empty account row stays, with its erasure record), disclosures past the log's period, spent login codes,
 * session records past their period, expired revocations, past days' analytics releases, and any data key of an erased account (after a keyring restore).
 */
export async function runPurge(em: EntityManager): Promise<PurgeResult> {
  return em.transactional(async (tem) => {
    await ensureDisclosurePartitions((text) => tem.execute(text));
    // Deletions are counted by the server (no deleted row travels to the client).
    const tx = transactionStatements(tem);
    const [held] = await tx.rows(PURGE_HOLDS);
    return {
      ...held,
      disclosures: (await dropExpiredDisclosureMonths(tem, tx, DISCLOSURE_LOG_YEARS)) + (await tx.count(PURGE_DISCLOSURES, DISCLOSURE_LOG_YEARS)),
      loginCodes: await tx.count(PURGE_LOGIN_CODES, SPENT_LOGIN_CODE_DAYS),
      sessions: await tx.count(PURGE_SESSIONS, SESSION_RECORD_YEARS),
      revokedTokens: await tx.count(PURGE_REVOKED_TOKENS),
      erasedKeys: await tx.count(PURGE_ERASED_KEYS),
      analyticsReleases: await tx.count(PURGE_ANALYTICS_RELEASES),
    };
  });
}
