import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Partner } from '../partners/partner.entity.js';
import { Payment } from './payment.entity.js';

export type RefundStatus = 'PENDING' | 'REFUNDED' | 'FAILED';

// What a payment provider owes back for a cancelled, paid booking: one per payment.
@Entity({ tableName: 'refunds' })
@Index({ properties: ['provider', 'status', 'createdAt'] })
@Check({ name: 'refunds_amount_nonnegative', expression: 'amount_kzt >= 0' })
export class Refund {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @OneToOne(() => Payment, { owner: true, unique: true }) payment!: Rel<Payment>;
  @ManyToOne(() => Partner) provider!: Rel<Partner>;
  @Property({ type: 'bigint' }) amountKzt!: number;
  @Enum({ items: ['PENDING', 'REFUNDED', 'FAILED'], default: 'PENDING' }) status: Opt<RefundStatus> = 'PENDING';
  @Property({ type: 'text', nullable: true }) externalRef: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'timestamptz', nullable: true }) settledAt: Date | null = null;
}
