import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

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
}
