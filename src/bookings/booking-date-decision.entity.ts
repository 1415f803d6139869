import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { TourDateChange } from '../tours/tour-date-change.entity.js';
import { Booking } from './booking.entity.js';

export type DateDecision = 'PENDING' | 'ACCEPTED' | 'CANCELLED';

// The traveller's answer to one date change of their booking's tour: pending until they accept the new dates or cancel.
@Entity({ tableName: 'booking_date_decisions' })
@Unique({ properties: ['dateChange', 'booking'] })
@Index({ properties: ['booking', 'decision'] })
@Check({ name: 'booking_date_decisions_decided', expression: "(decision = 'PENDING') = (decided_at is null)" })
export class BookingDateDecision {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => TourDateChange) dateChange!: Rel<TourDateChange>;
  @ManyToOne(() => Booking, { deleteRule: 'cascade' }) booking!: Rel<Booking>;
  @Enum({ items: ['PENDING', 'ACCEPTED', 'CANCELLED'], default: 'PENDING' }) decision: Opt<DateDecision> = 'PENDING';
  @Property({ type: 'timestamptz', nullable: true }) decidedAt: Date | null = null;
}
