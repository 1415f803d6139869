import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { BadInputError } from '../graphql/errors.js';
import { maskFreeText } from '../privacy/free-text.masks.js';
import { bookingById } from './booking.service.js';
import { CancellationRefusalReason, type CancelBookingOutcome } from './booking-result.type.js';
import { appendBookingEvent } from './booking-event.service.js';

export type Canceller = 'USER' | 'PARTNER';

const MAX_REASON = 500;

/** The reason goes into the booking's history, which the partner reads: personal data in it is masked. */
export function cancellationReason(raw: string): string {
  const reason = raw.trim();
  if (reason.length < 1 || reason.length > MAX_REASON) throw new BadInputError(`reason must be 1 to ${MAX_REASON} characters`, 'reason');
  return maskFreeText(reason).text;
}

async function whyNotCancelled(sql: Sql, bookingId: string): Promise<CancelBookingOutcome> {
  const b = await bookingById(sql, bookingId);
  if (b?.status === 'CANCELLED') return { reason: CancellationRefusalReason.ALREADY_CANCELLED };
  if (b?.status === 'COMPLETED') return { reason: CancellationRefusalReason.ALREADY_COMPLETED };
  return { reason: CancellationRefusalReason.TOUR_STARTED };
}

/** Cancels and releases the seats in one transaction; the status condition makes a second cancel a no-op. */
export async function cancelBooking(sql: Sql, em: EntityManager, bookingId: string, by: Canceller, reason: string): Promise<CancelBookingOutcome> {
  const cancelled = await em.transactional(async (tem) => {
    const [b] = await tem.execute<{ tourId: string; seats: number }[]>(`update bookings b set status = 'CANCELLED' from tours t
      where b.id = ? and t.id = b.tour_id and b.status in ('PENDING_PAYMENT', 'PAID') and (? or t.starts_on > current_date)
      returning b.tour_id as "tourId", b.seats`, [bookingId, by === 'PARTNER']);
    if (!b) return false;
    await tem.execute('update tours set seats_booked = seats_booked - ? where id = ?', [b.seats, b.tourId]);
    await appendBookingEvent(tem, bookingId, 'CANCELLED', by, reason);
    return true;
  });
  if (!cancelled) return whyNotCancelled(sql, bookingId);
  return { booking: (await bookingById(sql, bookingId))! };
}
