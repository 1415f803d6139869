import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decide } from '../../src/privacy/privacy.decide.js';
import { defaultPurpose, type Principal } from '../../src/access/principal.js';
import { BadInputError } from '../../src/graphql/errors.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { DEMO_AUTHORITY_REQUEST, DEMO_FRAUD_CASE } from '../../seeds/references.data.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, principalOf } from '../support/principals.js';
import { FIELDS, rawPerson, type Field, type RawPerson } from './exposure.fixtures.js';
import { lookupReach, oracleFacts, type Caller, type Reach } from './exposure.oracle.js';

let app: InProcessApp;
let travellers: string[];
let tours: string[];
let bookings: string[];
// Per partner, its own tours and bookings, so partner paths reach their travellers instead of stopping at the ownership rule.
const ownTours = new Map<string, string[]>();
const ownBookings = new Map<string, string[]>();
beforeAll(async () => {
  app = await openApp();
  const sql = app.services.sql;
  // The people the demo's reference records name come first, so reference paths reach them as often as anyone.
  const named = [DEMO_FRAUD_CASE.subjectIds[0], DEMO_TICKETS[0].userId, DEMO_AUTHORITY_REQUEST.subjectId];
  const rest = (await sql.rows<{ id: string }>('t_p_users', "select id from users where role = 'TRAVELER' order by id limit 40")).map((r) => r.id);
  travellers = [...new Set([...named, ...rest])].slice(0, 40);
  tours = (await sql.rows<{ id: string }>('t_p_tours', 'select distinct tour_id as id from bookings order by 1 limit 20')).map((r) => r.id);
  bookings = (await sql.rows<{ id: string }>('t_p_bookings', 'select id from bookings order by id limit 40')).map((r) => r.id);
  for (const r of await sql.rows<{ partner: string; tours: string[]; bookings: string[] }>(
    't_p_own',
    `select t.partner_id as partner,
      (array_agg(distinct t.id::text))[1:20] as tours, (array_agg(b.id::text order by b.created_at desc))[1:20] as bookings
    from tours t join bookings b on b.tour_id = t.id group by t.partner_id`,
  )) {
    ownTours.set(r.partner, r.tours);
    ownBookings.set(r.partner, r.bookings);
  }
  await sql.rows(
    't_p_authreq',
    `insert into authority_requests (id, agency, legal_basis, case_number, subject_id, kinds, expires_at, recorded_by_id, approved_by_id, status)
    values (gen_random_uuid(), 'Прокуратура', 'Law 94-V art. 9', 'AR-PROP', $1, '{PHONE,PASSPORT}', now() + interval '1 day', $2, $3, 'APPROVED')`,
    [travellers[3], DEMO_STAFF.admin.id, DEMO_STAFF.secondAdmin.id],
  );
  await sql.rows('t_p_authreq_to', "update authority_requests set addressed_to_id = $1 where case_number = 'AR-PROP'", [DEMO_STAFF.authority.id]);
});
afterAll(async () => {
  await app.close();
});

const operators = DEMO_CLIENTS.filter((c) => c.kind === 'PARTNER');
const providers = DEMO_CLIENTS.filter((c) => c.kind === 'PAYMENT_PROVIDER');
const refs = [undefined, DEMO_TICKETS[0].reference, DEMO_TICKETS[1].reference, 'AR-PROP', DEMO_AUTHORITY_REQUEST.caseNumber, DEMO_FRAUD_CASE.reference, 'CASE-9'];

const callerArb: fc.Arbitrary<Caller> = fc.oneof(
  fc.constant<Caller>({ kind: 'ANONYMOUS' }),
  fc.nat(39).map((i): Caller => ({ kind: 'USER', sub: `#${i}` })),
  fc
    .record({ c: fc.constantFrom(...operators), scope: fc.subarray(['travelers:read', 'tours:read']), reader: fc.boolean() })
    .map(({ c, scope, reader }): Caller => ({ kind: 'PARTNER', partnerId: c.partnerId, scope: ['bookings:read', ...(reader ? ['travelers:read'] : []), ...scope] })),
  fc.constantFrom(...providers).map((c): Caller => ({ kind: 'PAYMENT_PROVIDER', partnerId: c.partnerId })),
  fc
    .record({ role: fc.constantFrom('support', 'moderator', 'admin', 'analyst', 'auditor', 'authority'), fraud: fc.boolean(), ref: fc.constantFrom(...refs) })
    .map(({ role, fraud, ref }): Caller => {
      const s = DEMO_STAFF[role];
      return { kind: s.role, sub: s.id, ref, purpose: role === 'admin' && fraud ? 'FRAUD_PREVENTION' : undefined };
    }),
);

