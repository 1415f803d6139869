import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Booking } from '../bookings/booking.entity.js';
import { Partner } from '../partners/partner.entity.js';

export type PaymentStatus = 'PENDING' | 'CONFIRMED' | 'FAILED' | 'REFUNDED';

@Entity({ tableName: 'payments' })
@Check({ name: 'payments_amount_positive', expression: 'amount_kzt > 0' })
// One open and one confirmed payment per booking at most: two providers can never both take the money.
@Unique({ name: 'payments_one_pending_per_booking', properties: ['booking'], where: "status = 'PENDING'" })
@Unique({ name: 'payments_one_confirmed_per_booking', properties: ['booking'], where: "status = 'CONFIRMED'" })
export class Payment {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Index() @ManyToOne(() => Booking) booking!: Rel<Booking>;
  @Index() @ManyToOne(() => Partner) provider!: Rel<Partner>;
  @Property({ type: 'bigint' }) amountKzt!: number;
  @Enum({ items: ['PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED'], default: 'PENDING' }) status: Opt<PaymentStatus> = 'PENDING';
  @Property({ type: 'text', nullable: true }) externalRef: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  /** When the outcome was recorded; the provider's view of the payer closes a fixed period after it. */
  @Property({ type: 'timestamptz', nullable: true }) settledAt: Date | null = null;
}
