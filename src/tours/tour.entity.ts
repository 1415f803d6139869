import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Partner } from '../partners/partner.entity.js';

export type TourStatus = 'ACTIVE' | 'RETIRED';

@Entity({ tableName: 'tours' })
@Index({ properties: ['region', 'startsOn', 'id'] })
@Index({ properties: ['startsOn', 'id'] })
@Index({ properties: ['partner', 'startsOn', 'id'] })
@Check({ name: 'tours_price_positive', expression: 'price_kzt > 0' })
@Check({ name: 'tours_capacity_positive', expression: 'capacity > 0' })
@Check({ name: 'tours_seats_within_capacity', expression: 'seats_booked >= 0 and seats_booked <= capacity' })
@Check({ name: 'tours_dates_ordered', expression: 'ends_on >= starts_on' })
export class Tour {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Partner) partner!: Rel<Partner>;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text' }) region!: string;
  @Property({ type: 'date' }) startsOn!: string;
  @Property({ type: 'date' }) endsOn!: string;
  @Property({ type: 'integer' }) priceKzt!: number;
  @Property({ type: 'integer' }) capacity!: number;
  @Property({ type: 'integer', default: 0 }) seatsBooked: Opt<number> = 0;
  @Enum({ items: ['ACTIVE', 'RETIRED'], default: 'ACTIVE' }) status: Opt<TourStatus> = 'ACTIVE';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
