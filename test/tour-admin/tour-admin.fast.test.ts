import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBookingDocument, CreateTourDocument, PartnerToursDocument, RetireTourDocument, UpdateTourDocument, type TourInput } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { insertTour, OPERATORS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';

const A = OPERATORS[3];
const B = OPERATORS[0];
let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

const INPUT: TourInput = { title: 'Бурабай: озёра и скалы', region: 'AKMOLA', startsOn: inDays(20), endsOn: inDays(23), priceKzt: 85_000, capacity: 12 };

async function create(input: TourInput, partnerId = A) {
  return (await app.run(await client(app, 'PARTNER', partnerId), CreateTourDocument, { input })).body;
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
    const sql = app.services.sql;
    const id = (await create(INPUT)).data!.createTour.id;
    const [user] = await travellers(sql, 1, 30);
    await setBookingConsent(sql, [user], true);
    await app.run(await traveller(app, user), CreateBookingDocument, { tourId: id, seats: 5, key: randomUUID() });
    const partner = await client(app, 'PARTNER', A);
    const ok = await app.run(partner, UpdateTourDocument, { id, changes: { priceKzt: 90_000, capacity: 5 } });
    expect(ok.body.data!.updateTour).toMatchObject({ title: INPUT.title, priceKzt: 90_000, capacity: 5, seatsLeft: 0 });
    const below = await app.run(partner, UpdateTourDocument, { id, changes: { capacity: 4 } });
    expect(below.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    const dates = await app.run(partner, UpdateTourDocument, { id, changes: { endsOn: inDays(19) } });
    expect(dates.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const [row] = await sql.rows<{ capacity: number; ends: string }>('t_tour_after', 'select capacity, ends_on::text as ends from tours where id = $1', [id]);
    expect(row).toEqual({ capacity: 5, ends: INPUT.endsOn });
  });

  it('retires a tour: it leaves the catalogue and takes no bookings', async () => {
    const id = (await create(INPUT)).data!.createTour.id;
    const { body } = await app.run(await client(app, 'PARTNER', A), RetireTourDocument, { id });
    expect(body.data!.retireTour).toMatchObject({ id, status: 'RETIRED' });
    const [user] = await travellers(app.services.sql, 1, 30);
    const booking = await app.run(await traveller(app, user), CreateBookingDocument, { tourId: id, seats: 1, key: randomUUID() });
    expect(booking.body.data!.createBooking).toEqual({ __typename: 'TourNotBookable', reason: 'RETIRED' });
  });

  it("another partner's tour is NOT_FOUND, exactly like a tour that does not exist, and stays unchanged", async () => {
    const sql = app.services.sql;
    const theirs = await insertTour(sql, { partnerId: B, capacity: 9 });
    const partner = await client(app, 'PARTNER', A);
    const results = [
      await app.run(partner, UpdateTourDocument, { id: theirs, changes: { capacity: 1 } }),
      await app.run(partner, RetireTourDocument, { id: theirs }),
      await app.run(partner, UpdateTourDocument, { id: randomUUID(), changes: { capacity: 1 } }),
      await app.run(partner, RetireTourDocument, { id: 'nope' }),
    ];
    const errors = results.map((r) => r.body.errors![0]);
    for (const e of errors) expect([e.message, e.extensions]).toEqual(['Tour not found', { code: 'NOT_FOUND' }]);
    const [row] = await sql.rows<{ capacity: number; status: string }>('t_their_tour', 'select capacity, status from tours where id = $1', [theirs]);
    expect(row).toEqual({ capacity: 9, status: 'ACTIVE' });
  });

  it("partnerTours lists the caller's tours only, retired ones included", async () => {
    const id = (await create(INPUT)).data!.createTour.id;
    await app.run(await client(app, 'PARTNER', A), RetireTourDocument, { id });
    const seen: { id: string; status: string; partner: { id: string } }[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 20; page++) {
      const { body } = await app.run(await client(app, 'PARTNER', A), PartnerToursDocument, { first: 50, after });
      seen.push(...body.data!.partnerTours.nodes);
      if (!body.data!.partnerTours.pageInfo.hasNextPage) break;
      after = body.data!.partnerTours.pageInfo.endCursor;
    }
    expect(new Set(seen.map((t) => t.partner.id))).toEqual(new Set([A]));
    expect(seen.find((t) => t.id === id)?.status).toBe('RETIRED');
    const [{ n }] = await app.services.sql.rows<{ n: number }>('t_count_own', 'select count(*)::int as n from tours where partner_id = $1', [A]);
    expect(seen).toHaveLength(n);
  });
});
