import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { personsByIds } from '../../src/users/user.service.js';
import { pseudonymize } from '../../src/privacy/privacy.pseudonym.js';
import { DEMO_PARTNERS } from '../../seeds/partners.data.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument, type AnalyticsTravellersQuery } from '../generated/operations.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { principalOf, staff } from '../support/principals.js';
import { analystAccount } from '../support/users.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

/** Every released row, page by page, with the raw bodies for leak checks. */
async function allTravellers(g: InProcessApp): Promise<{ pseudonyms: string[]; bodies: unknown[] }> {
  const analyst = await staff(g, 'analyst');
  const pseudonyms: string[] = [];
  const bodies: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: RunResult<AnalyticsTravellersQuery> = await g.run(analyst, AnalyticsTravellersDocument, { first: 100, after });
    expect(body.errors).toBeUndefined();
    bodies.push(body);
    const page: AnalyticsTravellersQuery['analytics']['travellers'] = body.data!.analytics.travellers;
    pseudonyms.push(...page.nodes.map((n) => n.pseudonym));
    if (!page.pageInfo.hasNextPage) return { pseudonyms, bodies };
    after = page.pageInfo.endCursor!;
  }
}

// Under an epsilon this large the noise is almost surely zero, so a total shows who is counted; a fresh analyst asks it anew.
async function totalBookings(g: InProcessApp): Promise<{ bookings: number; revenueKzt: number }> {
  const fresh = await principalOf(g, { kind: 'ANALYST', accountId: await analystAccount(g) });
  const { body } = await g.run(fresh, AnalyticsBookingsDocument, { groupBy: [] });
  return body.data!.analytics.bookings.cells[0];
}

const travellerIds = async () => (await app.services.sql.rows<{ id: string }>('t_an_ids', "select id from users where role = 'TRAVELER'")).map((r) => r.id);

