import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Booking } from './booking.entity.js';

// Status history: who moved a booking to which status and why.
@Entity({ tableName: 'booking_events' })
@Index({ properties: ['booking', 'at'] })
export class BookingEvent {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Booking, { deleteRule: 'cascade' }) booking!: Rel<Booking>;
  @Property({ type: 'text' }) status!: string;
  @Property({ type: 'text' }) actorKind!: string;
  @Property({ type: 'text', nullable: true }) reason: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
