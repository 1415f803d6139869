import { Directive, Field, ID, ObjectType } from 'type-graphql';

// The GraphQL face of a user: every personal field is nullable and tagged, so the privacy layer decides it.
@ObjectType({ description: 'A person as the caller may see them; personal fields follow the privacy policy' })
export class Person {
  @Field(() => ID) id!: string;
  @Directive('@pii(kind: FULL_NAME)') @Field(() => String, { nullable: true }) fullName!: string | null;
  @Directive('@pii(kind: PHONE)') @Field(() => String, { nullable: true }) phone!: string | null;
  @Directive('@pii(kind: EMAIL)') @Field(() => String, { nullable: true }) email!: string | null;
  @Directive('@pii(kind: IIN)') @Field(() => String, { nullable: true }) iin!: string | null;
  @Directive('@pii(kind: PASSPORT)') @Field(() => String, { nullable: true }) passportNumber!: string | null;
  @Directive('@pii(kind: GENDER)') @Field(() => String, { nullable: true }) gender!: string | null;
  @Directive('@pii(kind: MESSENGER)') @Field(() => String, { nullable: true, description: 'Messenger handles as JSON' }) messengers!: string | null;
}
