import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Region } from './region.js';

@ObjectType({ description: 'The operator behind a tour' })
export class PartnerSummary {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'A bookable tour offered by a partner' })
export class Tour {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => Region) region!: Region;
  @Field({ description: 'ISO date (YYYY-MM-DD)' }) startsOn!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD)' }) endsOn!: string;
  @Field(() => Int) priceKzt!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) seatsLeft!: number;
  partnerId!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class TourPage {
  @Field(() => [Tour]) nodes!: Tour[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export enum TourStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(TourStatus, { name: 'TourStatus', valuesConfig: { RETIRED: { description: 'Withdrawn by its partner: no new bookings' } } });
