import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Review } from './review.type.js';

export enum ReviewRejectionReason {
  ALREADY_REVIEWED = 'ALREADY_REVIEWED',
  NO_COMPLETED_BOOKING = 'NO_COMPLETED_BOOKING',
}
registerEnumType(ReviewRejectionReason, {
  name: 'ReviewRejectionReason',
  valuesConfig: {
    ALREADY_REVIEWED: { description: 'One review per traveller and tour' },
    NO_COMPLETED_BOOKING: { description: 'Only travellers who completed the tour review it' },
  },
});

@ObjectType({ description: 'How many personal data items were masked in the published text' })
export class MaskedCounts {
  @Field(() => Int) iin!: number;
  @Field(() => Int) phone!: number;
  @Field(() => Int) email!: number;
  @Field(() => Int, { description: 'Passport and identity card numbers' }) passport!: number;
}

@ObjectType({ description: 'The review is published, with personal data in its text masked' })
export class ReviewCreated {
  @Field(() => Review) review!: Review;
  @Field(() => Int, { description: 'Total masked items' }) maskedCount!: number;
  @Field(() => MaskedCounts) masked!: MaskedCounts;
}

@ObjectType()
export class ReviewRejected {
  @Field(() => ReviewRejectionReason) reason!: ReviewRejectionReason;
}

export type CreateReviewOutcome = ReviewCreated | ReviewRejected;

export const CreateReviewResult = createUnionType({
  name: 'CreateReviewResult',
  types: () => [ReviewCreated, ReviewRejected] as const,
  resolveType: (v) => ('review' in v ? ReviewCreated : ReviewRejected),
});
