import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows the disclosure log; every field given must match' })
export class DisclosureLogFilter {
  @Field(() => String, { nullable: true, description: 'Recipient principal kind (PARTNER, SUPPORT, ADMIN, AUTHORITY, ...)' }) recipientKind?: string | null;
  @Field(() => ID, { nullable: true, description: 'Recipient account: staff user id or API client id' }) recipientId?: string | null;
  @Field(() => String, { nullable: true, description: 'Subject pseudonym, as the log shows it' }) subject?: string | null;
  @Field(() => String, { nullable: true, description: 'Declared purpose' }) purpose?: string | null;
  @Field(() => Date, { nullable: true, description: 'At or after' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before' }) to?: Date | null;
  @Field(() => String, { nullable: true, description: "The gateway's request id (x-request-id) that released the data; give from as well on a large log" })
  requestId?: string | null;
}
