import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { BookingStatus } from './booking.entity.js';
import type { BookingEventKind } from './booking-event.entity.js';

const APPEND = statement<never, [kind: BookingEventKind, status: BookingStatus | null, actorKind: string, reason: string | null, bookingIds: readonly string[]]>(
  'booking_events_append',
  `insert into booking_events (id, booking_id, kind, status, actor_kind, reason, at)
    select gen_random_uuid(), b.id, $1, coalesce($2, b.status), $3, $4, now() from bookings b where b.id = any($5::uuid[])`,
);

/** Appends an event to the history of each booking, in the caller's transaction; a date event (status null) records the status kept. */
export async function appendBookingEvent(
  tem: EntityManager,
  bookingIds: string | readonly string[],
  status: BookingStatus | null,
  actorKind: string,
  reason: string | null = null,
  kind: BookingEventKind = 'STATUS_CHANGED',
): Promise<void> {
  await transactionStatements(tem).count(APPEND, kind, status, actorKind, reason, typeof bookingIds === 'string' ? [bookingIds] : bookingIds);
}
