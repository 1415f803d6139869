import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError } from '../graphql/errors.js';
import { ConsentPurpose } from '../consent/consent.type.js';
import { BOOKING_COLUMNS, bookingById } from './booking.service.js';
import type { Booking } from './booking.type.js';
import { TourNotBookableReason, type CreateBookingOutcome } from './booking-result.type.js';

export interface BookingRequest {
  userId: string;
  tourId: string;
  seats: number;
  idempotencyKey: string;
}

const MAX_SEATS = 20;
const KEY = /^[\x21-\x7e]{8,128}$/;

export function validateBookingRequest(r: BookingRequest): BookingRequest {
  if (!Number.isInteger(r.seats) || r.seats < 1 || r.seats > MAX_SEATS) throw new BadInputError(`seats must be between 1 and ${MAX_SEATS}`, 'seats');
  if (!KEY.test(r.idempotencyKey)) throw new BadInputError('idempotencyKey must be 8 to 128 printable ASCII characters without spaces', 'idempotencyKey');
  return r;
}

const BY_KEY = statement<{ id: string; tourId: string; seats: number }, [userId: string, idempotencyKey: string]>(
  'booking_by_key',
  'select id, tour_id as "tourId", seats from bookings where user_id = $1 and idempotency_key = $2',
);
const HAS_CONSENT = statement<{ ok: boolean }, [userId: string]>(
  'booking_consent',
  "select exists(select 1 from consents where user_id = $1 and purpose = 'TOUR_BOOKING' and granted) as ok",
);
const BOOKABILITY = statement<{ status: string; started: boolean; seatsLeft: number }, [tourId: string]>(
  'tour_bookability',
  'select status, starts_on <= current_date as started, capacity - seats_booked as "seatsLeft" from tours where id = $1',
);

/** The booking already made with this key, if any; the same key with other parameters is a client error. */
async function replay(sql: Sql, r: BookingRequest): Promise<CreateBookingOutcome | null> {
  const [prior] = await sql.rows(BY_KEY, r.userId, r.idempotencyKey);
  if (!prior) return null;
  if (prior.tourId !== r.tourId || prior.seats !== r.seats) throw new BadInputError('idempotencyKey reused with different parameters', 'idempotencyKey');
  return { booking: (await bookingById(sql, prior.id))! };
}

async function hasBookingConsent(sql: Sql, userId: string): Promise<boolean> {
  const [row] = await sql.rows(HAS_CONSENT, userId);
  return row.ok;
}

async function whyNotBooked(sql: Sql, tourId: string): Promise<CreateBookingOutcome> {
  const [t] = await sql.rows(BOOKABILITY, tourId);
  if (!t) return { reason: TourNotBookableReason.UNKNOWN };
  if (t.status !== 'ACTIVE') return { reason: TourNotBookableReason.RETIRED };
  if (t.started) return { reason: TourNotBookableReason.STARTED };
  return { seatsLeft: t.seatsLeft };
}

// The seats, the booking and its first event in one statement, so one round trip and no transaction of our own; no row when the
// tour takes no booking or the traveller has no booking consent. A key taken meanwhile fails the whole statement (unique violation),
// which undoes the seats.
const BOOK = statement<Booking, [userId: string, tourId: string, seats: number, idempotencyKey: string]>(
  'booking_create',
  `with tour as (
    update tours set seats_booked = seats_booked + $3
    where id = $2 and status = 'ACTIVE' and starts_on > current_date and seats_booked + $3 <= capacity
      and exists(select 1 from consents where user_id = $1 and purpose = 'TOUR_BOOKING' and granted)
    returning id, partner_id, price_kzt),
  booked as (
    insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    select gen_random_uuid(), $1, tour.id, $3, 'PENDING_PAYMENT', $3 * tour.price_kzt, $4, now() from tour
    returning *),
  event as (
    insert into booking_events (id, booking_id, kind, status, actor_kind, reason, at)
    select gen_random_uuid(), id, 'STATUS_CHANGED', status, 'USER', null, now() from booked)
  select ${BOOKING_COLUMNS} from booked b join tour t on t.id = b.tour_id join partners tp on tp.id = t.partner_id`,
);

const KEY_CONSTRAINT = 'bookings_user_id_idempotency_key_unique';

/** The new booking; null when nothing was booked, a key taken meanwhile included (the caller replays it). */
async function book(sql: Sql, r: BookingRequest): Promise<Booking | null> {
  try {
    const [booking] = await sql.rows(BOOK, r.userId, r.tourId, r.seats, r.idempotencyKey);
    return booking ?? null;
  } catch (e) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === KEY_CONSTRAINT) return null;
    throw e;
  }
}

/** Books seats once per idempotency key: a retry, even after a crash between commit and reply, gets the same booking. */
export async function createBooking(sql: Sql, r: BookingRequest): Promise<CreateBookingOutcome> {
  const booked = isUuid(r.tourId) ? await book(sql, r) : null;
  if (booked) return { booking: booked };
  // Not booked: the key's earlier booking if there is one (made before, or by a concurrent request that won), else why not.
  const prior = await replay(sql, r);
  if (prior) return prior;
  if (!isUuid(r.tourId)) return { reason: TourNotBookableReason.UNKNOWN };
  if (!(await hasBookingConsent(sql, r.userId))) return { purpose: ConsentPurpose.TOUR_BOOKING };
  return whyNotBooked(sql, r.tourId);
}
