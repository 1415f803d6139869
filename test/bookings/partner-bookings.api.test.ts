import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CreateBookingDocument, PaidBookingTravellerDocument, PartnerBookingsDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { checkPerson, expectation, rawPerson, type RawPerson } from '../privacy/exposure.fixtures.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers, userHeaders } from './booking.fixtures.js';

const A = OPERATORS[4];
const B = OPERATORS[5];
let gw: RunningGateway;
let users: string[];
const booked: string[] = [];
beforeAll(async () => {
  gw = await startTestGateway();
  const sql = gw.services.sql;
  users = await travellers(sql, 3, 15);
  await setBookingConsent(sql, users, true);
  const tourId = await insertTour(sql, { partnerId: A, capacity: 10 });
  for (const u of users) {
    const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, await userHeaders(gw, u));
    if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error('booking failed');
    booked.push(body.data!.createBooking.booking.id);
  }
  // The last traveller withdraws after booking: from the next request the partner sees their display name only.
  await setBookingConsent(sql, [users[2]], false);
});
afterAll(async () => {
  await gw.close();
});

const FULL_FOR_PARTNER = expectation(['fullName', 'phone', 'passportNumber', 'iin', 'gender']);
const NAME_ONLY = expectation([], ['fullName']);

function shownInFull(t: Record<string, unknown>, raw: RawPerson): boolean {
  return (['phone', 'iin', 'passportNumber', 'email'] as const).some((f) => raw[f] !== null && t[f] === raw[f]);
}

async function partnersOf(bookingIds: string[]): Promise<string[]> {
  const rows = await gw.services.sql.rows<{ partnerId: string }>(
    't_booking_partners',
    'select distinct t.partner_id as "partnerId" from bookings b join tours t on t.id = b.tour_id where b.id = any($1::uuid[])',
    [bookingIds],
  );
  return rows.map((r) => r.partnerId);
}

describe('partnerBookings', () => {
  it("lists the partner's own bookings newest first, travellers as the policy allows, and logs every full disclosure", async () => {
    const res = await gql(gw.url, PartnerBookingsDocument, { first: 30 }, await clientHeaders(gw, 'PARTNER', A));
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.partnerBookings.nodes;
    expect(nodes.slice(0, 3).map((n) => n.id)).toEqual([...booked].reverse());
    expect(await partnersOf(nodes.map((n) => n.id))).toEqual([A]);
    const byId = new Map(nodes.map((n) => [n.id, n.traveller as Record<string, unknown>]));
    expect(checkPerson(byId.get(booked[0])!, await rawPerson(gw, users[0]), FULL_FOR_PARTNER)).toEqual([]);
    expect(checkPerson(byId.get(booked[1])!, await rawPerson(gw, users[1]), FULL_FOR_PARTNER)).toEqual([]);
    expect(checkPerson(byId.get(booked[2])!, await rawPerson(gw, users[2]), NAME_ONLY)).toEqual([]);
    // Travellers of bookings whose relation has ended are shown under a handle, not their account id: read who booked from the rows.
    const travellerOf = new Map(
      (
        await gw.services.sql.rows<{ id: string; userId: string }>('t_partner_booking_users', 'select id, user_id as "userId" from bookings where id = any($1::uuid[])', [
          nodes.map((n) => n.id),
        ])
      ).map((r) => [r.id, r.userId]),
    );
    const full = new Set<string>();
    for (const n of nodes) {
      const userId = travellerOf.get(n.id)!;
      if (shownInFull(n.traveller, await rawPerson(gw, userId))) full.add(userId);
      // The account id only while the booking relates them; any shown in full is related.
      if (full.has(userId)) expect(n.traveller.id).toBe(userId);
    }
    expect(full.has(users[0]) && full.has(users[1]) && !full.has(users[2])).toBe(true);
    const logged = await gw.services.sql.rows<{ subjectId: string; kinds: string[]; partner: string; purpose: string }>(
      't_partner_disclosures',
      `select subject_id as "subjectId", kinds, recipient_partner_id as partner, purpose from disclosures where request_id = $1 and recipient_kind = 'PARTNER'`,
      [res.headers.get('x-request-id')],
    );
    expect(new Set(logged.map((l) => l.subjectId))).toEqual(full);
    const mine = logged.find((l) => l.subjectId === users[0])!;
    expect(mine).toMatchObject({ partner: A, purpose: 'TOUR_BOOKING' });
    expect([...mine.kinds].sort()).toEqual(['FULL_NAME', 'GENDER', 'IIN', 'PASSPORT', 'PHONE']);
  });

  it('pages with an opaque cursor, without overlap', async () => {
    const headers = await clientHeaders(gw, 'PARTNER', A);
    const one = await gql(gw.url, PartnerBookingsDocument, { first: 2 }, headers);
    const p1 = one.body.data!.partnerBookings;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const two = await gql(gw.url, PartnerBookingsDocument, { first: 2, after: p1.pageInfo.endCursor }, headers);
    const p2 = two.body.data!.partnerBookings;
    expect(p1.nodes.map((n) => n.id)).toEqual([booked[2], booked[1]]);
    expect(p2.nodes[0].id).toBe(booked[0]);
    expect(p2.nodes.some((n) => p1.nodes.some((m) => m.id === n.id))).toBe(false);
    const bad = await gql(gw.url, PartnerBookingsDocument, { first: 2, after: 'bm9wZQ' }, headers);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('another partner never sees these bookings or travellers', async () => {
    const headers = await clientHeaders(gw, 'PARTNER', B);
    const res = await gql(gw.url, PartnerBookingsDocument, { first: 100 }, headers);
    const ids = res.body.data!.partnerBookings.nodes.map((n) => n.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(await partnersOf(ids)).toEqual([B]);
    expect(ids.some((id) => booked.includes(id))).toBe(false);
    const raw = await rawPerson(gw, users[0]);
    expect(JSON.stringify(res.body)).not.toContain(raw.phone!);
    const one = await gql(gw.url, PaidBookingTravellerDocument, { id: booked[0] }, headers);
    expect(one.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('is for tour partners with bookings:read only', async () => {
    for (const headers of [
      await clientHeaders(gw, 'PARTNER', A, ['tours:read', 'tours:write']),
      await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0]),
      await userHeaders(gw, users[0]),
    ]) {
      const { body } = await gql(gw.url, PartnerBookingsDocument, { first: 5 }, headers);
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });
});
