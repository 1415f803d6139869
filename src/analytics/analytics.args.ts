import { ArgsType, Field, Int } from 'type-graphql';
import { AnalyticsDimension } from './analytics.type.js';

@ArgsType()
export class PeriodArgs {
  @Field(() => String, { nullable: true, description: 'ISO date, inclusive (UTC)' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date, inclusive (UTC)' }) to?: string | null;
}

@ArgsType()
export class BookingAggregatesArgs extends PeriodArgs {
  @Field(() => [AnalyticsDimension], { description: 'Empty for one grand-total cell' }) groupBy!: AnalyticsDimension[];
}

@ArgsType()
export class TravellersArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to the configured maximum' }) first!: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null;
}
