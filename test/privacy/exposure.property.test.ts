import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { RunningGateway } from '../../src/gateway.js';
import { decide } from '../../src/privacy/privacy.decide.js';
import { defaultPurpose } from '../../src/auth/principal.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { startTestGateway } from '../support/gateway.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { FIELDS, rawPerson, type Field, type RawPerson } from './exposure.fixtures.js';
import { oracleFacts, type Caller } from './exposure.oracle.js';

let gw: RunningGateway;
let travellers: string[];
let tours: string[];
let bookings: string[];
beforeAll(async () => {
  gw = await startTestGateway();
  const sql = gw.services.sql;
  travellers = (await sql.rows<{ id: string }>('t_p_users', "select id from users where role = 'TRAVELER' order by id limit 40")).map((r) => r.id);
  tours = (await sql.rows<{ id: string }>('t_p_tours', 'select distinct tour_id as id from bookings order by 1 limit 20')).map((r) => r.id);
  bookings = (await sql.rows<{ id: string }>('t_p_bookings', 'select id from bookings order by id limit 40')).map((r) => r.id);
  await sql.rows('t_p_authreq', `insert into authority_requests (id, agency, legal_basis, case_number, subject_id, kinds, expires_at, recorded_by_id, approved_by_id, status)
    values (gen_random_uuid(), 'Прокуратура', 'Law 94-V art. 9', 'AR-PROP', $1, '{PHONE,PASSPORT}', now() + interval '1 day', $2, $3, 'APPROVED')`,
  [travellers[0], DEMO_STAFF.admin.id, DEMO_STAFF.secondAdmin.id]);
});
afterAll(async () => { await gw.close(); });

const operators = DEMO_CLIENTS.filter((c) => c.kind === 'PARTNER');
const providers = DEMO_CLIENTS.filter((c) => c.kind === 'PAYMENT_PROVIDER');
const refs = [undefined, DEMO_TICKETS[0].reference, DEMO_TICKETS[1].reference, 'AR-PROP', 'CASE-9'];

const callerArb: fc.Arbitrary<Caller> = fc.oneof(
  fc.constant<Caller>({ kind: 'ANONYMOUS' }),
  fc.nat(39).map((i) => ({ kind: 'USER', sub: `#${i}` }) as Caller),
  fc.record({ c: fc.constantFrom(...operators), scope: fc.subarray(['bookings:read', 'travelers:read', 'tours:read']) })
    .map(({ c, scope }) => ({ kind: 'PARTNER', partnerId: c.partnerId, scope: ['bookings:read', ...scope] }) as Caller),
  fc.constantFrom(...providers).map((c) => ({ kind: 'PAYMENT_PROVIDER', partnerId: c.partnerId }) as Caller),
  fc.record({ role: fc.constantFrom('support', 'moderator', 'admin', 'analyst', 'auditor', 'authority') as fc.Arbitrary<keyof typeof DEMO_STAFF>, fraud: fc.boolean(), ref: fc.constantFrom(...refs) })
    .map(({ role, fraud, ref }) => {
      const s = DEMO_STAFF[role];
      return { kind: s.role, sub: s.id, ref, purpose: role === 'admin' && fraud ? 'FRAUD_PREVENTION' : undefined } as Caller;
    }),
);

const fieldsArb = fc.subarray(Object.keys(FIELDS) as Field[], { minLength: 1 });

// Entry points reachable by the caller kinds; nested paths go through reviews, bookings and travellers.
const queryArb = fc.record({
  entry: fc.constantFrom('reviews', 'tourBookings', 'booking', 'person'),
  index: fc.nat(19),
  fields: fieldsArb,
  alias: fc.boolean(),
  fragment: fc.boolean(),
}).map(({ entry, index, fields, alias, fragment }) => {
  const sel = fields.map((f, i) => (alias && i % 2 === 0 ? `x${i}: ${f}` : f)).join(' ');
  const person = fragment ? '{ id ...P }' : `{ id ${sel} }`;
  const frag = fragment ? ` fragment P on Person { ${sel} }` : '';
  const body = entry === 'reviews' ? `tours(first: 30) { nodes { reviews(first: 5) { author ${person} } } }`
    : entry === 'tourBookings' ? `tour(id: "${'$T'}") { bookings(first: 50) { traveller ${person} } }`
      : entry === 'booking' ? `booking(id: "${'$B'}") { traveller ${person} }`
        : `person(id: "${'$U'}") ${person}`;
  return { entry, index, text: `{ ${body} }${frag}` };
});

