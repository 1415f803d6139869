import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Tour } from './tour.entity.js';

// Each move of a tour's dates by its partner: travellers with open or paid bookings decide on it (booking_date_decisions).
@Entity({ tableName: 'tour_date_changes' })
@Index({ properties: ['tour', 'changedAt'] })
@Check({ name: 'tour_date_changes_dates_ordered', expression: 'old_ends_on >= old_starts_on and new_ends_on >= new_starts_on' })
export class TourDateChange {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Tour) tour!: Rel<Tour>;
  @Property({ type: 'date' }) oldStartsOn!: string;
  @Property({ type: 'date' }) oldEndsOn!: string;
  @Property({ type: 'date' }) newStartsOn!: string;
  @Property({ type: 'date' }) newEndsOn!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) changedAt: Opt<Date> = new Date();
  /** The partner's API client that moved the dates. */
  @Property({ type: 'text' }) changedBy!: string;
}
