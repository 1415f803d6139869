import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';

export enum BookingStatus { PENDING_PAYMENT = 'PENDING_PAYMENT', PAID = 'PAID', CANCELLED = 'CANCELLED', COMPLETED = 'COMPLETED' }
registerEnumType(BookingStatus, { name: 'BookingStatus' });

@ObjectType({ description: 'A booking of a tour; the traveller is shown as the privacy policy allows' })
export class Booking {
  @Field(() => ID) id!: string;
  @Field(() => Int) seats!: number;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Int) amountKzt!: number;
  @Field() createdAt!: Date;
  userId!: string;
  tourId!: string;
  partnerId!: string;
  partnerCountry!: string;
  /** Active and inside the window stored with the booking, by the database's clock. */
  accessOpen!: boolean;
  travellerConsents!: string[];
}

@ObjectType({ description: 'One step of a booking\'s status history' })
export class BookingEvent {
  @Field(() => ID) id!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field({ description: 'Who moved the booking: USER, PARTNER, PAYMENT_PROVIDER or SYSTEM' }) actorKind!: string;
  @Field(() => String, { nullable: true, description: 'Personal data in the reason is masked when it is recorded' }) reason!: string | null;
  @Field() at!: Date;
}

@ObjectType()
export class BookingPage {
  @Field(() => [Booking]) nodes!: Booking[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
