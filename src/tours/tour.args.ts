import { ArgsType, Field, Int } from 'type-graphql';
import { Region } from './region.js';

@ArgsType()
export class ToursArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to the configured maximum' }) first!: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null;
  @Field(() => Region, { nullable: true }) region?: Region | null;
  @Field(() => String, { nullable: true, description: 'Tours starting on or after this ISO date' }) startsFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Tours starting on or before this ISO date' }) startsTo?: string | null;
}
