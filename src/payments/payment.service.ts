import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements, type Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { PaymentOutcome, PaymentRefusalReason, PaymentRejectionReason, type Payment } from './payment.type.js';
import { MOVE_ONE, moveBookings } from '../bookings/booking-transition.service.js';
import { BookingStatus } from '../bookings/booking.type.js';
import { ACCESS_WINDOWS } from '../privacy/privacy.policy.js';
import type { KeyCursor } from '../graphql/cursor.js';
import { keysetAfter, microsTime } from '../db/keyset.js';

// The payer's access facts come with the payment: pending, or within the stored outcome's window, by the database's clock.
const COLUMNS = `p.id, p.status, p.amount_kzt::int as "amountKzt", p.external_ref as "externalRef", p.created_at as "createdAt",
  p.booking_id as "bookingId", p.provider_id as "providerId", b.user_id as "payerId", pp.country as "providerCountry",
  (p.status = 'PENDING' or now() < p.settled_at + interval '${ACCESS_WINDOWS.paymentDaysAfterOutcome} days') as "accessOpen",
  array(select c.purpose from consents c where c.user_id = b.user_id and c.granted order by c.purpose) as "payerConsents"`;
const FROM = 'payments p join bookings b on b.id = p.booking_id join partners pp on pp.id = p.provider_id';
const EXTERNAL_REF = /^[\x21-\x7e]{1,100}$/;

type Locked = { status: string; amountKzt: number };

export interface ProviderPaymentRow extends Payment {
  cursorMicros: string;
}

const BY_ID = statement<Payment, [id: string]>('payment_by_id', `select ${COLUMNS} from ${FROM} where p.id = $1`);
const OF_PROVIDER = statement<ProviderPaymentRow, [providerId: string, afterKey: string | null, afterId: string | null, limit: number]>(
  'payments_of_provider',
  `select ${COLUMNS}, ((extract(epoch from p.created_at) * 1000000)::bigint)::text as "cursorMicros"
    from ${FROM} where p.provider_id = $1
      and ${keysetAfter('desc', { key: 'p.created_at', id: 'p.id' }, { key: microsTime('$2'), id: '$3' })}
    order by p.created_at desc, p.id desc limit $4`,
);
const LATEST = statement<Payment, [bookingIds: readonly string[]]>(
  'latest_payments',
  `select distinct on (p.booking_id) ${COLUMNS} from ${FROM}
    where p.booking_id = any($1::uuid[]) order by p.booking_id, p.created_at desc, p.id desc`,
);
const PROVIDERS = statement<{ id: string; name: string }>('payment_providers', "select id, name from partners where kind = 'PAYMENT_PROVIDER' order by name, id");
const IS_PROVIDER = statement<{ ok: boolean }, [providerId: string]>(
  'is_payment_provider',
  "select exists(select 1 from partners where id = $1 and kind = 'PAYMENT_PROVIDER') as ok",
);
const LOCK_BOOKING = statement<Locked, [bookingId: string]>('payment_booking_lock', 'select status, amount_kzt::int as "amountKzt" from bookings where id = $1 for update');
const OPEN_OF_BOOKING = statement<{ id: string; providerId: string }, [bookingId: string]>(
  'payment_open_of_booking',
  'select id, provider_id as "providerId" from payments where booking_id = $1 and status = \'PENDING\'',
);
const START = statement<{ id: string }, [bookingId: string, providerId: string, amountKzt: number]>(
  'payment_start',
  `insert into payments
    (id, booking_id, provider_id, amount_kzt, status, external_ref, created_at) values (gen_random_uuid(), $1, $2, $3, 'PENDING', null, now()) returning id`,
);
const REPORTED = statement<{ id: string; status: 'PENDING' | PaymentOutcome; amountKzt: number; externalRef: string | null }, [bookingId: string, providerId: string]>(
  'payment_of_provider_report',
  `select id, status, amount_kzt::int as "amountKzt", external_ref as "externalRef" from payments
    where booking_id = $1 and provider_id = $2 order by status = 'PENDING' desc, created_at desc limit 1`,
);
const SETTLE = statement<never, [outcome: PaymentOutcome, externalRef: string, id: string]>(
  'payment_settle',
  'update payments set status = $1, external_ref = $2, settled_at = now() where id = $3',
);

