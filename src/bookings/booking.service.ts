import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Booking, BookingDateChange, BookingEvent } from './booking.type.js';
import type { KeyCursor } from '../graphql/cursor.js';
import { ANSWERS_DATE_CHANGES } from './booking.machine.js';
import { OWN_TOURS_PAGE, TOUR_COLUMNS, type TourRow } from '../tours/tour.service.js';
import { STORED_PERSON_JSON, USER_KEY_JOIN, type StoredPerson } from '../users/user.service.js';
import { keysetAfter, microsTime } from '../db/keyset.js';

// The traveller's access facts come with the booking, so deciding their exposure costs no statement of its own.
const COLUMNS = `b.id, b.seats, b.status, b.amount_kzt::int as "amountKzt", b.created_at as "createdAt",
  b.user_id as "userId", b.tour_id as "tourId", t.partner_id as "partnerId", tp.country as "partnerCountry",
  (b.status in ('PENDING_PAYMENT', 'PAID', 'COMPLETED') and now() >= b.created_at and now() < b.access_until) as "accessOpen",
  array(select c.purpose from consents c where c.user_id = b.user_id and c.granted order by c.purpose) as "travellerConsents"`;
const FROM = 'bookings b join tours t on t.id = b.tour_id join partners tp on tp.id = t.partner_id';

/** A booking's columns as every read returns them, from `b` (a bookings row), `t` (its tour) and `tp` (the tour's partner). */
export const BOOKING_COLUMNS = COLUMNS;

// Newest first; the keyset key is the creation time in microseconds since the epoch, exact where a JS Date is not.
const CURSOR_MICROS = `((extract(epoch from b.created_at) * 1000000)::bigint)::text as "cursorMicros"`;
const before = (micros: string, id: string) => keysetAfter('desc', { key: 'b.created_at', id: 'b.id' }, { key: microsTime(micros), id });

// One tour's page of bookings after the keyset position ($micros, $id), for a lateral join per tour (`tour` names it).
const tourPage = (tour: string, micros: string, id: string, limit: string) => `select ${COLUMNS}, ${CURSOR_MICROS} from ${FROM}
  where ${tour} and ${before(micros, id)} order by b.created_at desc, b.id desc limit ${limit}`;

// The tours page; each of the first $5 tours with its bookings page ($6, $7, $8) as one json array of rows, and their stored travellers as
// another (one json value per tour instead of the tour's columns repeated on each booking row).
const toursWithBookings = (travellers: boolean) => `with pt as (select ${TOUR_COLUMNS}, row_number() over (order by t.starts_on, t.id) as n ${OWN_TOURS_PAGE})
  select pt.*, x.bookings${travellers ? ', x.travellers' : ''} from pt left join lateral (
    select json_agg(bp order by bp."createdAt" desc, bp.id desc) as bookings${travellers ? `, json_agg(${STORED_PERSON_JSON}) filter (where u.id is not null) as travellers` : ''}
    from (${tourPage('b.tour_id = pt.id', '$6', '$7', '$8')}) bp ${travellers ? `left join users u on u.id = bp."userId" ${USER_KEY_JOIN}` : ''}
    where pt.n <= $5) x on true
  order by pt.n`;

export interface ToursWithBookings {
  tours: TourRow[];
  /** The bookings page of each of the first `shown` tours, empty where it has none. */
  bookings: Map<string, PartnerBookingRow[]>;
  /** The travellers of those bookings as stored, when asked for. */
  travellers: StoredPerson[];
}

interface TourWithBookingsRow extends TourRow {
  n: string;
  bookings: (Omit<PartnerBookingRow, 'createdAt'> & { createdAt: string | Date })[] | null;
  travellers?: StoredPerson[] | null;
}
type ToursWithBookingsArgs = [
  partnerId: string,
  afterKey: string | null,
  afterId: string | null,
  limit: number,
  shown: number,
  pageAfterKey: string | null,
  pageAfterId: string | null,
  pageLimit: number,
];
const TOURS_WITH_BOOKINGS = statement<TourWithBookingsRow, ToursWithBookingsArgs>('partner_tours_bookings', toursWithBookings(false));
const TOURS_WITH_TRAVELLERS = statement<TourWithBookingsRow, ToursWithBookingsArgs>('partner_tours_travellers', toursWithBookings(true));

