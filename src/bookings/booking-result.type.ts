import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentPurpose } from '../consent/consent.type.js';
import { Booking } from './booking.type.js';

export enum TourNotBookableReason {
  RETIRED = 'RETIRED',
  STARTED = 'STARTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(TourNotBookableReason, { name: 'TourNotBookableReason' });

export enum CancellationRefusalReason {
  ALREADY_CANCELLED = 'ALREADY_CANCELLED',
  ALREADY_COMPLETED = 'ALREADY_COMPLETED',
  EXPIRED = 'EXPIRED',
  TOUR_STARTED = 'TOUR_STARTED',
}
registerEnumType(CancellationRefusalReason, {
  name: 'CancellationRefusalReason',
  valuesConfig: {
    EXPIRED: { description: 'The booking expired unpaid; its seats are already released' },
    TOUR_STARTED: { description: 'Travellers cancel only before the tour starts; the partner still can' },
  },
});

@ObjectType({ description: 'The booking exists, newly made or replayed for the same idempotency key' })
export class BookingCreated {
  @Field(() => Booking) booking!: Booking;
}

@ObjectType({ description: 'Not enough seats left for this booking' })
export class TourSoldOut {
  @Field(() => Int) seatsLeft!: number;
}

@ObjectType({ description: 'The tour takes no bookings' })
export class TourNotBookable {
  @Field(() => TourNotBookableReason) reason!: TourNotBookableReason;
}

@ObjectType({ description: "Booking shares the traveller's identity with the partner, so it needs this consent first" })
export class ConsentRequired {
  @Field(() => ConsentPurpose) purpose!: ConsentPurpose;
}

export type CreateBookingOutcome = BookingCreated | TourSoldOut | TourNotBookable | ConsentRequired;

export const CreateBookingResult = createUnionType({
  name: 'CreateBookingResult',
  types: () => [BookingCreated, TourSoldOut, TourNotBookable, ConsentRequired] as const,
  resolveType: (v) => ('booking' in v ? BookingCreated : 'seatsLeft' in v ? TourSoldOut : 'purpose' in v ? ConsentRequired : TourNotBookable),
});

@ObjectType({
  description:
    'The booking is cancelled and its seats are released; a paid booking gets a refund by the cancellation rule, or in full ' +
    'when its traveller cancels a date change they had not accepted (src/payments/refund.policy.ts)',
})
export class BookingCancelled {
  @Field(() => Booking) booking!: Booking;
}

@ObjectType({ description: 'The booking was not cancelled' })
export class CancellationRefused {
  @Field(() => CancellationRefusalReason) reason!: CancellationRefusalReason;
}

export type CancelBookingOutcome = BookingCancelled | CancellationRefused;

export const CancelBookingResult = createUnionType({
  name: 'CancelBookingResult',
  types: () => [BookingCancelled, CancellationRefused] as const,
  resolveType: (v) => ('booking' in v ? BookingCancelled : CancellationRefused),
});

export enum DateChangeRefusalReason {
  NO_PENDING_CHANGE = 'NO_PENDING_CHANGE',
  BOOKING_CLOSED = 'BOOKING_CLOSED',
}
registerEnumType(DateChangeRefusalReason, {
  name: 'DateChangeRefusalReason',
  valuesConfig: {
    NO_PENDING_CHANGE: { description: "The tour's dates did not move since the booking was made, or the move was already accepted" },
    BOOKING_CLOSED: { description: 'The booking is no longer awaiting payment or paid' },
  },
});

@ObjectType({ description: "The traveller keeps the booking at the new dates; the partner's access window now follows them" })
export class DateChangeAccepted {
  @Field(() => Booking) booking!: Booking;
}

@ObjectType({ description: 'Nothing was accepted' })
export class DateChangeRefused {
  @Field(() => DateChangeRefusalReason) reason!: DateChangeRefusalReason;
}

export type AcceptDateChangeOutcome = DateChangeAccepted | DateChangeRefused;

export const AcceptDateChangeResult = createUnionType({
  name: 'AcceptDateChangeResult',
  types: () => [DateChangeAccepted, DateChangeRefused] as const,
  resolveType: (v) => ('booking' in v ? DateChangeAccepted : DateChangeRefused),
});