export async function paymentById(sql: Sql, id: string): Promise<Payment> {
  const [row] = await sql.rows(BY_ID, id);
  return row;
}

/** A page of the payments one provider processes, newest first: what it has to confirm, fail or follow up. */
export function paymentsOfProvider(sql: Sql, providerId: string, after: KeyCursor | null, limit: number): Promise<ProviderPaymentRow[]> {
  return sql.rows(OF_PROVIDER, providerId, after?.key ?? null, after?.id ?? null, limit);
}

/** The latest payment of each booking that has one. */
export function latestPayments(sql: Sql, bookingIds: readonly string[]): Promise<Payment[]> {
  return sql.rows(LATEST, bookingIds);
}

export function paymentProviders(sql: Sql): Promise<{ id: string; name: string }[]> {
  return sql.rows(PROVIDERS);
}

export async function assertPaymentProvider(sql: Sql, providerId: string): Promise<void> {
  const [row] = await sql.rows(IS_PROVIDER, providerId);
  if (!row.ok) throw new BadInputError('providerId is not a payment provider', 'providerId');
}

async function lockBooking(tem: EntityManager, bookingId: string): Promise<Locked | undefined> {
  const [b] = await transactionStatements(tem).rows(LOCK_BOOKING, bookingId);
  return b;
}

/** The traveller picks a provider: one pending payment per booking, which makes that provider its processor. */
export function startPayment(em: EntityManager, bookingId: string, providerId: string): Promise<{ paymentId: string } | { reason: PaymentRefusalReason }> {
  return em.transactional(async (tem) => {
    // The booking's row lock serialises payment changes of one booking.
    const b = await lockBooking(tem, bookingId);
    if (b?.status !== 'PENDING_PAYMENT') return { reason: PaymentRefusalReason.NOT_PAYABLE };
    const tx = transactionStatements(tem);
    const [open] = await tx.rows(OPEN_OF_BOOKING, bookingId);
    if (open) return open.providerId === providerId ? { paymentId: open.id } : { reason: PaymentRefusalReason.PAYMENT_IN_PROGRESS };
    const [row] = await tx.rows(START, bookingId, providerId, b.amountKzt);
    return { paymentId: row.id };
  });
}

export interface PaymentReport {
  providerId: string;
  bookingId: string;
  outcome: PaymentOutcome;
  externalRef: string;
  amountKzt: number;
}

export function validateExternalRef(ref: string): string {
  if (!EXTERNAL_REF.test(ref)) throw new BadInputError('externalRef must be 1 to 100 printable ASCII characters without spaces', 'externalRef');
  return ref;
}

export function validateReport(r: PaymentReport): PaymentReport {
  validateExternalRef(r.externalRef);
  if (!Number.isInteger(r.amountKzt) || r.amountKzt < 1) throw new BadInputError('amountKzt must be a positive integer', 'amountKzt');
  return r;
}

/** Only the provider of the payment records its result; a booking becomes PAID only by a confirmation of the exact amount. */
export function recordPayment(em: EntityManager, r: PaymentReport): Promise<{ paymentId: string } | { reason: PaymentRejectionReason }> {
  return em.transactional(async (tem) => {
    const b = await lockBooking(tem, r.bookingId);
    const tx = transactionStatements(tem);
    const [p] = b ? await tx.rows(REPORTED, r.bookingId, r.providerId) : [];
    if (!b || !p) throw new NotFoundError('Payment');
    if (p.status !== 'PENDING') return p.status === r.outcome && p.externalRef === r.externalRef ? { paymentId: p.id } : { reason: PaymentRejectionReason.NOT_PENDING };
    if (r.outcome === PaymentOutcome.CONFIRMED) {
      if (r.amountKzt !== p.amountKzt || r.amountKzt !== b.amountKzt) return { reason: PaymentRejectionReason.AMOUNT_MISMATCH };
      if (b.status !== 'PENDING_PAYMENT') return { reason: PaymentRejectionReason.BOOKING_NOT_PAYABLE };
      await moveBookings(tem, BookingStatus.PAID, 'PAYMENT_PROVIDER', null, MOVE_ONE, r.bookingId);
    }
    await tx.count(SETTLE, r.outcome, r.externalRef, p.id);
    return { paymentId: p.id };
  });
}
