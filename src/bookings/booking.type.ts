import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';

export enum BookingStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  REFUNDED = 'REFUNDED',
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

export enum BookingEventKind {
  STATUS_CHANGED = 'STATUS_CHANGED',
  DATES_CHANGED = 'DATES_CHANGED',
  DATES_ACCEPTED = 'DATES_ACCEPTED',
}
registerEnumType(BookingEventKind, {
  name: 'BookingEventKind',
  valuesConfig: {
    STATUS_CHANGED: { description: 'The booking entered the status' },
    DATES_CHANGED: { description: "The partner moved the tour's dates (the reason names old and new dates); the status is kept" },
    DATES_ACCEPTED: { description: 'The traveller accepted the new dates; the status is kept' },
  },
});

@ObjectType({ description: "One step of a booking's history" })
export class BookingEvent {
  @Field(() => ID) id!: string;
  @Field(() => BookingEventKind) kind!: BookingEventKind;
  @Field(() => BookingStatus, { description: 'The status entered, or kept by a date event' }) status!: BookingStatus;
  @Field({ description: 'Who moved the booking: USER, PARTNER, PAYMENT_PROVIDER or SYSTEM' }) actorKind!: string;
  @Field(() => String, { nullable: true, description: 'Personal data in the reason is masked when it is recorded' }) reason!: string | null;
  @Field() at!: Date;
}

@ObjectType()
export class BookingPage {
  @Field(() => [Booking]) nodes!: Booking[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export enum DateChangeDecision {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DateChangeDecision, {
  name: 'DateChangeDecision',
  valuesConfig: {
    PENDING: { description: 'Not answered: the traveller may accept the new dates or cancel with a full refund' },
    ACCEPTED: { description: 'The traveller keeps the booking at the new dates' },
    CANCELLED: { description: 'The booking was cancelled while the change was unanswered' },
  },
});

export enum DateChangeOption {
  ACCEPT = 'ACCEPT',
  CANCEL_WITH_FULL_REFUND = 'CANCEL_WITH_FULL_REFUND',
}
registerEnumType(DateChangeOption, {
  name: 'DateChangeOption',
  valuesConfig: {
    ACCEPT: { description: 'acceptDateChange: keep the booking at the new dates' },
    CANCEL_WITH_FULL_REFUND: { description: 'cancelBooking before the tour starts: whatever was paid comes back in full, whatever the cancellation rule says' },
  },
});

@ObjectType({ description: "A move of the booking's tour dates by its partner after the booking was made, and the traveller's answer" })
export class BookingDateChange {
  @Field(() => ID) id!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD) the tour started on before the change' }) oldStartsOn!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD) the tour ended on before the change' }) oldEndsOn!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD)' }) newStartsOn!: string;
  @Field({ description: 'ISO date (YYYY-MM-DD)' }) newEndsOn!: string;
  @Field() changedAt!: Date;
  @Field(() => DateChangeDecision) decision!: DateChangeDecision;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => [DateChangeOption], { description: 'What the traveller can do about it now; empty once answered or when the booking is no longer open' })
  options!: DateChangeOption[];
  bookingId!: string;
}

export enum BookingAction {
  PAY = 'PAY',
  CANCEL = 'CANCEL',
  REVIEW = 'REVIEW',
  ACCEPT_DATE_CHANGE = 'ACCEPT_DATE_CHANGE',
}
registerEnumType(BookingAction, {
  name: 'BookingAction',
  valuesConfig: {
    PAY: { description: 'startPayment: the booking awaits payment and the tour has not started' },
    CANCEL: { description: 'cancelBooking: the tour has not started; with a date change not yet accepted, whatever was paid comes back in full' },
    REVIEW: { description: 'createReview: the booking is completed and its tour not yet reviewed' },
    ACCEPT_DATE_CHANGE: { description: "acceptDateChange: the partner moved the tour's dates; keep the booking at the new dates" },
  },
});

@ObjectType({ description: "One of the caller's own bookings with its latest payment and what can be done next" })
export class TravellerBooking {
  @Field(() => Booking) booking!: Booking;
  @Field(() => [BookingAction]) nextActions!: BookingAction[];
}

@ObjectType()
export class TravellerBookingPage {
  @Field(() => [TravellerBooking]) nodes!: TravellerBooking[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
