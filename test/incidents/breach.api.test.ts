import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import { issueAccessToken } from '../../src/oauth/access-token.js';
import { loadOrCreateKeyRing } from '../../src/oauth/signing-keys.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_PARTNERS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { insertBooking, insertTour, OPERATORS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';
import {
  ClearIncidentHoldDocument,
  CloseIncidentDocument,
  ExplainDocument,
  PrivacyIncidentsDocument,
  RecordIncidentNotificationDocument,
  TourTravellersDocument,
  type IncidentFieldsFragment,
  type TourTravellersQuery,
} from '../generated/operations.js';
import { rawPerson } from '../privacy/exposure.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

// The replay happens on a Friday afternoon in Kazakhstan (16:00, UTC+5) before Republic Day, moved that year to Monday 26 October.
const FRIDAY = new Date('2026-10-23T11:00:00Z');
const P = OPERATORS[6];
let a: RunningGateway;
let b: RunningGateway;
let clientId: string;
let partner: Record<string, string>;
let tourId: string;
let people: string[];
let admin: Record<string, string>;
let auditor: Record<string, string>;

beforeAll(async () => {
  // Gateway a counts and checks (the timer never fires in the test: rounds are run by hand, on a clock fixed to the Friday); b only
  // re-reads the held recipients every second, as every instance does.
  a = await startTestGateway({ BREACH_CHECK_SECONDS: '3600', BREACH_CEILING_PER_HOUR: '1000', BREACH_BASELINE_MULTIPLE: '10', BREACH_MIN_PER_HOUR: '20' }, { clock: () => FRIDAY });
  b = await startTestGateway({ BREACH_HOLDS_REFRESH_SECONDS: '1' });
  const sql = a.services.sql;
  clientId = `breach-${randomUUID()}`;
  const scopes = ['tours:read', 'bookings:read', 'travelers:read'];
  // A client of its own, so that holding it holds nobody else in the run.
  await sql.rows(
    't_breach_client',
    `insert into api_clients (id, client_id, secret_hash, name, partner_id, kind, scopes, purpose)
    values (gen_random_uuid(), $1, 'unusable', 'breach replay', $2, 'PARTNER', $3, 'TOUR_BOOKING')`,
    [clientId, P, scopes],
  );
  const { cfg } = a.services;
  partner = bearer(await issueAccessToken(await loadOrCreateKeyRing(cfg.jwt.keysDir), cfg, { sub: clientId, kind: 'PARTNER', clientId, partnerId: P, scope: scopes }, 600));
  people = await travellers(sql, 10, 80);
  await setBookingConsent(sql, people, true);
  tourId = await insertTour(sql, { partnerId: P, capacity: 20 });
  for (const u of people) await insertBooking(sql, u, tourId, 'PAID', 1);
  // Its history: one traveller's data an hour, for the day before the replay.
  await sql.rows(
    't_breach_baseline',
    `insert into recipient_release_slots (recipient_kind, recipient_id, slot, releases)
    select 'PARTNER', $1, $2::timestamptz - h * interval '1 hour', 1 from generate_series(2, 25) h`,
    [clientId, FRIDAY],
  );
  admin = bearer(await tokenFor(a, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
  auditor = bearer(await tokenFor(a, 'AUDITOR', { sub: DEMO_STAFF.auditor.id }));
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Withheld = { path: (string | number)[]; kind: string; exposure: string; reason: string };
const withheldOf = (res: GqlResponse<unknown>) => (res.body.extensions?.privacy as { withheld: Withheld[] } | undefined)?.withheld ?? [];

async function pull(gw: RunningGateway): Promise<GqlResponse<TourTravellersQuery>> {
  const res = await gql(gw.url, TourTravellersDocument, { id: tourId }, partner);
  expect(res.body.errors).toBeUndefined();
  return res;
}

// How many of the travellers' IINs came back as stored, and what the partner was told about the others.
async function iinsShown(res: GqlResponse<TourTravellersQuery>): Promise<number> {
  let shown = 0;
  for (const n of res.body.data!.tour!.bookings.nodes) if (n.traveller.iin !== null && n.traveller.iin === (await rawPerson(a, n.traveller.id)).iin) shown++;
  return shown;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await check()) return;
  throw new Error('condition not reached in time');
}

async function incident(headers: Record<string, string>, status: 'OPEN' | 'CLOSED'): Promise<IncidentFieldsFragment | undefined> {
  const res = await gql(a.url, PrivacyIncidentsDocument, { status, first: 100 }, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.privacyIncidents.nodes.find((i) => i.recipient.id === clientId);
}

async function metric(gw: RunningGateway, line: RegExp): Promise<number> {
  const m = line.exec(await (await fetch(`${gw.url}/metrics`)).text());
  return m ? Number(m[1]) : 0;
}

describe("breach detection: a partner pulling its travellers' IINs at 50 times its baseline", () => {
  it('opens an incident, holds the FULL releases on every instance, and an administrator clears it', async () => {
    for (let i = 0; i < 5; i++) expect(await iinsShown(await pull(a))).toBe(10);
    const opened = await a.breach.round();
    expect(opened).toEqual([expect.objectContaining({ recipientKind: 'PARTNER', recipientId: clientId, trigger: 'BASELINE', releasesLastHour: 50, held: true })]);
    expect(await metric(a, /^qaz_privacy_incidents_opened_total\{trigger="BASELINE"\} (\d+)$/m)).toBe(1);
    expect(await metric(a, /^qaz_privacy_held_recipients (\d+)$/m)).toBeGreaterThanOrEqual(1);
    // A second round opens nothing more: one open incident per recipient.
    expect(await a.breach.round()).toEqual([]);

    // Held at once where it was opened: no IIN, the display name masked, both for INCIDENT_HOLD, and nothing disclosed.
    const held = await pull(a);
    expect(await iinsShown(held)).toBe(0);
    const reasons = withheldOf(held)
      .filter((w) => w.path.at(-1) === 'iin' || w.path.at(-1) === 'fullName')
      .map((w) => [w.kind, w.exposure, w.reason]);
    expect(reasons).toHaveLength(20);
    expect(new Set(reasons.map((r) => r.join(' ')))).toEqual(new Set(['IIN NONE INCIDENT_HOLD', 'FULL_NAME PARTIAL INCIDENT_HOLD']));
    expect(await a.services.sql.rows('t_breach_none', 'select 1 from disclosures where request_id = $1', [held.headers.get('x-request-id')])).toEqual([]);
    // And on the other instance once it has re-read the register.
    await until(async () => (await iinsShown(await pull(b))) === 0, 15_000);
    // Explain mode shows the hold too.
    const explained = await gql(a.url, ExplainDocument, { as: { kind: 'PARTNER', clientId }, query: print(TourTravellersDocument), variables: { id: tourId } }, auditor);
    expect(new Set(explained.body.data!.explain.decisions.filter((d) => d.kind === 'IIN').map((d) => `${d.exposure} ${d.reason}`))).toEqual(new Set(['NONE INCIDENT_HOLD']));

    // Administrators and auditors see it with its deadline: opened Friday 16:00, the weekend and the Monday off skipped, Tuesday 24:00.
    for (const headers of [admin, auditor]) {
      expect(await incident(headers, 'OPEN')).toMatchObject({
        recipient: { kind: 'PARTNER', id: clientId, partner: { id: P, name: DEMO_PARTNERS.find((p) => p.id === P)!.name } },
        trigger: 'BASELINE',
        releasesLastHour: 50,
        ceilingPerHour: 1000,
        baselinePerHour: 1,
        baselineMultiple: 10,
        openedAt: FRIDAY.toISOString(),
        notifyBy: '2026-10-27T19:00:00.000Z',
        calendarCovered: true,
        holdActive: true,
        notifiedAt: null,
        closedAt: null,
        resolution: null,
      });
    }
    const open = (await incident(admin, 'OPEN'))!;
    const partnerHeaders = await gql(a.url, PrivacyIncidentsDocument, { first: 10 }, bearer(await tokenFor(a, 'PARTNER', { partnerId: P })));
    expect(partnerHeaders.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN_OR_AUDITOR' });

    // Only an administrator lifts the hold, and an incident under hold cannot be closed.
    const byAuditor = await gql(a.url, ClearIncidentHoldDocument, { id: open.id }, auditor);
    expect(byAuditor.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
    const early = await gql(a.url, CloseIncidentDocument, { id: open.id, resolution: 'NOT_A_BREACH' }, auditor);
    expect(early.body.data!.closeIncident).toEqual({ __typename: 'IncidentRefused', reason: 'HOLD_ACTIVE' });
    const cleared = await gql(a.url, ClearIncidentHoldDocument, { id: open.id }, admin);
    expect(cleared.body.data!.clearIncidentHold).toMatchObject({ __typename: 'IncidentUpdated', incident: { holdActive: false, closedAt: null } });
    expect((await gql(a.url, ClearIncidentHoldDocument, { id: open.id }, admin)).body.data!.clearIncidentHold).toEqual({ __typename: 'IncidentRefused', reason: 'NOT_HELD' });
    expect(await iinsShown(await pull(a))).toBe(10);
    await until(async () => (await iinsShown(await pull(b))) === 10, 15_000);

    // Reported, then closed.
    const unreported = await gql(a.url, CloseIncidentDocument, { id: open.id, resolution: 'AUTHORITY_NOTIFIED' }, auditor);
    expect(unreported.body.data!.closeIncident).toEqual({ __typename: 'IncidentRefused', reason: 'NOT_NOTIFIED' });
    const bad = await gql(a.url, RecordIncidentNotificationDocument, { id: open.id, reference: 'see the letter of 27 October' }, auditor);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
    const notified = await gql(a.url, RecordIncidentNotificationDocument, { id: open.id, reference: 'MDAI-2026/1045' }, auditor);
    expect(notified.body.data!.recordIncidentNotification).toMatchObject({ __typename: 'IncidentUpdated', incident: { notificationReference: 'MDAI-2026/1045' } });
    const closed = await gql(a.url, CloseIncidentDocument, { id: open.id, resolution: 'AUTHORITY_NOTIFIED' }, auditor);
    expect(closed.body.data!.closeIncident).toMatchObject({ __typename: 'IncidentUpdated', incident: { resolution: 'AUTHORITY_NOTIFIED' } });
    expect(await incident(admin, 'OPEN')).toBeUndefined();
    expect(await incident(admin, 'CLOSED')).toMatchObject({ id: open.id, resolution: 'AUTHORITY_NOTIFIED', holdActive: false });
    const again = await gql(a.url, RecordIncidentNotificationDocument, { id: open.id, reference: 'MDAI-2026/1046' }, auditor);
    expect(again.body.data!.recordIncidentNotification).toEqual({ __typename: 'IncidentRefused', reason: 'CLOSED' });
  });

  it('costs the read path no statement: a partner request takes as many with counting on as off', async () => {
    const cost = async (gw: RunningGateway) => {
      const before = gw.services.sql.stats.statements;
      await pull(gw);
      return gw.services.sql.stats.statements - before;
    };
    await cost(a);
    await cost(b);
    expect(await cost(a)).toBe(await cost(b));
  });
});