const fieldsArb = fc.subarray(Object.keys(FIELDS) as Field[], { minLength: 1 });
type Entry = 'reviews' | 'tourBookings' | 'partnerTours' | 'booking' | 'partnerBookings' | 'providerPayments' | 'person';

// Paths through tours, reviews, bookings and payments to the same people; each person is found again by the record that reached it.
const queryArb = fc
  .record({
    entry: fc.constantFrom<Entry>('reviews', 'tourBookings', 'partnerTours', 'booking', 'partnerBookings', 'providerPayments', 'person'),
    index: fc.nat(19),
    fields: fieldsArb,
    alias: fc.boolean(),
    fragment: fc.boolean(),
  })
  .map(({ entry, index, fields, alias, fragment }) => {
    const sel = fields.map((f, i) => (alias && i % 2 === 0 ? `x${i}: ${f}` : f)).join(' ');
    const person = fragment ? '{ id ...P }' : `{ id ${sel} }`;
    const frag = fragment ? ` fragment P on Person { ${sel} }` : '';
    const body = {
      reviews: `tours(first: 30) { nodes { reviews(first: 5) { id author ${person} } } }`,
      tourBookings: `tour(id: "$T") { bookings(first: 50) { nodes { id traveller ${person} } } }`,
      partnerTours: `partnerTours(first: 20) { nodes { bookings(first: 10) { nodes { id traveller ${person} } } } }`,
      booking: `booking(id: "$B") { id traveller ${person} }`,
      partnerBookings: `partnerBookings(first: 40) { nodes { id traveller ${person} } }`,
      providerPayments: `providerPayments(first: 30) { nodes { id payer ${person} booking { id traveller ${person} } } }`,
      person: `person(id: "$U") ${person}`,
    }[entry];
    return { entry, index, text: `{ ${body} }${frag}` };
  });

interface Found {
  reach: Reach;
  obj: Record<string, unknown>;
}

// What the caller's token and X-Purpose headers would make.
function principalFor(c: Caller): Promise<Principal> {
  if (c.kind === 'ANONYMOUS') return Promise.resolve(anonymous);
  const declared = { purpose: c.purpose, reference: c.ref };
  if (c.kind === 'PARTNER' || c.kind === 'PAYMENT_PROVIDER') return client(app, c.kind, c.partnerId!, { scopes: c.scope, ...declared });
  return principalOf(app, { kind: c.kind, accountId: c.sub, ...declared });
}

/** Every person object in the response with the edge and record that reached it; subjects come from the records, never from the shown id. */
async function found(entry: Entry, data: unknown, subject: string, caller: Caller): Promise<Found[]> {
  const out: { edge: Reach['edge']; anchor: string; obj: Record<string, unknown>; table: 'reviews' | 'bookings' | 'payments' }[] = [];
  const d = data as Record<string, any> | null;
  if (!d) return [];
  const bookingsOf = (list: any[]) => {
    for (const b of list ?? []) if (b?.traveller) out.push({ edge: 'BOOKING_TRAVELLER', anchor: b.id, obj: b.traveller, table: 'bookings' });
  };
  // A review of an erased account has no author at all (its link is cut on erasure).
  if (entry === 'reviews')
    for (const t of d.tours?.nodes ?? []) for (const r of t.reviews) if (r.author) out.push({ edge: 'REVIEW_AUTHOR', anchor: r.id, obj: r.author, table: 'reviews' });
  if (entry === 'tourBookings') bookingsOf(d.tour?.bookings?.nodes);
  if (entry === 'partnerTours') for (const t of d.partnerTours?.nodes ?? []) bookingsOf(t.bookings?.nodes);
  if (entry === 'booking') bookingsOf(d.booking ? [d.booking] : []);
  if (entry === 'partnerBookings') bookingsOf(d.partnerBookings?.nodes);
  if (entry === 'providerPayments') {
    for (const p of d.providerPayments?.nodes ?? []) {
      out.push({ edge: 'PAYMENT_PAYER', anchor: p.id, obj: p.payer, table: 'payments' });
      bookingsOf([p.booking]);
    }
  }
  if (entry === 'person') return d.person ? [{ reach: await lookupReach(app, caller, subject), obj: d.person }] : [];
  const owners = { reviews: 'author_id', bookings: 'user_id', payments: '(select user_id from bookings where id = booking_id)' };
  const result: Found[] = [];
  for (const o of out) {
    const [row] = await app.services.sql.rows<{ subject: string | null }>(`t_p_owner_${o.table}`, `select ${owners[o.table]} as subject from ${o.table} where id = $1`, [o.anchor]);
    // A review whose author erased their account is linked to no one, and shows no author.
    if (row.subject === null) continue;
    result.push({ reach: { edge: o.edge, anchor: o.anchor, subject: row.subject }, obj: o.obj });
  }
  return result;
}