function collectPersons(node: unknown, out: Map<string, Record<string, unknown>[]>): void {
  if (Array.isArray(node)) { for (const n of node) collectPersons(n, out); return; }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.id === 'string' && Object.keys(obj).some((k) => k !== 'id')) {
    const list = out.get(obj.id) ?? [];
    list.push(obj);
    out.set(obj.id, list);
  }
  for (const v of Object.values(obj)) collectPersons(v, out);
}

describe('property: no response carries a raw value the policy does not allow', () => {
  it('holds for random callers, purposes, consents and queries; every FULL value of another person is in the disclosure log', async () => {
    const tokenCache = new Map<string, string>();
    const rawCache = new Map<string, RawPerson>();
    let fullSeen = 0;
    await fc.assert(fc.asyncProperty(callerArb, queryArb, fc.boolean(), async (callerIn, q, flipConsent) => {
      const caller = callerIn.sub?.startsWith('#') ? { ...callerIn, sub: travellers[Number(callerIn.sub.slice(1))] } : callerIn;
      const subject = travellers[q.index];
      if (flipConsent) await gw.services.sql.rows('t_p_flip', "update consents set granted = not granted where user_id = $1 and purpose = 'TOUR_BOOKING'", [subject]);
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caller.kind !== 'ANONYMOUS') {
          const key = JSON.stringify(caller);
          let token = tokenCache.get(key);
          if (!token) { token = await tokenFor(gw, caller.kind, caller); tokenCache.set(key, token); }
          Object.assign(headers, bearer(token));
          if (caller.purpose) headers['x-purpose'] = caller.purpose;
          if (caller.ref) headers['x-purpose-ref'] = caller.ref;
        }
        const text = q.text.replace('$T', tours[q.index]).replace('$B', bookings[q.index]).replace('$U', subject);
        const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: text }) });
        const json = await res.json() as { data?: unknown };
        const persons = new Map<string, Record<string, unknown>[]>();
        collectPersons(json.data, persons);
        const purpose = caller.kind === 'ANONYMOUS' ? null : caller.purpose ?? defaultPurpose(caller.kind);
        const fullPairs = new Set<string>();
        const forbidden: string[] = [];
        for (const [id, objs] of persons) {
          let raw = rawCache.get(id);
          if (!raw) { raw = await rawPerson(gw, id); rawCache.set(id, raw); }
          const facts = await oracleFacts(gw, caller, id);
          for (const [field, kind] of Object.entries(FIELDS) as [Field, typeof FIELDS[Field]][]) {
            const d = decide({ principal: caller.kind, purpose, scopes: caller.scope ?? (caller.kind === 'PAYMENT_PROVIDER' ? ['payments:write', 'bookings:read'] : []), hasReference: !!caller.ref, relation: facts.relation, kind, consents: facts.consents, requestedKinds: facts.requested });
            const value = raw[field];
            const shown = objs.some((o) => Object.values(o).includes(value));
            if (value && value.length >= 6 && d.exposure !== 'FULL' && JSON.stringify(json).includes(JSON.stringify(value).slice(1, -1))) forbidden.push(`${caller.kind}:${field}`);
            if (value && shown && d.exposure === 'FULL' && facts.relation !== 'SELF') fullPairs.add(`${id}:${kind}`);
          }
        }
        expect(forbidden).toEqual([]);
        const rows = await gw.services.sql.rows<{ subject_id: string; kinds: string[] }>('t_p_disc', 'select subject_id, kinds from disclosures where request_id = $1', [res.headers.get('x-request-id')]);
        const logged = new Set(rows.flatMap((r) => r.kinds.map((k) => `${r.subject_id}:${k}`)));
        for (const pair of fullPairs) expect(logged).toContain(pair);
        fullSeen += fullPairs.size;
      } finally {
        if (flipConsent) await gw.services.sql.rows('t_p_flip', "update consents set granted = not granted where user_id = $1 and purpose = 'TOUR_BOOKING'", [subject]);
      }
    }), { numRuns: 150, seed: 424242 });
    expect(fullSeen).toBeGreaterThan(0);
  }, 120_000);
});
