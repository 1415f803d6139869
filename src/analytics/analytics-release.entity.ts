import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

// An aggregate released to one analyst on one UTC day: the same question that day gets the same answer, so noise cannot be averaged away.
@Entity({ tableName: 'analytics_releases' })
export class AnalyticsRelease {
  @PrimaryKey({ type: 'text' }) analystId!: string;
  @PrimaryKey({ type: 'date' }) day!: string;
  @PrimaryKey({ type: 'text' }) question!: string;
  @Property({ type: 'json' }) answer!: unknown;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