/**
 * A partner's tours after a keyset position (`limit` of them, as toursOfPartner reads them), with the first `shown` tours' bookings
 * page as bookingsByTours reads it and, when asked, the travellers as personsByIds reads them: one statement instead of three.
 */
export async function partnerToursWithBookings(
  sql: Sql,
  partnerId: string,
  after: KeyCursor | null,
  limit: number,
  shown: number,
  page: { after: KeyCursor | null; limit: number },
  travellers: boolean,
): Promise<ToursWithBookings> {
  const rows = await sql.rows(
    travellers ? TOURS_WITH_TRAVELLERS : TOURS_WITH_BOOKINGS,
    partnerId,
    after?.key ?? null,
    after?.id ?? null,
    limit,
    shown,
    page.after?.key ?? null,
    page.after?.id ?? null,
    page.limit,
  );
  const out: ToursWithBookings = { tours: [], bookings: new Map(), travellers: [] };
  for (const { n, bookings, travellers: people, ...tour } of rows) {
    out.tours.push(tour);
    if (out.tours.length > shown) continue;
    // json carries the timestamp as text: a Date as the row parser makes it (both keep whole milliseconds).
    for (const b of bookings ?? []) b.createdAt = new Date(b.createdAt);
    out.bookings.set(tour.id, (bookings ?? []) as PartnerBookingRow[]);
    if (people) out.travellers.push(...people);
  }
  return out;
}

export interface PartnerBookingRow extends Booking {
  cursorMicros: string;
}
export interface TravellerBookingRow extends PartnerBookingRow {
  started: boolean;
  reviewed: boolean;
  dateChangePending: boolean;
}

const BY_TOURS = statement<PartnerBookingRow, [tourIds: readonly string[], limit: number, afterKey: string | null, afterId: string | null]>(
  'bookings_by_tours',
  `select x.* from unnest($1::uuid[]) as k(tour_id) cross join lateral (${tourPage('b.tour_id = k.tour_id', '$3', '$4', '$2')}) x`,
);
const BY_IDS = statement<Booking, [ids: readonly string[]]>('bookings_by_ids', `select ${COLUMNS} from ${FROM} where b.id = any($1::uuid[])`);
const BY_ID = statement<Booking, [id: string]>('booking_by_id', `select ${COLUMNS} from ${FROM} where b.id = $1`);
const PROVIDER_PROCESSES = statement<{ ok: boolean }, [bookingId: string, providerPartnerId: string]>(
  'provider_processes',
  "select exists(select 1 from payments where booking_id = $1 and provider_id = $2 and status <> 'FAILED') as ok",
);
const OF_PARTNER = statement<PartnerBookingRow, [partnerId: string, afterKey: string | null, afterId: string | null, limit: number]>(
  'bookings_of_partner',
  `select ${COLUMNS}, ${CURSOR_MICROS}
    from ${FROM}
    where t.partner_id = $1 and ${before('$2', '$3')}
    order by b.created_at desc, b.id desc limit $4`,
);
const OF_USER = statement<TravellerBookingRow, [userId: string, status: string | null, afterKey: string | null, afterId: string | null, limit: number]>(
  'bookings_of_user',
  `select ${COLUMNS},
      ((extract(epoch from b.created_at) * 1000000)::bigint)::text as "cursorMicros", t.starts_on <= current_date as started,
      exists(select 1 from reviews r where r.author_id = b.user_id and r.tour_id = b.tour_id) as reviewed,
      exists(select 1 from booking_date_decisions d where d.booking_id = b.id and d.decision = 'PENDING') as "dateChangePending"
    from ${FROM}
    where b.user_id = $1 and ($2::text is null or b.status = $2)
      and ${keysetAfter('desc', { key: 'b.created_at', id: 'b.id' }, { key: microsTime('$3'), id: '$4' })}
    order by b.created_at desc, b.id desc limit $5`,
);
const HISTORIES = statement<BookingEvent & { bookingId: string }, [bookingIds: readonly string[]]>(
  'booking_histories',
  `select id, booking_id as "bookingId",
    kind, status, actor_kind as "actorKind", reason, at
  from booking_events where booking_id = any($1::uuid[]) order by at, id`,
);
const DATE_CHANGES = statement<BookingDateChange, [bookingIds: readonly string[], answering: readonly string[]]>(
  'booking_date_changes',
  `select c.id, d.booking_id as "bookingId", c.old_starts_on::text as "oldStartsOn",
      c.old_ends_on::text as "oldEndsOn", c.new_starts_on::text as "newStartsOn", c.new_ends_on::text as "newEndsOn", c.changed_at as "changedAt",
      d.decision, d.decided_at as "decidedAt",
      case when d.decision <> 'PENDING' or not b.status = any($2::text[]) then '{}'::text[]
        when t.starts_on > current_date then array['ACCEPT', 'CANCEL_WITH_FULL_REFUND'] else array['ACCEPT'] end as options
    from booking_date_decisions d join tour_date_changes c on c.id = d.date_change_id
      join bookings b on b.id = d.booking_id join tours t on t.id = b.tour_id
    where d.booking_id = any($1::uuid[]) order by c.changed_at, c.id`,
);

