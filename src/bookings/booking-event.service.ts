import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookingStatus } from './booking.entity.js';

/** Appends a status change to the booking's history, in the caller's transaction. */
export async function appendBookingEvent(tem: EntityManager, bookingId: string, status: BookingStatus, actorKind: string, reason: string | null = null): Promise<void> {
  await tem.execute(`insert into booking_events (id, booking_id, status, actor_kind, reason, at) values (gen_random_uuid(), ?, ?, ?, ?, now())`,
    [bookingId, status, actorKind, reason]);
}
