import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A published review of a tour' })
export class Review {
  @Field(() => ID) id!: string;
  @Field(() => Int) rating!: number;
  @Field({ description: 'Personal data found in the text is masked before publication' }) text!: string;
  @Field() createdAt!: Date;
  authorId!: string | null;
  tourId!: string;
}
