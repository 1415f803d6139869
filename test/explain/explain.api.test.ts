import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import type { RunningGateway } from '../../src/gateway.js';
import { maskValue } from '../../src/privacy/privacy.masks.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { insertTour, OPERATORS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';
import { ExplainDocument, PersonByIdDocument, TourTravellersDocument, type ExplainQuery, type ExplainQueryVariables } from '../generated/operations.js';
import { FIELDS, rawPerson, type RawPerson } from '../privacy/exposure.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, postQuery, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshAnalyst } from '../support/users.js';

const P = OPERATORS[7];
const CLIENT = DEMO_CLIENTS.find((c) => c.partnerId === P && c.kind === 'PARTNER')!;
const TICKET = DEMO_TICKETS.find((t) => t.status === 'OPEN' && t.assignedToId === DEMO_STAFF.support.id)!;
let gw: RunningGateway;
let tourId: string;
let people: string[];
let raws: RawPerson[];
let auditor: Record<string, string>;
let admin: Record<string, string>;

async function book(userId: string): Promise<void> {
  await gw.services.sql.rows(
    't_explain_book',
    `with seat as (update tours set seats_booked = seats_booked + 1 where id = $2)
    insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    values (gen_random_uuid(), $1, $2, 1, 'PAID', 50000, $3, now() - interval '2 days')`,
    [userId, tourId, randomUUID()],
  );
}

beforeAll(async () => {
  gw = await startTestGateway();
  const sql = gw.services.sql;
  people = await travellers(sql, 3, 60);
  // Two travellers consent to sharing with the tour's partner, the third withdrew.
  await setBookingConsent(sql, people.slice(0, 2), true);
  await setBookingConsent(sql, people.slice(2), false);
  tourId = await insertTour(sql, { partnerId: P, capacity: 10 });
  for (const u of people) await book(u);
  raws = await Promise.all([...people, TICKET.userId].map((id) => rawPerson(gw, id)));
  auditor = bearer(await tokenFor(gw, 'AUDITOR', { sub: DEMO_STAFF.auditor.id }));
  admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
});
afterAll(async () => {
  await gw.close();
});

type Withheld = { path: (string | number)[]; kind: string; exposure: string; reason: string };
type Explained = ExplainQuery['explain'];

const at = (data: unknown, path: readonly (string | number)[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], data);
const key = (path: readonly (string | number)[]) => path.join('.');

async function explain(headers: Record<string, string>, vars: ExplainQueryVariables): Promise<GqlResponse<ExplainQuery>> {
  return gql(gw.url, ExplainDocument, vars, headers);
}

async function disclosuresOf(requestId: string | null): Promise<{ subjectId: string; kinds: string[] }[]> {
  return gw.services.sql.rows('t_explain_disclosures', 'select subject_id as "subjectId", kinds from disclosures where request_id = $1', [requestId]);
}

/**
 * The real principal's answer and the explanation agree field by field: what it was denied or shown masked is explained with the same
 * kind, exposure and reason; what it got in full is FULL (the stored value, or null where the person has none); and nothing else.
 */
async function expectSameDecisions(real: GqlResponse<unknown>, explained: Explained, personFields: number): Promise<void> {
  expect(real.body.errors).toBeUndefined();
  const withheld = (real.body.extensions?.privacy as { withheld: Withheld[] } | undefined)?.withheld ?? [];
  const decided = new Map(explained.decisions.map((d) => [key(d.path), d]));
  expect(decided.size).toBe(explained.decisions.length);
  expect(explained.decisions).toHaveLength(personFields * Object.keys(FIELDS).length);
  for (const w of withheld) expect(decided.get(key(w.path))).toEqual({ path: w.path.map(String), kind: w.kind, exposure: w.exposure, reason: w.reason });
  const masked = new Set(withheld.map((w) => key(w.path)));
  const full = new Map<string, Set<string>>();
  for (const d of explained.decisions) {
    const field = d.path.at(-1) as keyof typeof FIELDS;
    expect(FIELDS[field]).toBe(d.kind);
    if (d.exposure !== 'FULL') {
      // Not in the real withheld list only where the person has no value there (a masked null is no finding).
      if (!masked.has(key(d.path))) expect(at(real.body.data, d.path)).toBeNull();
      continue;
    }
    expect(masked.has(key(d.path))).toBe(false);
    const person = at(real.body.data, d.path.slice(0, -1)) as { id: string };
    const raw = await rawPerson(gw, person.id);
    expect(at(real.body.data, d.path)).toBe(raw[field]);
    if (raw[field] !== null) full.set(person.id, (full.get(person.id) ?? new Set()).add(d.kind));
  }
  // The real request logged exactly the FULL releases the explanation predicts.
  const logged = await disclosuresOf(real.headers.get('x-request-id'));
  expect(new Map(logged.map((l) => [l.subjectId, new Set(l.kinds)]))).toEqual(full);
}

