import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Region } from '../tours/region.js';
import { PageInfo } from '../tours/tour.type.js';

export enum AnalyticsDimension {
  REGION = 'REGION',
  PARTNER = 'PARTNER',
  TOUR = 'TOUR',
  MONTH = 'MONTH',
  GENDER = 'GENDER',
}
registerEnumType(AnalyticsDimension, { name: 'AnalyticsDimension', description: "What booking aggregates can be grouped by; GENDER is the traveller's" });

export enum BookingCountBand {
  NONE = 'NONE',
  ONE = 'ONE',
  TWO_TO_THREE = 'TWO_TO_THREE',
  FOUR_TO_NINE = 'FOUR_TO_NINE',
  TEN_OR_MORE = 'TEN_OR_MORE',
}
registerEnumType(BookingCountBand, { name: 'BookingCountBand' });

@ObjectType({ description: 'Internal analytics on depersonalised data, for analysts (purpose ANALYTICS) only; people who withdrew ANALYTICS consent are left out' })
export class Analytics {}

@ObjectType({
  description:
    "Two-sided geometric noise on every released figure; each new question spends epsilon from the analyst's daily budget, the same question again that day gets the same answer free",
})
export class NoiseInfo {
  @Field() mechanism!: string;
  @Field(() => Float) epsilon!: number;
  @Field(() => Float) spentToday!: number;
  @Field(() => Float) dailyBudget!: number;
}

@ObjectType({ description: 'The period a figure covers: the bounds asked for, widened to whole months (UTC)' })
export class AnalyticsPeriod {
  @Field(() => String, { nullable: true, description: 'First day of the month of from' }) from!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of the month of to' }) to!: string | null;
}

@ObjectType({ description: 'One dimension value of a cell: a REGION code, a partner or tour id with its name, a YYYY-MM month, MALE/FEMALE/UNKNOWN' })
export class DimensionValue {
  @Field(() => AnalyticsDimension) dimension!: AnalyticsDimension;
  @Field() value!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
}

@ObjectType()
export class BookingCell {
  @Field(() => [DimensionValue]) dimensions!: DimensionValue[];
  @Field(() => Int) bookings!: number;
  @Field(() => Float, { description: 'From PAID and COMPLETED bookings' }) revenueKzt!: number;
  @Field(() => Int) cancellations!: number;
  @Field(() => Float, { nullable: true, description: 'Null when fewer than k travellers of the cell rated' }) averageRating!: number | null;
}

@ObjectType({ description: 'Released cells only: groups of fewer than k distinct travellers are counted in suppressedCells, never shown' })
export class BookingAggregates {
  @Field(() => [BookingCell]) cells!: BookingCell[];
  @Field(() => Int) suppressedCells!: number;
  @Field(() => Int) k!: number;
  @Field(() => NoiseInfo) noise!: NoiseInfo;
  @Field(() => AnalyticsPeriod) period!: AnalyticsPeriod;
}

@ObjectType({ description: 'Travellers of one sign-up month who booked in a later month' })
export class CohortCell {
  @Field({ description: 'YYYY-MM' }) signupMonth!: string;
  @Field(() => Int) monthsAfter!: number;
  @Field(() => Int) cohortSize!: number;
  @Field(() => Int) returning!: number;
  @Field(() => Float, { description: 'returning / cohortSize, from the released figures' }) share!: number;
}

@ObjectType()
export class CohortRetention {
  @Field(() => [CohortCell]) cells!: CohortCell[];
  @Field(() => Int) suppressedCells!: number;
  @Field(() => Int) k!: number;
  @Field(() => NoiseInfo) noise!: NoiseInfo;
  @Field(() => AnalyticsPeriod) period!: AnalyticsPeriod;
}

@ObjectType({ description: 'A traveller as analysts see them: a keyed pseudonym and generalised attributes, nothing that identifies' })
export class PseudonymousTraveller {
  @Field({ description: 'Keyed HMAC of the person; stable while the analytics key is' }) pseudonym!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM; null when generalised away' }) signupMonth!: string | null;
  @Field(() => Region, { nullable: true, description: 'Of the most recent booking; null without bookings or when generalised away' }) lastBookingRegion!: Region | null;
  @Field(() => String, { nullable: true }) gender!: string | null;
  @Field(() => BookingCountBand) bookingCount!: BookingCountBand;
  @Field({ description: 'Sign-up month and region withheld because fewer than k travellers share them' }) generalised!: boolean;
}

@ObjectType({ description: 'Rows whose attributes fewer than k travellers share, even generalised, are left out and counted' })
export class PseudonymousTravellerPage {
  @Field(() => [PseudonymousTraveller]) nodes!: PseudonymousTraveller[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) suppressedRows!: number;
  @Field(() => Int) k!: number;
}
