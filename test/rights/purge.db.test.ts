import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunningGateway } from '../../src/gateway.js';
import { runPurge, type PurgeResult } from '../../src/rights/purge.job.js';
import { DISCLOSURE_LOG_YEARS, SESSION_RECORD_YEARS, SPENT_LOGIN_CODE_DAYS } from '../../src/rights/retention.policy.js';
import { startTestGateway } from '../support/gateway.js';
import { bareTraveller } from '../support/users.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

// Inserted and purged in one transaction: another suite's purge cannot take our rows first, and now() is one instant for both.
function purgeAfter(insert: (tem: EntityManager) => Promise<unknown>): Promise<PurgeResult> {
  return gw.services.orm.em.fork().transactional(async (tem) => {
    await insert(tem);
    return runPurge(tem);
  });
}

describe('runPurge: the disclosure log is kept for its declared period', () => {
  it("deletes a subject's disclosure a day past the period and keeps the one a day short of it", async () => {
    const subject = await bareTraveller(gw);
    const [old, recent] = [randomUUID(), randomUUID()];
    const r = await purgeAfter((tem) =>
      tem.execute(
        `insert into disclosures (id, recipient_kind, subject_id, kinds, purpose, request_id, at) values
      (?, 'SUPPORT', ?, '{PHONE}', 'SUPPORT', 't-purge-old', now() - make_interval(years => ?, days => 1)),
      (?, 'SUPPORT', ?, '{PHONE}', 'SUPPORT', 't-purge-recent', now() - make_interval(years => ?, days => -1))`,
        [old, subject, DISCLOSURE_LOG_YEARS, recent, subject, DISCLOSURE_LOG_YEARS],
      ),
    );
    expect(r.disclosures).toBeGreaterThanOrEqual(1);
    const left = await gw.services.sql.rows<{ id: string }>('t_purge_disclosures_left', 'select id from disclosures where subject_id = $1', [subject]);
    expect(left.map((d) => d.id)).toEqual([recent]);
  });
});

describe('runPurge: the disclosure log is partitioned by month', () => {
  it('drops the partition of a month wholly past the period (its rows counted) and keeps this month and the next two', async () => {
    const subject = await bareTraveller(gw);
    const months = DISCLOSURE_LOG_YEARS * 12 + 2;
    const name = await gw.services.sql.rows<{ name: string }>(
      't_purge_old_month',
      `select 'disclosures_' || to_char(date_trunc('month', now() - make_interval(months => $1), 'UTC') at time zone 'UTC', '"y"YYYY"m"MM') as name`,
      [months],
    );
    const r = await purgeAfter(async (tem) => {
      await tem.execute(`create table "${name[0].name}" partition of disclosures for values from (date_trunc('month', now() - make_interval(months => ${months}), 'UTC'))
        to (date_trunc('month', now() - make_interval(months => ${months}), 'UTC') + interval '1 month')`);
      await tem.execute(
        `insert into disclosures (id, recipient_kind, subject_id, kinds, purpose, request_id, at) values
        (gen_random_uuid(), 'SUPPORT', ?, '{PHONE}', 'SUPPORT', 't-purge-month', now() - make_interval(months => ?))`,
        [subject, months],
      );
      const [placed] = await tem.execute<{ part: string }[]>(`select tableoid::regclass::text as part from disclosures where request_id = 't-purge-month'`);
      expect(placed.part).toBe(name[0].name);
    });
    expect(r.disclosures).toBeGreaterThanOrEqual(1);
    const parts = await gw.services.sql.rows<{ name: string | null }>(
      't_purge_parts',
      `select to_regclass($1)::text as name
      union all select to_regclass('disclosures_' || to_char(date_trunc('month', now() + make_interval(months => m), 'UTC') at time zone 'UTC', '"y"YYYY"m"MM'))::text
      from generate_series(0, 2) m`,
      [name[0].name],
    );
    expect(parts[0].name).toBeNull();
    expect(parts.slice(1).every((p) => p.name !== null)).toBe(true);
  });
});

