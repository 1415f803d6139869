import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { accessWindowEnd } from './booking.entity.js';
import { appendBookingEvent } from './booking-event.service.js';
import { ANSWERS_DATE_CHANGES } from './booking.machine.js';
import { DateChangeRefusalReason, type DateChangeRefused } from './booking-result.type.js';
import type { BookingStatus } from './booking.type.js';

export interface TourDates {
  startsOn: string;
  endsOn: string;
}
export interface DateMove {
  tourId: string;
  changedBy: string;
  from: TourDates;
  to: TourDates;
}

const span = (d: TourDates) => `${d.startsOn}..${d.endsOn}`;

const RECORD = statement<{ id: string }, [tourId: string, oldStartsOn: string, oldEndsOn: string, newStartsOn: string, newEndsOn: string, changedBy: string]>(
  'tour_date_change_insert',
  `insert into tour_date_changes (id, tour_id, old_starts_on, old_ends_on, new_starts_on, new_ends_on, changed_at, changed_by)
    values (gen_random_uuid(), $1, $2, $3, $4, $5, now(), $6) returning id`,
);
const ASK = statement<{ bookingId: string }, [changeId: string, tourId: string, answering: readonly string[]]>(
  'booking_date_decisions_ask',
  `insert into booking_date_decisions (id, date_change_id, booking_id, decision)
    select gen_random_uuid(), $1, b.id, 'PENDING' from bookings b where b.tour_id = $2 and b.status = any($3::text[])
    returning booking_id as "bookingId"`,
);
const CLOSE_PENDING = statement<never, [bookingId: string]>(
  'booking_date_decisions_cancel',
  `update booking_date_decisions
  set decision = 'CANCELLED', decided_at = now() where booking_id = $1 and decision = 'PENDING'`,
);
const LOCK_BOOKING = statement<{ status: BookingStatus }, [bookingId: string]>('date_change_booking_lock', 'select status from bookings where id = $1 for update');
const ACCEPT_PENDING = statement<never, [bookingId: string]>(
  'booking_date_decisions_accept',
  `update booking_date_decisions
  set decision = 'ACCEPTED', decided_at = now() where booking_id = $1 and decision = 'PENDING'`,
);
const MOVE_WINDOW = statement<never, [bookingId: string]>(
  'booking_access_window_move',
  `update bookings b set access_until = (
    select ${accessWindowEnd('c.new_ends_on')}
    from booking_date_decisions d join tour_date_changes c on c.id = d.date_change_id
    where d.booking_id = b.id and d.decision = 'ACCEPTED' order by c.changed_at desc, c.id desc limit 1)
  where b.id = $1`,
);

/**
 * In the partner's transaction, under the tour's row lock (which new bookings take too): records the move, and for each open or paid
 * booking a pending decision and a history event. Their access windows stay as they were booked.
 */
export async function recordDateChange(tem: EntityManager, m: DateMove): Promise<void> {
  const tx = transactionStatements(tem);
  const [change] = await tx.rows(RECORD, m.tourId, m.from.startsOn, m.from.endsOn, m.to.startsOn, m.to.endsOn, m.changedBy);
  const asked = await tx.rows(ASK, change.id, m.tourId, ANSWERS_DATE_CHANGES);
  if (asked.length === 0) return;
  await appendBookingEvent(
    tem,
    asked.map((a) => a.bookingId),
    null,
    'PARTNER',
    `dates moved from ${span(m.from)} to ${span(m.to)}`,
    'DATES_CHANGED',
  );
}

/** In the cancelling transaction: the booking's unanswered date changes end CANCELLED; true when there was one (a full refund is owed). */
export async function closeDateDecisions(tem: EntityManager, bookingId: string): Promise<boolean> {
  return (await transactionStatements(tem).count(CLOSE_PENDING, bookingId)) > 0;
}

/**
 * The traveller keeps the booking at the moved dates: every unanswered change is accepted, and only now does the partner's access
 * window move, to the end of the latest accepted change plus the window (the database refuses any other move of it).
 */
export function acceptDateChange(em: EntityManager, bookingId: string): Promise<{ bookingId: string } | DateChangeRefused> {
  return em.transactional(async (tem) => {
    // The booking's row lock serialises this with cancelling it.
    const tx = transactionStatements(tem);
    const [b] = await tx.rows(LOCK_BOOKING, bookingId);
    if (!ANSWERS_DATE_CHANGES.includes(b.status)) return { reason: DateChangeRefusalReason.BOOKING_CLOSED };
    if ((await tx.count(ACCEPT_PENDING, bookingId)) === 0) return { reason: DateChangeRefusalReason.NO_PENDING_CHANGE };
    await tx.count(MOVE_WINDOW, bookingId);
    await appendBookingEvent(tem, bookingId, null, 'USER', null, 'DATES_ACCEPTED');
    return { bookingId };
  });
}
