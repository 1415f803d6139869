import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CreateBookingDocument, CreateTourDocument, PartnerToursDocument, RetireTourDocument, UpdateTourDocument, type TourInput } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers, userHeaders } from '../bookings/booking.fixtures.js';

const A = OPERATORS[3];
const B = OPERATORS[0];
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

const INPUT: TourInput = { title: 'Бурабай: озёра и скалы', region: 'AKMOLA', startsOn: inDays(20), endsOn: inDays(23), priceKzt: 85_000, capacity: 12 };

async function create(input: TourInput, partnerId = A) {
  return (await gql(gw.url, CreateTourDocument, { input }, await clientHeaders(gw, 'PARTNER', partnerId))).body;
}

describe('partner tour management', () => {
  it('creates a tour owned by the calling partner', async () => {
    const body = await create(INPUT);
    expect(body.errors).toBeUndefined();
    expect(body.data!.createTour).toMatchObject({ ...INPUT, seatsLeft: 12, status: 'ACTIVE', partner: { id: A } });
  });

  it('rejects invalid values naming the field', async () => {
    const cases: [Partial<TourInput>, string][] = [
      [{ title: 'ab' }, 'title'],
      [{ startsOn: inDays(0) }, 'startsOn'],
      [{ startsOn: '2027-02-30' }, 'startsOn'],
      [{ endsOn: inDays(10) }, 'endsOn'],
      [{ priceKzt: 0 }, 'priceKzt'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 10_001 }, 'capacity'],
    ];
    for (const [change, field] of cases) {
      const body = await create({ ...INPUT, ...change });
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('updates only given fields, and never below the seats already booked', async () => {
    const sql = gw.services.sql;
    const id = (await create(INPUT)).data!.createTour.id;
    const [user] = await travellers(sql, 1, 30);
    await setBookingConsent(sql, [user], true);
    await gql(gw.url, CreateBookingDocument, { tourId: id, seats: 5, key: randomUUID() }, await userHeaders(gw, user));
    const headers = await clientHeaders(gw, 'PARTNER', A);
    const ok = await gql(gw.url, UpdateTourDocument, { id, changes: { priceKzt: 90_000, capacity: 5 } }, headers);
    expect(ok.body.data!.updateTour).toMatchObject({ title: INPUT.title, priceKzt: 90_000, capacity: 5, seatsLeft: 0 });
    const below = await gql(gw.url, UpdateTourDocument, { id, changes: { capacity: 4 } }, headers);
    expect(below.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    const dates = await gql(gw.url, UpdateTourDocument, { id, changes: { endsOn: inDays(19) } }, headers);
    expect(dates.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const [row] = await sql.rows<{ capacity: number; ends: string }>('t_tour_after', 'select capacity, ends_on::text as ends from tours where id = $1', [id]);
    expect(row).toEqual({ capacity: 5, ends: INPUT.endsOn });
  });

  it('retires a tour: it leaves the catalogue and takes no bookings', async () => {
    const id = (await create(INPUT)).data!.createTour.id;
    const { body } = await gql(gw.url, RetireTourDocument, { id }, await clientHeaders(gw, 'PARTNER', A));
    expect(body.data!.retireTour).toMatchObject({ id, status: 'RETIRED' });
    const [user] = await travellers(gw.services.sql, 1, 30);
    const booking = await gql(gw.url, CreateBookingDocument, { tourId: id, seats: 1, key: randomUUID() }, await userHeaders(gw, user));
    expect(booking.body.data!.createBooking).toEqual({ __typename: 'TourNotBookable', reason: 'RETIRED' });
  });

  it("another partner's tour is NOT_FOUND, exactly like a tour that does not exist, and stays unchanged", async () => {
    const sql = gw.services.sql;
    const theirs = await insertTour(sql, { partnerId: B, capacity: 9 });
    const headers = await clientHeaders(gw, 'PARTNER', A);
    const results = [
      await gql(gw.url, UpdateTourDocument, { id: theirs, changes: { capacity: 1 } }, headers),
      await gql(gw.url, RetireTourDocument, { id: theirs }, headers),
      await gql(gw.url, UpdateTourDocument, { id: randomUUID(), changes: { capacity: 1 } }, headers),
      await gql(gw.url, RetireTourDocument, { id: 'nope' }, headers),
    ];
    const errors = results.map((r) => r.body.errors![0]);
    for (const e of errors) expect([e.message, e.extensions]).toEqual(['Tour not found', { code: 'NOT_FOUND' }]);
    const [row] = await sql.rows<{ capacity: number; status: string }>('t_their_tour', 'select capacity, status from tours where id = $1', [theirs]);
    expect(row).toEqual({ capacity: 9, status: 'ACTIVE' });
  });

  it("partnerTours lists the caller's tours only, retired ones included", async () => {
    const id = (await create(INPUT)).data!.createTour.id;
    await gql(gw.url, RetireTourDocument, { id }, await clientHeaders(gw, 'PARTNER', A));
    const seen: { id: string; status: string; partner: { id: string } }[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 20; page++) {
      const { body } = await gql(gw.url, PartnerToursDocument, { first: 50, after }, await clientHeaders(gw, 'PARTNER', A));
      seen.push(...body.data!.partnerTours.nodes);
      if (!body.data!.partnerTours.pageInfo.hasNextPage) break;
      after = body.data!.partnerTours.pageInfo.endCursor;
    }
    expect(new Set(seen.map((t) => t.partner.id))).toEqual(new Set([A]));
    expect(seen.find((t) => t.id === id)?.status).toBe('RETIRED');
    const [{ n }] = await gw.services.sql.rows<{ n: number }>('t_count_own', 'select count(*)::int as n from tours where partner_id = $1', [A]);
    expect(seen).toHaveLength(n);
  });

  it('needs a partner client with tours:write', async () => {
    const cases = [
      await clientHeaders(gw, 'PARTNER', A, ['tours:read', 'bookings:read']),
      await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write']),
      await userHeaders(gw, (await travellers(gw.services.sql, 1, 30))[0]),
    ];
    for (const headers of cases) {
      const { body } = await gql(gw.url, CreateTourDocument, { input: INPUT }, headers);
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    // A scope the provider's client is not registered for does not even authenticate.
    const beyond = await gql(gw.url, CreateTourDocument, { input: INPUT }, await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write', 'tours:write']));
    expect(beyond).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'TOKEN_CLIENT' } }] } });
    const anonymous = await gql(gw.url, CreateTourDocument, { input: INPUT });
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
