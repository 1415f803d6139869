import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from '../db/sql.js';
import { statement, type Statement } from '../db/statement.js';
import type { BookingStatus } from './booking.type.js';
import { RELEASES_SEATS, sourcesOf } from './booking.machine.js';
import { appendBookingEvent } from './booking-event.service.js';

export interface MovedBooking {
  id: string;
  tourId: string;
  seats: number;
}

/** A move of the bookings matching `where` (over `b` bookings and `t` tours), whose own parameters start at $3. */
export type MoveStatement<P extends readonly unknown[]> = Statement<MovedBooking, [to: BookingStatus, from: readonly BookingStatus[], ...P]>;

export function moveStatement<P extends readonly unknown[]>(name: string, where: string): MoveStatement<P> {
  return statement(
    name,
    `update bookings b set status = $1 from tours t
    where t.id = b.tour_id and b.status = any($2::text[]) and (${where})
    returning b.id, b.tour_id as "tourId", b.seats`,
  );
}

/** One booking by id. */
export const MOVE_ONE = moveStatement<[bookingId: string]>('booking_move_one', 'b.id = $3');

const RELEASE_SEATS = statement<never, [bookingIds: readonly string[]]>(
  'booking_seats_release',
  `update tours t set seats_booked = t.seats_booked - x.seats
  from (select tour_id, sum(seats)::int as seats from bookings where id = any($1::uuid[]) group by tour_id) x
  where t.id = x.tour_id`,
);

/** Moves every booking `move` matches that may enter `to`, in the caller's transaction: seats go back when `to` releases them,
 * and each move is appended to its booking's history. */
export async function moveBookings<P extends readonly unknown[]>(
  tem: EntityManager,
  to: BookingStatus,
  actorKind: string,
  reason: string | null,
  move: MoveStatement<P>,
  ...params: P
): Promise<MovedBooking[]> {
  const tx = transactionStatements(tem);
  const moved = await tx.rows(move, to, sourcesOf(to), ...params);
  if (moved.length === 0) return moved;
  if (RELEASES_SEATS.has(to))
    await tx.count(
      RELEASE_SEATS,
      moved.map((m) => m.id),
    );
  await appendBookingEvent(
    tem,
    moved.map((m) => m.id),
    to,
    actorKind,
    reason,
  );
  return moved;
}
