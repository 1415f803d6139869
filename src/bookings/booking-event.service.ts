import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookingStatus } from './booking.entity.js';
import type { BookingEventKind } from './booking-event.entity.js';

/** Appends an event to the history of each booking, in the caller's transaction; a date event (status null) records the status kept. */
export async function appendBookingEvent(tem: EntityManager, bookingIds: string | readonly string[], status: BookingStatus | null, actorKind: string,
  reason: string | null = null, kind: BookingEventKind = 'STATUS_CHANGED'): Promise<void> {
  await tem.execute(`insert into booking_events (id, booking_id, kind, status, actor_kind, reason, at)
    select gen_random_uuid(), b.id, ?, coalesce(?, b.status), ?, ?, now() from bookings b where b.id in (?)`,
  [kind, status, actorKind, reason, typeof bookingIds === 'string' ? [bookingIds] : bookingIds]);
}