describe('runPurge: spent login codes', () => {
  it('deletes codes used or expired more than a day ago and keeps recent and live ones', async () => {
    const phoneHash = `t-purge-${randomUUID()}`;
    // code_hash names each case; "used long ago" expired less than a day ago, so only its use makes it spent.
    const r = await purgeAfter((tem) =>
      tem.execute(
        `insert into login_codes (id, phone_hash, code_hash, expires_at, used_at) values
      (gen_random_uuid(), ?, 'expired-long-ago', now() - make_interval(days => ?, mins => 1), null),
      (gen_random_uuid(), ?, 'used-long-ago', now() - make_interval(days => ?, mins => -3), now() - make_interval(days => ?, mins => 1)),
      (gen_random_uuid(), ?, 'expired-recently', now() - make_interval(days => ?, mins => -1), null),
      (gen_random_uuid(), ?, 'used-recently', now() + interval '4 minutes', now() - interval '1 minute'),
      (gen_random_uuid(), ?, 'live', now() + interval '5 minutes', null)`,
        [phoneHash, SPENT_LOGIN_CODE_DAYS, phoneHash, SPENT_LOGIN_CODE_DAYS, SPENT_LOGIN_CODE_DAYS, phoneHash, SPENT_LOGIN_CODE_DAYS, phoneHash, phoneHash],
      ),
    );
    expect(r.loginCodes).toBeGreaterThanOrEqual(2);
    const left = await gw.services.sql.rows<{ code_hash: string }>('t_purge_codes_left', 'select code_hash from login_codes where phone_hash = $1 order by code_hash', [phoneHash]);
    expect(left.map((c) => c.code_hash)).toEqual(['expired-recently', 'live', 'used-recently']);
  });
});

describe('runPurge: session records and revocations', () => {
  it('deletes sessions that ended more than the period ago, whether revoked or expired, and keeps the rest', async () => {
    const user = await bareTraveller(gw);
    const r = await purgeAfter((tem) =>
      tem.execute(
        `insert into sessions (id, user_id, refresh_hash, expires_at, revoked_at) values
      (gen_random_uuid(), ?, 'expired-long-ago', now() - make_interval(years => ?, days => 1), null),
      (gen_random_uuid(), ?, 'revoked-long-ago', now() - make_interval(years => ?, days => -30), now() - make_interval(years => ?, days => 1)),
      (gen_random_uuid(), ?, 'expired-within', now() - make_interval(years => ?, days => -1), null),
      (gen_random_uuid(), ?, 'live', now() + interval '30 days', null)`,
        [user, SESSION_RECORD_YEARS, user, SESSION_RECORD_YEARS, SESSION_RECORD_YEARS, user, SESSION_RECORD_YEARS, user],
      ),
    );
    expect(r.sessions).toBeGreaterThanOrEqual(2);
    const left = await gw.services.sql.rows<{ refresh_hash: string }>('t_purge_sessions_left', 'select refresh_hash from sessions where user_id = $1 order by refresh_hash', [
      user,
    ]);
    expect(left.map((s) => s.refresh_hash)).toEqual(['expired-within', 'live']);
  });

  it('deletes revocations of tokens that have expired and keeps those still presentable', async () => {
    const [gone, kept] = [`t-purge-${randomUUID()}`, `t-purge-${randomUUID()}`];
    const r = await purgeAfter((tem) =>
      tem.execute(`insert into revoked_tokens (jti, expires_at) values (?, now() - interval '1 second'), (?, now() + interval '10 minutes')`, [gone, kept]),
    );
    expect(r.revokedTokens).toBeGreaterThanOrEqual(1);
    const left = await gw.services.sql.rows<{ jti: string }>('t_purge_revoked_left', 'select jti from revoked_tokens where jti = any($1)', [[gone, kept]]);
    expect(left.map((t) => t.jti)).toEqual([kept]);
  });

  it("deletes analytics releases of past days and keeps today's", async () => {
    const analyst = `purge-${randomUUID()}`;
    const r = await purgeAfter((tem) =>
      tem.execute(
        `insert into analytics_releases (analyst_id, day, question, answer) values
      (?, (now() at time zone 'UTC')::date - 1, 'q', '{}'), (?, (now() at time zone 'UTC')::date, 'q', '{}')`,
        [analyst, analyst],
      ),
    );
    expect(r.analyticsReleases).toBeGreaterThanOrEqual(1);
    const left = await gw.services.sql.rows<{ past: boolean }>(
      't_purge_releases_left',
      "select day < (now() at time zone 'UTC')::date as past from analytics_releases where analyst_id = $1",
      [analyst],
    );
    expect(left).toEqual([{ past: false }]);
  });
});
