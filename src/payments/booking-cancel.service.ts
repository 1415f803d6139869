import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { BadInputError } from '../graphql/errors.js';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../privacy/free-text.masks.js';
import { bookingById } from '../bookings/booking.service.js';
import { CancellationRefusalReason, type CancelBookingOutcome } from '../bookings/booking-result.type.js';
import { openRefund } from './refund.service.js';
import { moveBookings, moveStatement } from '../bookings/booking-transition.service.js';
import { BookingStatus } from '../bookings/booking.type.js';
import { closeDateDecisions } from '../bookings/booking-date-change.service.js';

export type Canceller = 'USER' | 'PARTNER';

const MAX_REASON = 500;

/** The reason goes into the booking's history, which the partner reads: personal data in it is masked. */
export function cancellationReason(raw: string): string {
  const reason = raw.trim();
  if (reason.length < 1 || reason.length > MAX_REASON) throw new BadInputError(`reason must be 1 to ${MAX_REASON} characters`, 'reason');
  return maskFreeText(reason, STORED_TEXT_LANGUAGE).text;
}

async function whyNotCancelled(sql: Sql, bookingId: string): Promise<CancelBookingOutcome> {
  const b = await bookingById(sql, bookingId);
  if (b?.status === BookingStatus.CANCELLED || b?.status === BookingStatus.REFUNDED) return { reason: CancellationRefusalReason.ALREADY_CANCELLED };
  if (b?.status === BookingStatus.EXPIRED) return { reason: CancellationRefusalReason.EXPIRED };
  if (b?.status === BookingStatus.COMPLETED) return { reason: CancellationRefusalReason.ALREADY_COMPLETED };
  return { reason: CancellationRefusalReason.TOUR_STARTED };
}

// A traveller cancels only before the tour starts; a partner also after.
const CANCEL = moveStatement<[bookingId: string, byPartner: boolean]>('booking_move_cancel', 'b.id = $3 and ($4::boolean or t.starts_on > current_date)');

/** Cancels and releases the seats in one transaction; the state machine makes a second cancel a no-op. A traveller declining moved
 * dates (a date change still unanswered) is refunded by the date-change rule, whatever the cancellation rule says. */
export async function cancelBooking(sql: Sql, em: EntityManager, bookingId: string, by: Canceller, reason: string): Promise<CancelBookingOutcome> {
  const cancelled = await em.transactional(async (tem) => {
    const moved = await moveBookings(tem, BookingStatus.CANCELLED, by, reason, CANCEL, bookingId, by === 'PARTNER');
    if (moved.length === 0) return moved;
    const declinedDates = await closeDateDecisions(tem, bookingId);
    await openRefund(tem, bookingId, by === 'USER' && declinedDates ? 'DATE_CHANGE' : by);
    return moved;
  });
  if (cancelled.length === 0) return whyNotCancelled(sql, bookingId);
  return { booking: (await bookingById(sql, bookingId))! };
}
