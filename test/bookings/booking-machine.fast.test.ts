import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TRANSITIONS, sourcesOf } from '../../src/bookings/booking.machine.js';
import { BookingStatus } from '../../src/bookings/booking.type.js';
import { CreateBookingDocument, PaidBookingTravellerDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller as travellerOf } from '../support/principals.js';
import { freshTraveller } from '../rights/fresh-user.fixtures.js';
import { insertTour, OPERATORS, setBookingConsent } from './booking.fixtures.js';

let app: InProcessApp;
let tourId: string;
let userId: string;
beforeAll(async () => {
  app = await openApp();
  tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[3], capacity: 100 });
  userId = (await freshTraveller(app)).id;
  await setBookingConsent(app.services.sql, [userId], true);
});
afterAll(async () => {
  await app.close();
});

const STATUSES = Object.values(BookingStatus);

async function insertBooking(status: BookingStatus): Promise<string> {
  const id = randomUUID();
  await app.services.sql.rows(
    't_machine_insert',
    `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    values ($1, $2, $3, 1, $4, 0, $5, now())`,
    [id, userId, tourId, status, `machine-${id}`],
  );
  return id;
}

async function moves(id: string, to: string): Promise<boolean> {
  try {
    await app.services.sql.rows('t_machine_move', 'update bookings set status = $2 where id = $1', [id, to]);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code !== '23514') throw e;
    return false;
  }
}

describe('booking state machine', () => {
  it('the database allows exactly the moves of the machine, and no unknown status', async () => {
    const allowed: string[] = [];
    for (const from of STATUSES) {
      for (const to of STATUSES.filter((s) => s !== from)) if (await moves(await insertBooking(from), to)) allowed.push(`${from}->${to}`);
    }
    const expected = STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(expected.sort());
    expect(expected).toContain('PENDING_PAYMENT->EXPIRED');
    expect(expected).toContain('CANCELLED->REFUNDED');
    expect(await moves(await insertBooking(BookingStatus.PENDING_PAYMENT), 'LOST')).toBe(false);
    expect(sourcesOf(BookingStatus.CANCELLED).sort()).toEqual(['PAID', 'PENDING_PAYMENT']);
    // These rows took no seats; removed, they leave the tour's seat count true for the suites that check it.
    await app.services.sql.rows('t_machine_cleanup', 'delete from bookings where tour_id = $1', [tourId]);
  });

  it('an expired booking is no longer active: its partner sees the traveller in full before, and only the display name after', async () => {
    const sql = app.services.sql;
    // A traveller of this test alone, so that no other booking relates them to the partner.
    const traveller = (await freshTraveller(app)).id;
    await setBookingConsent(sql, [traveller], true);
    const tour = await insertTour(sql, { partnerId: OPERATORS[3], capacity: 5 });
    const { body } = await app.run(await travellerOf(app, traveller), CreateBookingDocument, { tourId: tour, seats: 1, key: randomUUID() });
    if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error(body.data!.createBooking.__typename);
    const id = body.data!.createBooking.booking.id;
    const partner = await client(app, 'PARTNER', OPERATORS[3], { scopes: ['bookings:read', 'travelers:read'] });
    const before = (await app.run(partner, PaidBookingTravellerDocument, { id })).body.data!.booking!.traveller;
    expect(before.iin).toMatch(/^\d{12}$/);
    await sql.rows('t_machine_expire', "update bookings set status = 'EXPIRED' where id = $1", [id]);
    const after = (await app.run(partner, PaidBookingTravellerDocument, { id })).body.data!.booking!.traveller;
    expect(after).toMatchObject({ iin: null, phone: null, passportNumber: null });
  });
});
