import { Field, InputType, Int } from 'type-graphql';
import { Region } from '../tours/region.js';

@InputType({ description: 'A new tour' })
export class TourInput {
  @Field({ description: '3 to 200 characters' }) title!: string;
  @Field(() => Region) region!: Region;
  @Field({ description: 'ISO date (YYYY-MM-DD), after today' }) startsOn!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD), on or after startsOn' }) endsOn!: string;
  @Field(() => Int, { description: 'Price per seat in KZT' }) priceKzt!: number;
  @Field(() => Int, { description: 'Seats offered' }) capacity!: number;
}

@InputType({ description: 'Changes to a tour; omitted or null fields stay as they are. Existing bookings keep their price' })
export class TourChanges {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => Region, { nullable: true }) region?: Region | null;
  @Field(() => String, { nullable: true }) startsOn?: string | null;
  @Field(() => String, { nullable: true }) endsOn?: string | null;
  @Field(() => Int, { nullable: true }) priceKzt?: number | null;
  @Field(() => Int, { nullable: true, description: 'Never below the seats already booked' }) capacity?: number | null;
}
