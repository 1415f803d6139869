import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

export type PartnerKind = 'TOUR_OPERATOR' | 'PAYMENT_PROVIDER' | 'PROCESSOR';

// Recipients of personal data are named records (policy §8, user right 2).
@Entity({ tableName: 'partners' })
@Check({ name: 'partners_country_code', expression: "country ~ '^[A-Z]{2}$'" })
export class Partner {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) name!: string;
  @Enum({ items: ['TOUR_OPERATOR', 'PAYMENT_PROVIDER', 'PROCESSOR'] }) kind!: PartnerKind;
  @Property({ type: 'text' }) country!: string;
  @Property({ type: 'text' }) city!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
