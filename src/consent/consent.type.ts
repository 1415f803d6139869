import { createUnionType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../graphql/enum-of.js';
import { CONSENT_PURPOSES, type ConsentPurpose as ConsentPurposeValue } from '../privacy/privacy.vocabulary.js';

export const ConsentPurpose = enumOf(CONSENT_PURPOSES);
export type ConsentPurpose = ConsentPurposeValue;
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: "Processing that needs the person's own consent",
  valuesConfig: {
    TOUR_BOOKING: { description: 'Sharing data with the partner whose tour is booked' },
    COMMUNICATION: { description: 'Contacting the user' },
    ANALYTICS: { description: 'Analytics on depersonalised data' },
    CROSS_BORDER_TRANSFER: { description: 'Copies outside Kazakhstan' },
  },
});

export enum ConsentRefusalReason {
  OBLIGATION_PENDING = 'OBLIGATION_PENDING',
}
registerEnumType(ConsentRefusalReason, {
  name: 'ConsentRefusalReason',
  valuesConfig: { OBLIGATION_PENDING: { description: 'An obligation to the user is unfulfilled, such as a paid tour that has not ended' } },
});

@ObjectType({ description: 'Whether the user consents to one purpose, and under which policy version' })
export class ConsentState {
  @Field(() => ConsentPurpose) purpose!: ConsentPurpose;
  @Field({ description: 'In effect now: an opt-out purpose (ANALYTICS) the user never decided on is granted' }) granted!: boolean;
  @Field(() => String, { nullable: true, description: 'Policy version of the last decision; null when never decided' }) policyVersion!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the last decision was made; null when never decided' }) updatedAt!: Date | null;
}

@ObjectType({ description: 'The consent now has the requested state; it applies from the next request' })
export class ConsentChanged {
  @Field(() => ConsentState) consent!: ConsentState;
}

@ObjectType({ description: 'The withdrawal was refused; the consent is unchanged' })
export class ConsentWithdrawalRefused {
  @Field(() => ConsentRefusalReason) reason!: ConsentRefusalReason;
  @Field() message!: string;
}

export const ConsentResult = createUnionType({
  name: 'ConsentResult',
  description: 'ConsentChanged, or ConsentWithdrawalRefused with a reason',
  types: () => [ConsentChanged, ConsentWithdrawalRefused] as const,
  resolveType: (v) => ('consent' in v ? ConsentChanged : ConsentWithdrawalRefused),
});
