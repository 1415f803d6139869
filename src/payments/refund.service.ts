import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements, type Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { NotFoundError } from '../graphql/errors.js';
import { MOVE_ONE, moveBookings } from '../bookings/booking-transition.service.js';
import { BookingStatus } from '../bookings/booking.type.js';
import { refundAmount, type RefundCause } from './refund.policy.js';
import { RefundOutcome, RefundRejectionReason, type Refund } from './refund.type.js';

const COLUMNS = `r.id, r.status, r.amount_kzt::int as "amountKzt", r.external_ref as "externalRef", r.created_at as "createdAt", r.payment_id as "paymentId"`;

const CONFIRMED_PAYMENT = statement<{ id: string; providerId: string; amountKzt: number; days: number }, [bookingId: string]>(
  'refund_confirmed_payment',
  `select p.id, p.provider_id as "providerId", p.amount_kzt::int as "amountKzt", t.starts_on - current_date as days
    from payments p join bookings b on b.id = p.booking_id join tours t on t.id = b.tour_id where p.booking_id = $1 and p.status = 'CONFIRMED'`,
);
const OPEN = statement<never, [paymentId: string, providerId: string, amountKzt: number]>(
  'refund_open',
  `insert into refunds
    (id, payment_id, provider_id, amount_kzt, status, created_at) values (gen_random_uuid(), $1, $2, $3, 'PENDING', now())
  on conflict (payment_id) do nothing`,
);
const BY_ID = statement<Refund, [id: string]>('refund_by_id', `select ${COLUMNS} from refunds r where r.id = $1`);
const PENDING = statement<Refund, [providerId: string, limit: number]>(
  'pending_refunds',
  `select ${COLUMNS} from refunds r
  where r.provider_id = $1 and r.status = 'PENDING' order by r.created_at, r.id limit $2`,
);
const LOCK_REPORTED = statement<{ status: 'PENDING' | RefundOutcome; externalRef: string | null; paymentId: string; bookingId: string }, [refundId: string, providerId: string]>(
  'refund_lock_reported',
  `select r.status, r.external_ref as "externalRef", r.payment_id as "paymentId", p.booking_id as "bookingId"
    from refunds r join payments p on p.id = r.payment_id where r.id = $1 and r.provider_id = $2 for update of r`,
);
const SETTLE = statement<never, [outcome: RefundOutcome, externalRef: string, id: string]>(
  'refund_settle',
  'update refunds set status = $1, external_ref = $2, settled_at = now() where id = $3',
);
const PAYMENT_REFUNDED = statement<never, [paymentId: string]>('payment_refunded', "update payments set status = 'REFUNDED' where id = $1");

/** In the cancelling transaction: a refund of the booking's confirmed payment by the cancellation rule; nothing when nothing was paid. */
export async function openRefund(tem: EntityManager, bookingId: string, cause: RefundCause): Promise<void> {
  const tx = transactionStatements(tem);
  const [p] = await tx.rows(CONFIRMED_PAYMENT, bookingId);
  if (!p) return;
  await tx.count(OPEN, p.id, p.providerId, refundAmount(p.amountKzt, p.days, cause));
}

export async function refundById(sql: Sql, id: string): Promise<Refund> {
  const [row] = await sql.rows(BY_ID, id);
  return row;
}

/** The refunds one provider still has to make, oldest first. */
export function pendingRefunds(sql: Sql, providerId: string, limit: number): Promise<Refund[]> {
  return sql.rows(PENDING, providerId, limit);
}

export interface RefundReport {
  providerId: string;
  refundId: string;
  outcome: RefundOutcome;
  externalRef: string;
}

/** Only the refund's provider records its result, once; repeating the same result and reference returns it again. */
export function recordRefund(em: EntityManager, r: RefundReport): Promise<{ refundId: string } | { reason: RefundRejectionReason }> {
  return em.transactional(async (tem) => {
    const tx = transactionStatements(tem);
    const [row] = await tx.rows(LOCK_REPORTED, r.refundId, r.providerId);
    if (!row) throw new NotFoundError('Refund');
    if (row.status !== 'PENDING') return row.status === r.outcome && row.externalRef === r.externalRef ? { refundId: r.refundId } : { reason: RefundRejectionReason.NOT_PENDING };
    await tx.count(SETTLE, r.outcome, r.externalRef, r.refundId);
    if (r.outcome === RefundOutcome.REFUNDED) {
      await tx.count(PAYMENT_REFUNDED, row.paymentId);
      await moveBookings(tem, BookingStatus.REFUNDED, 'PAYMENT_PROVIDER', null, MOVE_ONE, row.bookingId);
    }
    return { refundId: r.refundId };
  });
}
