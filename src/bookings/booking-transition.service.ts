import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookingStatus } from './booking.type.js';
import { RELEASES_SEATS, sourcesOf } from './booking.machine.js';
import { appendBookingEvent } from './booking-event.service.js';

export interface MovedBooking { id: string; tourId: string; seats: number }

/** Moves every booking matching `where` (over `b` bookings and `t` tours) that may enter `to`, in the caller's transaction:
 * seats go back when `to` releases them, and each move is appended to its booking's history. */
export async function moveBookings(tem: EntityManager, to: BookingStatus, actorKind: string, reason: string | null,
  where: string, params: readonly unknown[]): Promise<MovedBooking[]> {
  const moved = await tem.execute<MovedBooking[]>(`update bookings b set status = ? from tours t
    where t.id = b.tour_id and b.status in (?) and (${where})
    returning b.id, b.tour_id as "tourId", b.seats`, [to, sourcesOf(to), ...params]);
  if (moved.length === 0) return moved;
  if (RELEASES_SEATS.has(to)) {
    await tem.execute(`update tours t set seats_booked = t.seats_booked - x.seats
      from (select tour_id, sum(seats)::int as seats from bookings where id in (?) group by tour_id) x
      where t.id = x.tour_id`, [moved.map((m) => m.id)]);
  }
  await appendBookingEvent(tem, moved.map((m) => m.id), to, actorKind, reason);
  return moved;
}