describe('property: no response carries a raw value the policy does not allow through the edge that reached it', () => {
  it('holds for random callers, purposes, consents and paths; every FULL value of another person is logged with its edge', async () => {
    const principals = new Map<string, Principal | null>();
    const rawCache = new Map<string, RawPerson>();
    let fullSeen = 0;
    await fc.assert(
      fc.asyncProperty(callerArb, queryArb, fc.boolean(), async (callerIn, q, flipConsent) => {
        const caller = callerIn.sub?.startsWith('#') ? { ...callerIn, sub: travellers[Number(callerIn.sub.slice(1))] } : callerIn;
        const subject = travellers[q.index];
        if (flipConsent) await app.services.sql.rows('t_p_flip', "update consents set granted = not granted where user_id = $1 and purpose = 'TOUR_BOOKING'", [subject]);
        try {
          const key = JSON.stringify(caller);
          if (!principals.has(key))
            principals.set(
              key,
              await principalFor(caller).catch((e: unknown) => {
                if (e instanceof BadInputError) return null;
                throw e;
              }),
            );
          const principal = principals.get(key);
          // An account that is not active has no principal (its token is refused before any operation): nothing reaches it.
          if (!principal) return;
          const own = (m: Map<string, string[]>, all: string[]) => {
            const list = caller.partnerId ? (m.get(caller.partnerId) ?? all) : all;
            return list[q.index % list.length];
          };
          const text = q.text.replace('$T', own(ownTours, tours)).replace('$B', own(ownBookings, bookings)).replace('$U', subject);
          const res = await app.run(principal, text);
          const json = res.body;
          const purpose = caller.kind === 'ANONYMOUS' ? null : (caller.purpose ?? defaultPurpose(caller.kind));
          const scopes = caller.scope ?? (caller.kind === 'PAYMENT_PROVIDER' ? ['payments:write', 'bookings:read'] : []);
          const fullPairs = new Set<string>();
          const allowed = new Set<string>();
          const forbidden: string[] = [];
          const shownRaw: [string, string][] = [];
          for (const { reach, obj } of await found(q.entry, json.data, subject, caller)) {
            let raw = rawCache.get(reach.subject);
            if (!raw) {
              raw = await rawPerson(app, reach.subject);
              rawCache.set(reach.subject, raw);
            }
            const facts = await oracleFacts(app, caller, reach);
            for (const [field, kind] of Object.entries(FIELDS) as [Field, (typeof FIELDS)[Field]][]) {
              const d = decide({
                principal: caller.kind,
                purpose,
                scopes,
                hasReference: !!caller.ref,
                edge: reach.edge,
                relation: facts.relation,
                kind,
                consents: facts.consents,
                requestedKinds: facts.requested,
                recipientCountry: facts.recipientCountry,
              });
              const value = raw[field];
              if (!value) continue;
              const shown = Object.values(obj).includes(value);
              if (shown && d.exposure !== 'FULL') forbidden.push(`${caller.kind}:${reach.edge}:${field}`);
              if (d.exposure === 'FULL') allowed.add(value);
              if (value.length >= 6) shownRaw.push([value, `${caller.kind}:${reach.edge}:${field}`]);
              if (shown && d.exposure === 'FULL' && facts.relation !== 'SELF') fullPairs.add(`${reach.subject}:${kind}:${reach.edge}:${facts.referenceId}`);
            }
          }
          // Nothing leaves anywhere else in the body (errors, extensions, other paths) unless some edge in this response allows it.
          const body = JSON.stringify(json);
          for (const [value, where] of shownRaw) if (!allowed.has(value) && body.includes(JSON.stringify(value).slice(1, -1))) forbidden.push(`elsewhere:${where}`);
          expect(forbidden).toEqual([]);
          const rows = await app.services.sql.rows<{ subject_id: string; kinds: string[]; edge: string; reference_id: string | null }>(
            't_p_disc',
            'select subject_id, kinds, edge, reference_id from disclosures where request_id = $1',
            [res.requestId],
          );
          const logged = new Set(rows.flatMap((r) => r.kinds.map((k) => `${r.subject_id}:${k}:${r.edge}:${r.reference_id}`)));
          for (const pair of fullPairs) expect(logged).toContain(pair);
          fullSeen += fullPairs.size;
        } finally {
          if (flipConsent) await app.services.sql.rows('t_p_flip', "update consents set granted = not granted where user_id = $1 and purpose = 'TOUR_BOOKING'", [subject]);
        }
      }),
      { numRuns: 300, seed: 424242 },
    );
    expect(fullSeen).toBeGreaterThan(0);
  }, 180_000);
});