describe('pseudonyms', () => {
  it('are stable across requests, keyed with the analytics key, and unlike the blind-index or general pseudonym keys', async () => {
    const first = await allTravellers(app);
    const second = await allTravellers(app);
    expect(first.pseudonyms.length).toBeGreaterThan(100);
    expect(second.pseudonyms).toEqual(first.pseudonyms);
    expect(new Set(first.pseudonyms).size).toBe(first.pseudonyms.length);
    const { cfg } = app.services;
    const ids = await travellerIds();
    const underAnalyticsKey = new Set(ids.map((id) => pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', id)));
    for (const p of first.pseudonyms) expect(underAnalyticsKey.has(p)).toBe(true);
    const released = new Set(first.pseudonyms);
    for (const key of [cfg.blindIndexKey, cfg.pseudonymKey]) {
      expect(ids.filter((id) => released.has(pseudonymize(key, 'PERSON', id)))).toEqual([]);
    }
  });

  it('differ entirely under a gateway started with another ANALYTICS_PSEUDONYM_KEY', async () => {
    const other = await openApp({ ANALYTICS_PSEUDONYM_KEY: randomBytes(32).toString('base64') });
    try {
      const mine = await allTravellers(app);
      const theirs = await allTravellers(other);
      expect(theirs.pseudonyms).toHaveLength(mine.pseudonyms.length);
      const seen = new Set(mine.pseudonyms);
      expect(theirs.pseudonyms.filter((p) => seen.has(p))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('opting out of ANALYTICS', () => {
  it('seeded withdrawals are absent from the rows; travellers never asked are present (opt-out model)', async () => {
    const { cfg } = app.services;
    const released = new Set((await allTravellers(app)).pseudonyms);
    const withdrawn = await app.services.sql.rows<{ id: string }>('t_an_withdrawn', "select user_id as id from consents where purpose = 'ANALYTICS' and not granted");
    const neverAsked = await app.services.sql.rows<{ id: string }>(
      't_an_never',
      `select u.id from users u where u.role = 'TRAVELER'
      and not exists (select 1 from consents c where c.user_id = u.id and c.purpose = 'ANALYTICS')`,
    );
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.filter((w) => released.has(pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', w.id)))).toEqual([]);
    expect(neverAsked.some((n) => released.has(pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', n.id)))).toBe(true);
  });

  it('a withdrawal takes the travellers out of the rows and the totals on the next request', async () => {
    const { cfg } = app.services;
    const before = await allTravellers(app);
    const released = new Set(before.pseudonyms);
    const candidates = await app.services.sql.rows<{ id: string; n: number }>(
      't_an_optout_candidates',
      `
      select u.id, count(b.id)::int as n from users u join bookings b on b.user_id = u.id
      join consents c on c.user_id = u.id and c.purpose = 'ANALYTICS' and c.granted
      where u.role = 'TRAVELER' group by u.id having count(b.id) >= 2 order by u.id`,
    );
    const chosen = candidates.filter((c) => released.has(pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', c.id))).slice(0, 5);
    expect(chosen).toHaveLength(5);
    const ids = chosen.map((c) => c.id);
    const exact = await openApp({ ANALYTICS_EPSILON: '100000' });
    const totals = await totalBookings(exact);
    await app.services.sql.rows('t_an_withdraw', "update consents set granted = false where purpose = 'ANALYTICS' and user_id = any($1::uuid[])", [ids]);
    try {
      const after = await allTravellers(app);
      const now = new Set(after.pseudonyms);
      expect(ids.filter((id) => now.has(pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', id)))).toEqual([]);
      expect(after.pseudonyms.length).toBeLessThan(before.pseudonyms.length);
      // At least ten bookings leave the total.
      expect((await totalBookings(exact)).bookings).toBeLessThanOrEqual(totals.bookings - 10);
    } finally {
      await exact.close();
      await app.services.sql.rows('t_an_restore', "update consents set granted = true where purpose = 'ANALYTICS' and user_id = any($1::uuid[])", [ids]);
    }
  });
});

describe('no personal value in any analytics response', () => {
  function strings(v: unknown, out: string[] = []): string[] {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) strings(x, out);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
    return out;
  }

  it('no phone, e-mail, name, messenger, IIN, passport or user id of any user appears', async () => {
    const analyst = await staff(app, 'analyst');
    const bodies: unknown[] = [...(await allTravellers(app)).bodies];
    for (const groupBy of [[], ['REGION'], ['PARTNER'], ['TOUR'], ['MONTH'], ['GENDER'], ['REGION', 'PARTNER', 'TOUR', 'MONTH', 'GENDER']] as const) {
      bodies.push((await app.run(analyst, AnalyticsBookingsDocument, { groupBy: [...groupBy] })).body);
    }
    bodies.push((await app.run(analyst, AnalyticsCohortsDocument, {})).body);
    const leaves = bodies.flatMap((b) => strings(b));
    expect(leaves.length).toBeGreaterThan(500);
    const ids = (await app.services.sql.rows<{ id: string }>('t_an_personal', 'select id from users')).map((r) => r.id);
    const users = await personsByIds(app.services.sql, app.services.vault, ids);
    const wholeWord = (value: string) => new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    // The detector itself must find what is there: a partner name released as a label.
    expect(leaves.some((s) => wholeWord(DEMO_PARTNERS[0].name).test(s))).toBe(true);
    let checked = 0;
    for (const u of users) {
      const values = [u.id, u.phone, u.email, u.surname, u.firstName, u.patronymic, ...Object.values(u.messengers ?? {}), u.iin, u.passport].filter((v): v is string => !!v);
      for (const value of values) {
        // Whole words only: a first name may occur inside a tour title ("…Ходжи Ахмеда Ясави") without being anyone's data.
        const word = wholeWord(value);
        const hit = leaves.find((s) => word.test(s));
        expect(hit === undefined ? null : { value, hit }).toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(users.length * 4);
  });
});
