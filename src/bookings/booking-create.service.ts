import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError } from '../graphql/errors.js';
import { ConsentPurpose } from '../consent/consent.type.js';
import { bookingById } from './booking.service.js';
import { TourNotBookableReason, type CreateBookingOutcome } from './booking-result.type.js';
import { appendBookingEvent } from './booking-event.service.js';

export interface BookingRequest { userId: string; tourId: string; seats: number; idempotencyKey: string }

const MAX_SEATS = 20;
const KEY = /^[\x21-\x7e]{8,128}$/;

export function validateBookingRequest(r: BookingRequest): BookingRequest {
  if (!Number.isInteger(r.seats) || r.seats < 1 || r.seats > MAX_SEATS) throw new BadInputError(`seats must be between 1 and ${MAX_SEATS}`, 'seats');
  if (!KEY.test(r.idempotencyKey)) throw new BadInputError('idempotencyKey must be 8 to 128 printable ASCII characters without spaces', 'idempotencyKey');
  return r;
}

/** The booking already made with this key, if any; the same key with other parameters is a client error. */
async function replay(sql: Sql, r: BookingRequest): Promise<CreateBookingOutcome | null> {
  const [prior] = await sql.rows<{ id: string; tourId: string; seats: number }>('booking_by_key',
    'select id, tour_id as "tourId", seats from bookings where user_id = $1 and idempotency_key = $2', [r.userId, r.idempotencyKey]);
  if (!prior) return null;
  if (prior.tourId !== r.tourId || prior.seats !== r.seats) throw new BadInputError('idempotencyKey reused with different parameters', 'idempotencyKey');
  return { booking: (await bookingById(sql, prior.id))! };
}

async function hasBookingConsent(sql: Sql, userId: string): Promise<boolean> {
  const [row] = await sql.rows<{ ok: boolean }>('booking_consent',
    "select exists(select 1 from consents where user_id = $1 and purpose = 'TOUR_BOOKING' and granted) as ok", [userId]);
  return row.ok;
}

async function whyNotBooked(sql: Sql, tourId: string): Promise<CreateBookingOutcome> {
  const [t] = await sql.rows<{ status: string; started: boolean; seatsLeft: number }>('tour_bookability',
    'select status, starts_on <= current_date as started, capacity - seats_booked as "seatsLeft" from tours where id = $1', [tourId]);
  if (!t) return { reason: TourNotBookableReason.UNKNOWN };
  if (t.status !== 'ACTIVE') return { reason: TourNotBookableReason.RETIRED };
  if (t.started) return { reason: TourNotBookableReason.STARTED };
  return { seatsLeft: t.seatsLeft };
}

// Thrown inside the transaction to roll back the seat increment when the key was taken meanwhile.
class KeyTaken extends Error {}

/** Seats, booking and its first event commit together or not at all; null when no seats were taken. */
function takeSeatsAndBook(em: EntityManager, r: BookingRequest): Promise<string | null> {
  return em.transactional(async (tem) => {
    // The row lock this takes serialises bookings of one tour; the condition re-checks capacity under it.
    const [tour] = await tem.execute<{ priceKzt: number }[]>(`update tours set seats_booked = seats_booked + ?
      where id = ? and status = 'ACTIVE' and starts_on > current_date and seats_booked + ? <= capacity
      returning price_kzt as "priceKzt"`, [r.seats, r.tourId, r.seats]);
    if (!tour) return null;
    // The partner's access window (access_until) is fixed by the insert trigger from the tour's end as booked.
    const [booking] = await tem.execute<{ id: string }[]>(`insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
      values (gen_random_uuid(), ?, ?, ?, 'PENDING_PAYMENT', ?, ?, now())
      on conflict (user_id, idempotency_key) do nothing returning id`, [r.userId, r.tourId, r.seats, r.seats * tour.priceKzt, r.idempotencyKey]);
    if (!booking) throw new KeyTaken();
    await appendBookingEvent(tem, booking.id, 'PENDING_PAYMENT', 'USER');
    return booking.id;
  });
}

/** Books seats once per idempotency key: a retry, even after a crash between commit and reply, gets the same booking. */
export async function createBooking(sql: Sql, em: EntityManager, r: BookingRequest): Promise<CreateBookingOutcome> {
  const prior = await replay(sql, r);
  if (prior) return prior;
  if (!isUuid(r.tourId)) return { reason: TourNotBookableReason.UNKNOWN };
  if (!(await hasBookingConsent(sql, r.userId))) return { purpose: ConsentPurpose.TOUR_BOOKING };
  let id: string | null;
  try {
    id = await takeSeatsAndBook(em, r);
  } catch (e) {
    if (!(e instanceof KeyTaken)) throw e;
    id = null;
  }
  if (id) return { booking: (await bookingById(sql, id))! };
  // A concurrent request with the same key may have taken the seats: it wins, and this one replays it.
  return (await replay(sql, r)) ?? whyNotBooked(sql, r.tourId);
}
