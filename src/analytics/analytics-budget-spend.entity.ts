import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

// Epsilon spent per analyst and UTC day; written only by the analytics statements themselves.
@Entity({ tableName: 'analytics_budget_spend' })
@Check({ name: 'analytics_budget_spend_spent_nonnegative', expression: 'spent >= 0' })
export class AnalyticsBudgetSpend {
  @PrimaryKey({ type: 'text' }) analystId!: string;
  @PrimaryKey({ type: 'date' }) day!: string;
  @Property({ columnType: 'numeric', type: 'double' }) spent!: number;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) updatedAt: Opt<Date> = new Date();
}
