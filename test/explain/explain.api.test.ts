import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { ExplainDocument, PersonByIdDocument, TourTravellersDocument, type ExplainQuery, type ExplainQueryVariables } from '../generated/operations.js';
import { FIELDS, rawPerson, type RawPerson } from '../privacy/exposure.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { CLIENT, explainScene, expectNoValues as expectNoValuesOf, P, TICKET } from './explain.fixtures.js';

// Explained against a real token's answer: in process both sides would be one explainedPrincipal (the rest: explain.fast.test.ts).
let gw: RunningGateway;
let tourId: string;
let people: string[];
let raws: RawPerson[];
let auditor: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  gw = await startTestGateway();
  ({ tourId, people, raws } = await explainScene(gw));
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

const expectNoValues = (res: GqlResponse<unknown>) => expectNoValuesOf(res, raws);

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
});
