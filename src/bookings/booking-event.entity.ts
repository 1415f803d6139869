import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Booking } from './booking.entity.js';

export type BookingEventKind = 'STATUS_CHANGED' | 'DATES_CHANGED' | 'DATES_ACCEPTED';

// Booking history: who moved a booking to which status and why, and the moves of its tour's dates with the traveller's answer.
@Entity({ tableName: 'booking_events' })
@Index({ properties: ['booking', 'at'] })
export class BookingEvent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Booking, { deleteRule: 'cascade' }) booking!: Rel<Booking>;
  @Enum({ items: ['STATUS_CHANGED', 'DATES_CHANGED', 'DATES_ACCEPTED'], default: 'STATUS_CHANGED' }) kind: Opt<BookingEventKind> = 'STATUS_CHANGED';
  /** The status entered, or kept by a date event. */
  @Property({ type: 'text' }) status!: string;
  @Property({ type: 'text' }) actorKind!: string;
  @Property({ type: 'text', nullable: true }) reason: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
