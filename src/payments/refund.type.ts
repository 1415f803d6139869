import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RefundStatus {
  PENDING = 'PENDING',
  REFUNDED = 'REFUNDED',
  FAILED = 'FAILED',
}
registerEnumType(RefundStatus, { name: 'RefundStatus' });

export enum RefundOutcome {
  REFUNDED = 'REFUNDED',
  FAILED = 'FAILED',
}
registerEnumType(RefundOutcome, { name: 'RefundOutcome', description: 'What the provider reports about a pending refund' });

export enum RefundRejectionReason {
  NOT_PENDING = 'NOT_PENDING',
}
registerEnumType(RefundRejectionReason, {
  name: 'RefundRejectionReason',
  valuesConfig: { NOT_PENDING: { description: 'The refund was already recorded with another result or reference' } },
});

@ObjectType({ description: 'Money a payment provider owes back for a cancelled, paid booking; the amount follows the cancellation rule' })
export class Refund {
  @Field(() => ID) id!: string;
  @Field(() => Int) amountKzt!: number;
  @Field(() => RefundStatus) status!: RefundStatus;
  @Field(() => String, { nullable: true, description: "The provider's own reference" }) externalRef!: string | null;
  @Field() createdAt!: Date;
  paymentId!: string;
}

@ObjectType({ description: 'The result is recorded (or was already, with the same reference); REFUNDED made the payment and the booking REFUNDED' })
export class RefundRecorded {
  @Field(() => Refund) refund!: Refund;
}

@ObjectType()
export class RefundRejected {
  @Field(() => RefundRejectionReason) reason!: RefundRejectionReason;
}

export type RecordRefundOutcome = RefundRecorded | RefundRejected;

export const RecordRefundResult = createUnionType({
  name: 'RecordRefundResult',
  types: () => [RefundRecorded, RefundRejected] as const,
  resolveType: (v) => ('refund' in v ? RefundRecorded : RefundRejected),
});