// Not a value, masked or not, of anyone the explained query reached.
function expectNoValues(res: GqlResponse<unknown>): void {
  const text = JSON.stringify(res.body);
  for (const raw of raws) {
    for (const f of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
      const v = raw[f];
      if (v === null) continue;
      expect(text).not.toContain(v);
      const mask = maskValue(FIELDS[f], f === 'fullName' ? raw.name : v);
      if (mask !== null && mask.length > 3) expect(text).not.toContain(mask);
    }
    for (const part of [raw.name.firstName, raw.name.surname]) if (part) expect(text).not.toContain(part);
  }
}

async function disclosureCount(): Promise<number> {
  const [{ n }] = await gw.services.sql.rows<{ n: number }>('t_explain_count', 'select count(*)::int as n from disclosures');
  return n;
}

describe('explain mode', () => {
  const travellersQuery = print(TourTravellersDocument);

  it("a partner's own travellers: the same decisions the partner gets, no value, nothing disclosed, the explain request logged", async () => {
    const real = await gql(gw.url, TourTravellersDocument, { id: tourId }, bearer(await tokenFor(gw, 'PARTNER', { partnerId: P })));
    const before = await disclosureCount();
    const res = await explain(auditor, { as: { kind: 'PARTNER', clientId: CLIENT.clientId }, query: travellersQuery, variables: { id: tourId } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions?.privacy).toBeUndefined();
    const explained = res.body.data!.explain;
    expect(explained.as).toEqual({ kind: 'PARTNER', id: CLIENT.clientId, partnerId: P, scopes: [...CLIENT.scopes], purpose: 'TOUR_BOOKING', reference: null });
    expect(explained.errors).toEqual([]);
    await expectSameDecisions(real, explained, 3);
    // The two who consent are FULL; the one who withdrew is the display name only, for want of consent.
    const iins = explained.decisions.filter((d) => d.kind === 'IIN').map((d) => [d.exposure, d.reason]);
    expect(iins.filter(([e]) => e === 'FULL')).toHaveLength(2);
    expect(iins).toContainEqual(['NONE', 'NO_CONSENT']);
    expectNoValues(res);
    // Not even which accounts the partner's bookings belong to.
    for (const id of people) expect(JSON.stringify(res.body)).not.toContain(id);
    expect(await disclosuresOf(res.headers.get('x-request-id'))).toEqual([]);
    expect(await disclosureCount()).toBe(before);
    const [logged] = await gw.services.sql.rows<Record<string, unknown>>(
      't_explain_log',
      `select explainer_kind, explainer_id, as_kind, as_id, as_partner_id,
      as_scopes, as_purpose, as_reference, document_sha256, decisions, errors from explain_requests where request_id = $1`,
      [res.headers.get('x-request-id')],
    );
    expect(logged).toEqual({
      explainer_kind: 'AUDITOR',
      explainer_id: DEMO_STAFF.auditor.id,
      as_kind: 'PARTNER',
      as_id: CLIENT.clientId,
      as_partner_id: P,
      as_scopes: [...CLIENT.scopes],
      as_purpose: 'TOUR_BOOKING',
      as_reference: null,
      document_sha256: createHash('sha256').update(travellersQuery).digest('hex'),
      decisions: 21,
      errors: 0,
    });
  });

  it('a partner token without travelers:read: the scope is what is missing, both ways', async () => {
    const scopes = ['tours:read', 'bookings:read'];
    const real = await gql(gw.url, TourTravellersDocument, { id: tourId }, bearer(await tokenFor(gw, 'PARTNER', { partnerId: P, scope: scopes })));
    const res = await explain(admin, { as: { kind: 'PARTNER', clientId: CLIENT.clientId, scopes }, query: travellersQuery, variables: { id: tourId } });
    const explained = res.body.data!.explain;
    await expectSameDecisions(real, explained, 3);
    expect(new Set(explained.decisions.filter((d) => d.kind === 'IIN').map((d) => d.reason))).toEqual(new Set(['SCOPE_MISSING']));
    expectNoValues(res);
  });

  it('a support agent with and without the ticket they hold: FULL through the ticket, masked as a lookup, exactly as the agent sees it', async () => {
    const agent = await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id });
    const as = { kind: 'SUPPORT' as const, accountId: DEMO_STAFF.support.id };
    const query = print(PersonByIdDocument);
    for (const ref of [TICKET.reference, null]) {
      const real = await gql(gw.url, PersonByIdDocument, { id: TICKET.userId }, bearer(agent, ref ? { 'x-purpose': 'SUPPORT', 'x-purpose-ref': ref } : {}));
      const res = await explain(admin, { as: { ...as, purpose: 'SUPPORT', reference: ref }, query, variables: { id: TICKET.userId } });
      const explained = res.body.data!.explain;
      expect(explained.as.reference).toBe(ref);
      await expectSameDecisions(real, explained, 1);
      const phone = explained.decisions.find((d) => d.kind === 'PHONE')!;
      expect([phone.exposure, phone.reason]).toEqual(ref ? ['FULL', null] : ['PARTIAL', 'REFERENCE_MISSING']);
      expectNoValues(res);
      expect(await disclosuresOf(res.headers.get('x-request-id'))).toEqual([]);
    }
  });

  it('reports the errors the principal would get, by code, and still no value', async () => {
    const res = await explain(auditor, { as: { kind: 'USER', accountId: people[0] }, query: travellersQuery, variables: { id: tourId } });
    const explained = res.body.data!.explain;
    expect(explained.decisions).toEqual([]);
    expect(explained.errors.map((e) => [e.code, e.reason, e.path])).toEqual([['FORBIDDEN', 'INSUFFICIENT_SCOPE', ['tour', 'bookings']]]);
    expectNoValues(res);
  });

  it('only auditors and administrators explain; others get a fixed code', async () => {
    const vars = { as: { kind: 'PARTNER' as const, clientId: CLIENT.clientId }, query: travellersQuery, variables: { id: tourId } };
    const callers = [
      bearer(await tokenFor(gw, 'USER', { sub: people[0] })),
      bearer(await tokenFor(gw, 'PARTNER', { partnerId: P })),
      bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id })),
      bearer(await tokenFor(gw, 'ANALYST', { sub: DEMO_STAFF.analyst.id })),
    ];
    for (const headers of callers) {
      const res = await explain(headers, vars);
      expect(res.body.data).toBeNull();
      expect(res.body.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ADMIN_OR_AUDITOR' })]);
    }
    const anonymous = await explain({}, vars);
    expect(anonymous.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never acts for the principal: mutations, nested explains and budget-spending analytics are refused unrun', async () => {
    const consentOf = async () =>
      (await gw.services.sql.rows<{ granted: boolean }>('t_explain_consent', "select granted from consents where user_id = $1 and purpose = 'TOUR_BOOKING'", [people[2]]))[0]
        .granted;
    const grant = await explain(admin, { as: { kind: 'USER', accountId: people[2] }, query: 'mutation { grantConsent(purpose: TOUR_BOOKING) { __typename } }' });
    expect(grant.body.data!.explain.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'Explain runs queries only' })]);
    expect(await consentOf()).toBe(false);
    const nested = await explain(admin, {
      as: { kind: 'ADMIN', accountId: DEMO_STAFF.admin.id },
      query: 'query($q: String!) { explain(as: { kind: ANONYMOUS }, query: $q) { decisions { path } } }',
      variables: { q: '{ __typename }' },
    });
    expect(nested.body.data!.explain.errors.map((e) => [e.code, e.reason])).toEqual([['FORBIDDEN', 'NOT_EXPLAINABLE']]);
    const { id: analystId } = await freshAnalyst(gw);
    const analyst = await explain(auditor, { as: { kind: 'ANALYST', accountId: analystId }, query: '{ analytics { bookings(groupBy: []) { suppressedCells } } }' });
    expect(analyst.body.data!.explain.errors.map((e) => [e.code, e.reason, e.path])).toEqual([['FORBIDDEN', 'NOT_EXPLAINABLE', ['analytics']]]);
    expect(await gw.services.sql.rows('t_explain_budget', 'select 1 from analytics_budget_spend where analyst_id = $1', [analystId])).toEqual([]);
  });

  it('explains only as a caller that could exist: a registered client with the scopes it holds, an active account of that kind', async () => {
    const refused = async (as: ExplainQueryVariables['as']) => {
      const res = await explain(auditor, { as, query: '{ __typename }' });
      expect(res.body.data).toBeNull();
      return res.body.errors![0].extensions;
    };
    expect(await refused({ kind: 'PARTNER', clientId: `no-such-${randomUUID()}` })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(await refused({ kind: 'PAYMENT_PROVIDER', clientId: CLIENT.clientId })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(await refused({ kind: 'PARTNER', clientId: CLIENT.clientId, scopes: ['travelers:read', 'payments:write'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect(await refused({ kind: 'SUPPORT', accountId: people[0] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(await refused({ kind: 'USER', accountId: 'not-an-id' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(await refused({ kind: 'USER', accountId: people[0], scopes: ['travelers:read'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect(await refused({ kind: 'PARTNER', clientId: CLIENT.clientId, purpose: 'SUPPORT' })).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_NOT_ALLOWED' });
    expect(await refused({ kind: 'SUPPORT', accountId: DEMO_STAFF.support.id, reference: 'not a reference' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PURPOSE_HEADER_MALFORMED',
    });
  });

  it('answers the same over the inline form (an operation named among several)', async () => {
    const query = `query A { tour(id: "${tourId}") { id } } ${travellersQuery}`;
    const res = await postQuery(
      gw.url,
      print(ExplainDocument),
      { as: { kind: 'PARTNER', clientId: CLIENT.clientId }, query, variables: { id: tourId }, operationName: 'TourTravellers' },
      auditor,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.explain.decisions).toHaveLength(21);
  });
});
