import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';

export enum PaymentStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export enum PaymentOutcome {
  CONFIRMED = 'CONFIRMED',
  FAILED = 'FAILED',
}
registerEnumType(PaymentOutcome, { name: 'PaymentOutcome', description: 'What the provider reports about a pending payment' });

export enum PaymentRefusalReason {
  NOT_PAYABLE = 'NOT_PAYABLE',
  PAYMENT_IN_PROGRESS = 'PAYMENT_IN_PROGRESS',
}
registerEnumType(PaymentRefusalReason, {
  name: 'PaymentRefusalReason',
  valuesConfig: {
    NOT_PAYABLE: { description: 'The booking is not awaiting payment (paid, cancelled or completed)' },
    PAYMENT_IN_PROGRESS: { description: 'Another provider is processing a payment for this booking; it must confirm or fail it first' },
  },
});

export enum PaymentRejectionReason {
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  NOT_PENDING = 'NOT_PENDING',
  BOOKING_NOT_PAYABLE = 'BOOKING_NOT_PAYABLE',
}
registerEnumType(PaymentRejectionReason, {
  name: 'PaymentRejectionReason',
  valuesConfig: {
    AMOUNT_MISMATCH: { description: "The confirmed amount differs from the booking's; nothing changed" },
    NOT_PENDING: { description: 'The payment was already confirmed or failed with another result or reference' },
    BOOKING_NOT_PAYABLE: { description: 'The booking was cancelled meanwhile; the payment stays pending for the provider to fail or refund' },
  },
});

@ObjectType({ description: 'A payment for a booking through one payment provider' })
export class Payment {
  @Field(() => ID) id!: string;
  @Field(() => PaymentStatus) status!: PaymentStatus;
  @Field(() => Int) amountKzt!: number;
  @Field(() => String, { nullable: true, description: "The provider's own reference" }) externalRef!: string | null;
  @Field() createdAt!: Date;
  bookingId!: string;
  providerId!: string;
  payerId!: string;
  providerCountry!: string;
  accessOpen!: boolean;
  payerConsents!: string[];
}

@ObjectType({ description: 'Payments a provider processes, newest first' })
export class PaymentPage {
  @Field(() => [Payment]) nodes!: Payment[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'A pending payment with the chosen provider; that provider alone may confirm or fail it' })
export class PaymentStarted {
  @Field(() => Payment) payment!: Payment;
}

@ObjectType()
export class PaymentRefused {
  @Field(() => PaymentRefusalReason) reason!: PaymentRefusalReason;
}

export type StartPaymentOutcome = PaymentStarted | PaymentRefused;

export const StartPaymentResult = createUnionType({
  name: 'StartPaymentResult',
  types: () => [PaymentStarted, PaymentRefused] as const,
  resolveType: (v) => ('payment' in v ? PaymentStarted : PaymentRefused),
});

@ObjectType({ description: 'The result is recorded (or was already, with the same reference); CONFIRMED made the booking PAID' })
export class PaymentRecorded {
  @Field(() => Payment) payment!: Payment;
}

@ObjectType()
export class PaymentRejected {
  @Field(() => PaymentRejectionReason) reason!: PaymentRejectionReason;
}

export type RecordPaymentOutcome = PaymentRecorded | PaymentRejected;

export const RecordPaymentResult = createUnionType({
  name: 'RecordPaymentResult',
  types: () => [PaymentRecorded, PaymentRejected] as const,
  resolveType: (v) => ('payment' in v ? PaymentRecorded : PaymentRejected),
});
