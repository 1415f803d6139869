import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payment } from '../payments/payment.type.js';
import { PageInfo } from '../tours/tour.type.js';

export enum BookingStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT', PAID = 'PAID', COMPLETED = 'COMPLETED', CANCELLED = 'CANCELLED', EXPIRED = 'EXPIRED', REFUNDED = 'REFUNDED',
}
registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  valuesConfig: {
    EXPIRED: { description: 'Not paid within the hold time; its seats went back to the tour' },
    REFUNDED: { description: 'Cancelled after payment, and the payment provider has refunded it' },
  },
});

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

export enum BookingAction { PAY = 'PAY', CANCEL = 'CANCEL', REVIEW = 'REVIEW' }
registerEnumType(BookingAction, {
  name: 'BookingAction',
  valuesConfig: {
    PAY: { description: 'startPayment: the booking awaits payment and the tour has not started' },
    CANCEL: { description: 'cancelBooking: the tour has not started' },
    REVIEW: { description: 'createReview: the booking is completed and its tour not yet reviewed' },
  },
});

@ObjectType({ description: "One of the caller's own bookings with its latest payment and what can be done next" })
export class TravellerBooking {
  @Field(() => Booking) booking!: Booking;
  @Field(() => Payment, { nullable: true, description: 'The latest payment attempt, if any' }) payment!: Payment | null;
  @Field(() => [BookingAction]) nextActions!: BookingAction[];
}

@ObjectType()
export class TravellerBookingPage {
  @Field(() => [TravellerBooking]) nodes!: TravellerBooking[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
