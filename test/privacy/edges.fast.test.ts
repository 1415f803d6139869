import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PARTNERS } from '../../seeds/partners.data.js';
import {
  AcceptDateChangeDocument,
  BookingTravellerDocument,
  MyPrivacyReportDocument,
  TourReviewersDocument,
  TourTravellersDocument,
  UpdateTourDocument,
} from '../generated/operations.js';
import { insertBooking, insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { checkPerson, expectation, rawPerson } from './exposure.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

const NAME_ONLY = expectation([], ['fullName']);
const PARTNER_FULL = expectation(['fullName', 'phone', 'passportNumber', 'iin', 'gender']);
const ABROAD = DEMO_PARTNERS.find((p) => p.country === 'UZ')!.id;

type Reasons = { withheld: { path: unknown[]; reason: string; kind: string }[] };
const reasonsOf = (ext: Record<string, unknown> | undefined, kind: string) =>
  new Set((ext?.privacy as Reasons | undefined)?.withheld.filter((w) => w.kind === kind).map((w) => w.reason));

const book = (userId: string, tourId: string, status: string, daysAgo = 5) => insertBooking(app.services.sql, userId, tourId, status, daysAgo);

async function review(userId: string, tourId: string): Promise<string> {
  const [r] = await app.services.sql.rows<{ id: string }>(
    't_edge_review',
    `insert into reviews (id, author_id, tour_id, rating, text, moderation_status, created_at)
    values (gen_random_uuid(), $1, $2, 5, 'Отличный тур', 'PUBLISHED', now()) returning id`,
    [userId, tourId],
  );
  return r.id;
}

const partner = (partnerId: string) => client(app, 'PARTNER', partnerId);
const disclosuresOf = (res: { requestId: string }) =>
  app.services.sql.rows<{ subject_id: string; edge: string; reference_kind: string; reference_id: string; kinds: string[]; recipient_country: string | null }>(
    't_edge_disc',
    'select subject_id, edge, reference_kind, reference_id, kinds, recipient_country from disclosures where request_id = $1',
    [res.requestId],
  );

describe('a relation belongs to the edge that reached the person', () => {
  const P = OPERATORS[2];
  let u: string;
  let other: string;
  let ownTour: string;
  let foreignTour: string;
  let booking: string;
  beforeAll(async () => {
    [u, other] = await travellers(app.services.sql, 2, 170);
    await setBookingConsent(app.services.sql, [u, other], true);
    ownTour = await insertTour(app.services.sql, { partnerId: P, capacity: 10, startsInDays: 20 });
    foreignTour = await insertTour(app.services.sql, { partnerId: OPERATORS[3], capacity: 10, startsInDays: -40 });
    booking = await book(u, ownTour, 'PAID');
    await review(u, foreignTour);
  });

  it('a partner reaching its own traveller through a public review gets the public view, logs nothing, and says why', async () => {
    const res = await app.run(await partner(P), TourReviewersDocument, { id: foreignTour });
    expect(res.body.errors).toBeUndefined();
    const reviews = res.body.data!.tour!.reviews;
    expect(reviews).toHaveLength(1);
    expect(checkPerson(reviews[0].author as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(res.body.extensions, 'IIN')).toEqual(new Set(['NOT_VIA_BOOKING']));
    expect(await disclosuresOf(res)).toEqual([]);
  });

  it('the same partner reaching the same person as the traveller of its active booking gets FULL, logged with the edge and the booking', async () => {
    const res = await app.run(await partner(P), BookingTravellerDocument, { id: booking });
    expect(checkPerson(res.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, u), PARTNER_FULL)).toEqual([]);
    const rows = await disclosuresOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject_id: u, edge: 'BOOKING_TRAVELLER', reference_kind: 'BOOKING', reference_id: booking, recipient_country: 'KZ' });
    expect(rows[0].kinds.sort()).toEqual(['FULL_NAME', 'GENDER', 'IIN', 'PASSPORT', 'PHONE']);
  });

  it('a payment provider browsing the catalogue sees the public view of authors whose payments it processed', async () => {
    const [pay] = await app.services.sql.rows<{ id: string }>(
      't_edge_pay',
      `insert into payments (id, booking_id, provider_id, amount_kzt, status, external_ref, settled_at)
      values (gen_random_uuid(), $1, $2, 50000, 'CONFIRMED', 'EDGE-1', now()) returning id`,
      [booking, PROVIDERS[0]],
    );
    expect(pay).toBeDefined();
    const res = await app.run(await client(app, 'PAYMENT_PROVIDER', PROVIDERS[0]), TourReviewersDocument, { id: foreignTour });
    expect(checkPerson(res.body.data!.tour!.reviews[0].author as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(res.body.extensions, 'PHONE')).toEqual(new Set(['NOT_VIA_PAYMENT']));
    expect(await disclosuresOf(res)).toEqual([]);
  });

  it('a cancelled booking gives the partner nothing beyond the public view', async () => {
    const cancelled = await book(other, ownTour, 'CANCELLED');
    const res = await app.run(await partner(P), BookingTravellerDocument, { id: cancelled });
    expect(checkPerson(res.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, other), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(res.body.extensions, 'IIN')).toEqual(new Set(['NOT_RELATED']));
    // Nor the account id, which would link the person's trips: a handle per booking instead.
    const handle = res.body.data!.booking!.traveller.id;
    expect(handle).not.toBe(other);
    const again = await app.run(await partner(P), BookingTravellerDocument, { id: await book(other, ownTour, 'CANCELLED') });
    expect([other, handle]).not.toContain(again.body.data!.booking!.traveller.id);
  });

  it('the traveller of an active booking is named by the account id', async () => {
    const res = await app.run(await partner(P), BookingTravellerDocument, { id: booking });
    expect(res.body.data!.booking!.traveller.id).toBe(u);
  });

  it('another partner reaching the traveller through a tour list of its own sees only the public view', async () => {
    const res = await app.run(await partner(OPERATORS[3]), TourReviewersDocument, { id: foreignTour });
    expect(checkPerson(res.body.data!.tour!.reviews[0].author as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
  });
});

describe('windows rest on facts stored with the booking', () => {
  const P = OPERATORS[4];
  let u: string;
  let endedTour: string;
  let oldBooking: string;
  beforeAll(async () => {
    [u] = await travellers(app.services.sql, 1, 175);
    await setBookingConsent(app.services.sql, [u], true);
    // Ended 40 days ago: the window (end + 30 days) closed ten days ago.
    endedTour = await insertTour(app.services.sql, { partnerId: P, capacity: 10, startsInDays: -43 });
    oldBooking = await book(u, endedTour, 'COMPLETED', 60);
  });

  it('moving an ended tour into the future does not reopen its travellers to the partner', async () => {
    const operator = await partner(P);
    const before = await app.run(operator, BookingTravellerDocument, { id: oldBooking });
    expect(checkPerson(before.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
    const [{ until }] = await app.services.sql.rows<{ until: Date }>('t_edge_until', 'select access_until as until from bookings where id = $1', [oldBooking]);
    const moved = await app.run(operator, UpdateTourDocument, { id: endedTour, changes: { startsOn: '2027-01-01', endsOn: '2027-01-02' } });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateTour.endsOn).toBe('2027-01-02');
    const after = await app.run(operator, BookingTravellerDocument, { id: oldBooking });
    expect(checkPerson(after.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(after.body.extensions, 'PASSPORT')).toEqual(new Set(['NOT_RELATED']));
    const [{ until: still }] = await app.services.sql.rows<{ until: Date }>('t_edge_until', 'select access_until as until from bookings where id = $1', [oldBooking]);
    expect(still).toEqual(until);
  });

  it('a partner moving the dates of a tour with a paid booking never moves the window; only the traveller accepting the new dates does', async () => {
    // Ended 42 days ago and never completed: the stored window (end + 30 days) closed 11 days ago.
    const tour = await insertTour(app.services.sql, { partnerId: P, capacity: 10, startsInDays: -45 });
    const paid = await book(u, tour, 'PAID', 60);
    const operator = await partner(P);
    const until = async () => (await app.services.sql.rows<{ until: Date }>('t_edge_until', 'select access_until as until from bookings where id = $1', [paid]))[0].until;
    const before = await until();
    const moved = await app.run(operator, UpdateTourDocument, { id: tour, changes: { startsOn: '2027-02-01', endsOn: '2027-02-03' } });
    expect(moved.body.errors).toBeUndefined();
    expect(await until()).toEqual(before);
    const after = await app.run(operator, BookingTravellerDocument, { id: paid });
    expect(checkPerson(after.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, u), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(after.body.extensions, 'PASSPORT')).toEqual(new Set(['NOT_RELATED']));
    // Not by any other path either: the database refuses to move a window no accepted date change names.
    await expect(app.services.sql.rows('t_edge_force', "update bookings set access_until = '2027-03-06'::date::timestamptz where id = $1", [paid])).rejects.toThrow(
      /moves only when its traveller accepts a date change/,
    );

    const accepted = await app.run(await traveller(app, u), AcceptDateChangeDocument, { id: paid });
    expect(accepted.body.data!.acceptDateChange.__typename).toBe('DateChangeAccepted');
    const [r] = await app.services.sql.rows<{ ok: boolean }>('t_edge_accepted', "select access_until = ('2027-02-03'::date + 31)::timestamptz as ok from bookings where id = $1", [
      paid,
    ]);
    expect(r.ok).toBe(true);
    const open = await app.run(operator, BookingTravellerDocument, { id: paid });
    expect(checkPerson(open.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, u), PARTNER_FULL)).toEqual([]);
    const renamed = await app.run(operator, UpdateTourDocument, { id: tour, changes: { title: 'Новое название тура' } });
    expect(renamed.body.errors).toBeUndefined();
  });

  it('a booking stores the window when it is made: the tour end then + 30 days', async () => {
    const tour = await insertTour(app.services.sql, { partnerId: P, capacity: 10, startsInDays: 12 });
    const id = await book(u, tour, 'PENDING_PAYMENT', 0);
    const [r] = await app.services.sql.rows<{ ok: boolean }>(
      't_edge_window',
      `select b.access_until = (t.ends_on + 31)::timestamptz as ok
      from bookings b join tours t on t.id = b.tour_id where b.id = $1`,
      [id],
    );
    expect(r.ok).toBe(true);
  });
});

describe('cross-border: a partner abroad', () => {
  let consenting: string;
  let refusing: string;
  let tour: string;
  beforeAll(async () => {
    const sql = app.services.sql;
    [consenting, refusing] = await travellers(sql, 2, 178);
    await setBookingConsent(sql, [consenting, refusing], true);
    await sql.rows(
      't_edge_cb',
      `insert into consents (id, user_id, purpose, granted, policy_version_id, updated_at)
      select gen_random_uuid(), u, 'CROSS_BORDER_TRANSFER', u = $1, (select id from policy_versions order by published_at desc limit 1), now() from unnest($2::uuid[]) u
      on conflict (user_id, purpose) do update set granted = excluded.granted`,
      [consenting, [consenting, refusing]],
    );
    tour = await insertTour(sql, { partnerId: ABROAD, capacity: 10, startsInDays: 15 });
    await book(consenting, tour, 'PAID');
    await book(refusing, tour, 'PAID');
  });

  it('gets FULL only for travellers who consented to cross-border transfer, and the transfer shows in their privacy report', async () => {
    const res = await app.run(await partner(ABROAD), TourTravellersDocument, { id: tour });
    expect(res.body.errors).toBeUndefined();
    const byUser = new Map(
      await Promise.all(
        res.body.data!.tour!.bookings.nodes.map(async (b) => {
          const [{ user }] = await app.services.sql.rows<{ user: string }>('t_edge_owner', 'select user_id as user from bookings where id = $1', [b.id]);
          return [user, b.traveller] as const;
        }),
      ),
    );
    expect(checkPerson(byUser.get(consenting) as Record<string, unknown>, await rawPerson(app, consenting), PARTNER_FULL)).toEqual([]);
    expect(checkPerson(byUser.get(refusing) as Record<string, unknown>, await rawPerson(app, refusing), NAME_ONLY)).toEqual([]);
    expect(reasonsOf(res.body.extensions, 'IIN')).toEqual(new Set(['NO_CROSS_BORDER_CONSENT']));
    const rows = await disclosuresOf(res);
    expect(rows.map((r) => [r.subject_id, r.recipient_country])).toEqual([[consenting, 'UZ']]);
    const report = await app.run(await traveller(app, consenting), MyPrivacyReportDocument);
    const transfers = report.body.data!.myPrivacyReport.crossBorder.transfers;
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ recipient: 'Silk Road Voyages', country: 'UZ', count: 1 });
    expect(transfers[0].kinds).toEqual(['FULL_NAME', 'GENDER', 'IIN', 'PASSPORT', 'PHONE']);
  });
});