/** Each tour's newest bookings after a keyset position, at most `limit` per tour, in one statement. */
export function bookingsByTours(sql: Sql, tourIds: readonly string[], after: KeyCursor | null, limit: number): Promise<PartnerBookingRow[]> {
  return sql.rows(BY_TOURS, tourIds, limit, after?.key ?? null, after?.id ?? null);
}

export function bookingsByIds(sql: Sql, ids: readonly string[]): Promise<Booking[]> {
  return sql.rows(BY_IDS, ids);
}

export async function bookingById(sql: Sql, id: string): Promise<Booking | null> {
  const [row] = await sql.rows(BY_ID, id);
  return row ?? null;
}

/** Whether this payment provider processes a payment for the booking. */
export async function providerProcesses(sql: Sql, providerPartnerId: string, bookingId: string): Promise<boolean> {
  const [row] = await sql.rows(PROVIDER_PROCESSES, bookingId, providerPartnerId);
  return row.ok;
}

/** A page of bookings on all of one partner's tours, newest first; the cursor is exact to the microsecond. */
export function bookingsOfPartner(sql: Sql, partnerId: string, after: KeyCursor | null, limit: number): Promise<PartnerBookingRow[]> {
  return sql.rows(OF_PARTNER, partnerId, after?.key ?? null, after?.id ?? null, limit);
}

/** A page of one traveller's bookings, newest first, optionally of one status; each row says whether its tour started and was reviewed,
 * and whether a move of its dates awaits the traveller's answer. */
export function bookingsOfUser(sql: Sql, userId: string, status: string | null, after: KeyCursor | null, limit: number): Promise<TravellerBookingRow[]> {
  return sql.rows(OF_USER, userId, status, after?.key ?? null, after?.id ?? null, limit);
}

export function bookingHistories(sql: Sql, bookingIds: readonly string[]): Promise<(BookingEvent & { bookingId: string })[]> {
  return sql.rows(HISTORIES, bookingIds);
}

/** The moves of each booking's tour dates made after it was booked, oldest first, with the traveller's answer and what they can still do. */
export function bookingDateChanges(sql: Sql, bookingIds: readonly string[]): Promise<BookingDateChange[]> {
  return sql.rows(DATE_CHANGES, bookingIds, ANSWERS_DATE_CHANGES);
}
