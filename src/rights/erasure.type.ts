import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "The account's personal data is destroyed; what law requires keeping stays, pseudonymised, under a legal hold. A repeated erasure answers the same" })
export class AccountDeleted {
  @Field({ description: 'When the personal data was destroyed' }) deletedAt!: Date;
  @Field(() => Int, { description: 'Bookings kept, without personal data, under the legal hold' }) heldBookings!: number;
  @Field(() => Int, { description: 'Payments kept, without personal data, under the legal hold' }) heldPayments!: number;
  @Field(() => String, { nullable: true, description: 'ISO date the legal hold ends and the kept records are purged; null when nothing is held' }) heldUntil!: string | null;
}
