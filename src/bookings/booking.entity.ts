import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { Tour } from '../tours/tour.entity.js';

export type BookingStatus = 'PENDING_PAYMENT' | 'PAID' | 'CANCELLED' | 'COMPLETED';

@Entity({ tableName: 'bookings' })
@Unique({ properties: ['user', 'idempotencyKey'] })
@Index({ properties: ['tour', 'createdAt'] })
@Check({ name: 'bookings_seats_positive', expression: 'seats > 0' })
@Check({ name: 'bookings_amount_nonnegative', expression: 'amount_kzt >= 0' })
export class Booking {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Index() @ManyToOne(() => User) user!: Rel<User>;
  @ManyToOne(() => Tour) tour!: Rel<Tour>;
  @Property({ type: 'integer' }) seats!: number;
  @Enum({ items: ['PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED'], default: 'PENDING_PAYMENT' }) status: Opt<BookingStatus> = 'PENDING_PAYMENT';
  @Property({ type: 'bigint' }) amountKzt!: number;
  @Property({ type: 'text' }) idempotencyKey!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
