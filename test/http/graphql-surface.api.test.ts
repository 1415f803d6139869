import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { startProductionGateway, startTestGateway } from '../support/gateway.js';
import { postQuery, postRaw } from '../support/http.js';
import { storedPerson } from '../support/persons.js';
import { bearer, tokenFor } from '../support/tokens.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
// Through a partner's booking (staff tokens must come from an external issuer in production).
const TRAVELLER_SKIPPING = `query($id: ID!, $skip: Boolean!) { booking(id: $id) { id traveller { id fullName phone @skip(if: $skip) iin @include(if: false) } } }`;

describe.each([
  ['development', startTestGateway],
  ['production', startProductionGateway],
] as const)('the GraphQL surface in the %s configuration, over HTTP', (mode, start) => {
  const production = mode === 'production';
  let gw: RunningGateway;
  let user: Record<string, string>;
  let partner: Record<string, string>;
  let booking: { id: string; userId: string };
  beforeAll(async () => {
    gw = await start();
    user = bearer(await tokenFor(gw, 'USER', { sub: DEMO_TRAVELERS[0].id }));
    // A booking whose traveller the tour's partner sees in full: active, inside its window, TOUR_BOOKING consented.
    const [b] = await gw.services.sql.rows<{ id: string; userId: string; partnerId: string }>(
      't_surface_booking',
      `select b.id, b.user_id as "userId", t.partner_id as "partnerId"
      from bookings b join tours t on t.id = b.tour_id join consents k on k.user_id = b.user_id and k.purpose = 'TOUR_BOOKING' and k.granted
      where b.status <> 'CANCELLED' and now() >= b.created_at and now() < t.ends_on + interval '31 days' order by b.id desc limit 1`,
    );
    booking = b;
    partner = bearer(await tokenFor(gw, 'PARTNER', { partnerId: b.partnerId }));
  });
  afterAll(async () => {
    await gw.close();
  });

  const disclosuresOf = (requestId: string | null) =>
    gw.services.sql.rows<{ kinds: string[]; caller_request_id: string | null }>('t_surface_disc', 'select kinds, caller_request_id from disclosures where request_id = $1', [
      requestId,
    ]);

  describe('directives', () => {
    it('@include and @skip work on ordinary fields', async () => {
      const { status, body } = await postQuery(gw.url, '{ __typename @include(if: true) hidden: __typename @skip(if: true) gone: __typename @include(if: false) }');
      expect(status).toBe(200);
      expect(body).toEqual({ data: { __typename: 'Query' } });
    });

    it('a skipped @pii field is neither resolved nor logged as disclosed', async () => {
      const shown = await postQuery(gw.url, TRAVELLER_SKIPPING, { id: booking.id, skip: false }, partner);
      expect(shown.body.data.booking.traveller.phone).toBe((await storedPerson(gw, booking.userId)).phone);
      expect((await disclosuresOf(shown.headers.get('x-request-id')))[0].kinds.sort()).toEqual(['FULL_NAME', 'PHONE']);

      const skipped = await postQuery(gw.url, TRAVELLER_SKIPPING, { id: booking.id, skip: true }, partner);
      expect(skipped.body.errors).toBeUndefined();
      expect(Object.keys(skipped.body.data.booking.traveller).sort()).toEqual(['fullName', 'id']);
      expect(skipped.body.extensions?.privacy).toBeUndefined();
      expect((await disclosuresOf(skipped.headers.get('x-request-id')))[0].kinds).toEqual(['FULL_NAME']);
    });
  });

  describe('nullable root lookups', () => {
    it('a missing tour is null with a NOT_FOUND error at its path; its siblings survive', async () => {
      const { status, body } = await postQuery(gw.url, `{ me { id } tours(first: 2) { nodes { id } } tour(id: "${MISSING}") { id } }`, undefined, user);
      expect(status).toBe(200);
      expect(body.data.me.id).toBe(DEMO_TRAVELERS[0].id);
      expect(body.data.tours.nodes).toHaveLength(2);
      expect(body.data.tour).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ path: ['tour'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    });

    it('so are a missing booking and a person the caller may not look up', async () => {
      const { body } = await postQuery(gw.url, `{ me { id } person(id: "${MISSING}") { id } booking(id: "${MISSING}") { id } }`, undefined, user);
      expect(body.data).toEqual({ me: { id: DEMO_TRAVELERS[0].id }, person: null, booking: null });
      const codes = Object.fromEntries(body.errors.map((e: { path: string[]; extensions: { code: string } }) => [e.path[0], e.extensions.code]));
      expect(codes).toEqual({ booking: 'NOT_FOUND', person: 'FORBIDDEN' });
    });
  });

  describe('limits', () => {
    const NESTED = 'query($a: Int!, $b: Int!) { tours(first: $a) { nodes { reviews(first: $b) { id rating text } } } }';

    it('prices list sizes passed as variables: over the limit is QUERY_TOO_COMPLEX with HTTP 400 before execution', async () => {
      const { status, body } = await postQuery(gw.url, NESTED, { a: 100, b: 100 });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      if (production) expect(body.errors[0].message).not.toMatch(/\d/);
      else expect(body.errors[0].message).toMatch(/cost/);
      const small = await postQuery(gw.url, NESTED, { a: 3, b: 2 });
      expect(small.status).toBe(200);
      expect(small.body.data.tours.nodes).toHaveLength(3);
      // Prices are kept per document and sizing values: the large sizes are refused again after the small ones passed.
      expect((await postQuery(gw.url, NESTED, { a: 100, b: 100 })).status).toBe(400);
    });

    it('prices the same query with literals the same way, and honours @skip on the expensive branch', async () => {
      expect((await postQuery(gw.url, '{ tours(first: 100) { nodes { reviews(first: 100) { id rating text } } } }')).body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      const skipped = await postQuery(gw.url, 'query($s: Boolean!) { tours(first: 100) { nodes { id reviews(first: 100) @skip(if: $s) { id rating text } } } }', { s: true });
      expect(skipped.status).toBe(200);
    });

    it('depth, aliases, directives and tokens are refused with QUERY_TOO_COMPLEX or a parse error, thresholds only outside production', async () => {
      const deep = '{ tours { nodes { partner { name } reviews { author { id } } } } }';
      const tooDeep = `{ __schema { types { fields { type { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } } } }`;
      const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const directives = `{ __typename ${'@include(if: true) '.repeat(60)} }`;
      expect((await postQuery(gw.url, deep)).status).toBe(200);
      for (const query of [tooDeep, aliases, directives]) {
        const { status, body } = await postQuery(gw.url, query);
        expect(status).toBe(400);
        expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
        if (production) expect(body.errors[0].message).not.toMatch(/\d/);
        else expect(body.errors[0].message).toMatch(/\d/);
      }
      const tokens = await postQuery(gw.url, `{ ${'__typename '.repeat(2100)} }`);
      expect(tokens.status).toBe(400);
      expect(tokens.body.errors[0].message).toMatch(/tokens/);
      if (production) expect(tokens.body.errors[0].message).not.toMatch(/\d/);
    });
  });

  describe('error messages', () => {
    const UPDATE_PROFILE = 'mutation($i: ProfileInput!) { updateProfile(input: $i) { __typename } }';

    it('suggest nothing in production: unknown fields, input fields and enum values, literal or variable', async () => {
      const cases = [
        await postQuery(gw.url, `{ tour(id: "${MISSING}") { titl } }`),
        await postQuery(gw.url, '{ tours(region: ALMATI) { nodes { id } } }'),
        await postQuery(gw.url, 'query($r: Region) { tours(region: $r) { nodes { id } } }', { r: 'ALMATI' }),
        await postQuery(gw.url, UPDATE_PROFILE, { i: { passportNumbr: 'N1234567' } }, user),
      ];
      for (const { status, body } of cases) {
        expect(status).toBe(400);
        expect(body.errors[0].extensions.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
        if (production) expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
      }
      expect(cases[2].body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(cases[2].body)).not.toMatch(/ALMATI/);
    });

    it('never quote the keys of the input objects a caller sends', async () => {
      const key = 'aigerim.k@mail.kz';
      const cases = [
        await postQuery(gw.url, UPDATE_PROFILE, { i: { [key]: 'x' } }, user),
        await postQuery(gw.url, UPDATE_PROFILE, { i: { email: { [key]: 1 } } }, user),
        await postQuery(gw.url, 'query($d: String) { tours(startsFrom: $d) { nodes { id } } }', { d: { [key]: [key] } }),
      ];
      for (const { status, body } of cases) {
        expect(status).toBe(400);
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(body)).not.toMatch(/aigerim/);
      }
    });
  });

  describe('strings holding NUL or lone surrogates', () => {
    it('are refused with BAD_USER_INPUT before any resolver or access rule runs, as literals', async () => {
      for (const text of ['ab\\u0000cd', 'ab\\u0000']) {
        // Anonymous: had anything run, the answer would be UNAUTHENTICATED.
        const { status, body } = await postQuery(gw.url, `mutation { createReview(text: "${text}", rating: 5, tourId: "${MISSING}") { __typename } }`);
        expect(status).toBe(400);
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(body.data).toBeUndefined();
      }
    });

    it('and as variables, nested ones too', async () => {
      const cases: [string, Record<string, unknown>][] = [
        ['mutation($t: String!) { createReview(text: $t, rating: 5, tourId: "x") { __typename } }', { t: 'ab\u0000cd' }],
        ['mutation($t: String!) { createReview(text: $t, rating: 5, tourId: "x") { __typename } }', { t: 'ab\ud800cd' }],
        ['mutation($t: String!) { cancelBooking(bookingId: "x", reason: $t) { __typename } }', { t: '\udc00' }],
        [
          'mutation($i: TourInput!) { createTour(input: $i) { id } }',
          { i: { title: 'T\u0000', region: 'ASTANA', startsOn: '2030-01-01', endsOn: '2030-01-02', priceKzt: 1, capacity: 1 } },
        ],
        ['mutation($s: [String!]!) { registerApiClient(name: "n", partnerId: "x", kind: PARTNER, scopes: $s, purpose: TOUR_BOOKING) { __typename } }', { s: ['ok', 'x\u0000'] }],
      ];
      for (const [query, variables] of cases) {
        const { status, body } = await postQuery(gw.url, query, variables);
        expect(status).toBe(400);
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
      const pair = await postQuery(gw.url, 'mutation($t: String!) { createReview(text: $t, rating: 5, tourId: "x") { __typename } }', { t: 'ok \ud83d\ude00' });
      expect(pair.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('HTTP', () => {
    it('answers to credentials are private and never stored; every answer varies by Authorization', async () => {
      const signedIn = await postQuery(gw.url, '{ me { id } }', undefined, user);
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
      expect(signedIn.headers.get('vary')).toMatch(/Authorization/);
      const bad = await postQuery(gw.url, '{ me { id } }', undefined, { authorization: 'Bearer not-a-token' });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('cache-control')).toBe('private, no-store');
      const anonymous = await postQuery(gw.url, '{ tours(first: 1) { nodes { id } } }');
      expect(anonymous.headers.get('vary')).toMatch(/Authorization/);
    });

    it("keeps a caller's well-formed x-request-id beside the gateway's own in the disclosure log, and drops any other", async () => {
      const callerId = randomUUID();
      const kept = await postQuery(gw.url, TRAVELLER_SKIPPING, { id: booking.id, skip: false }, { ...partner, 'x-request-id': callerId });
      const own = kept.headers.get('x-request-id');
      expect(own).toMatch(/^[0-9a-f-]{36}$/);
      expect(own).not.toBe(callerId);
      expect((await disclosuresOf(own))[0].caller_request_id).toBe(callerId);
      for (const bad of ['short', 'g'.repeat(32), `${callerId}x`, 'abc; drop table disclosures']) {
        const dropped = await postQuery(gw.url, TRAVELLER_SKIPPING, { id: booking.id, skip: false }, { ...partner, 'x-request-id': bad });
        const rows = await disclosuresOf(dropped.headers.get('x-request-id'));
        expect(rows).toHaveLength(1);
        expect(rows[0].caller_request_id).toBeNull();
      }
    });

    it('refuses subscriptions with a clear 400 and a fixed code', async () => {
      const { status, body } = await postQuery(gw.url, 'subscription { tours { nodes { id } } }');
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('SUBSCRIPTIONS_NOT_SUPPORTED');
    });

    it('answers persisted-query misses with PERSISTED_QUERY_NOT_FOUND: an unknown hash, and a hash that does not match the text', async () => {
      const persistedQuery = { version: 1, sha256Hash: 'a'.repeat(64) };
      const unknown = await postRaw(gw.url, JSON.stringify({ extensions: { persistedQuery } }));
      expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const mismatch = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery } }));
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  it('reportContent returns its createdAt', async () => {
    const { body: tours } = await postQuery(gw.url, '{ tours(first: 20) { nodes { reviews(first: 1) { id } } } }');
    const reviewId = tours.data.tours.nodes.flatMap((t: { reviews: { id: string }[] }) => t.reviews)[0].id;
    const { body } = await postQuery(gw.url, 'mutation($r: ID!) { reportContent(reviewId: $r, reason: "offensive") { id createdAt } }', { r: reviewId }, user);
    expect(body.errors).toBeUndefined();
    expect(Date.parse(body.data.reportContent.createdAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});
