import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookingStatus } from './booking.entity.js';

/** Appends a status change to the history of each booking, in the caller's transaction. */
export async function appendBookingEvent(tem: EntityManager, bookingIds: string | readonly string[], status: BookingStatus, actorKind: string,
  reason: string | null = null): Promise<void> {
  await tem.execute(`insert into booking_events (id, booking_id, status, actor_kind, reason, at)
    select gen_random_uuid(), b.id, ?, ?, ?, now() from bookings b where b.id in (?)`,
  [status, actorKind, reason, typeof bookingIds === 'string' ? [bookingIds] : bookingIds]);
}
