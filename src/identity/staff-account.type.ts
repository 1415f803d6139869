import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum StaffRole {
  SUPPORT = 'SUPPORT',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
  AUTHORITY = 'AUTHORITY',
}
registerEnumType(StaffRole, { name: 'StaffRole', description: 'The role of a staff account; it is also the principal kind of its tokens' });

@ObjectType('StaffAccount', { description: 'A staff account (no personal data: the phone, if any, stays sealed)' })
export class StaffAccountView {
  @Field(() => ID) id!: string;
  @Field(() => StaffRole) role!: StaffRole;
  @Field({ description: 'ACTIVE, or BLOCKED once disabled' }) status!: string;
  @Field({ description: 'True when the account is linked to a subject of the staff OpenID issuer, the only staff sign-in in production' })
  openIdLinked!: boolean;
}

@ArgsType()
export class CreateStaffAccountArgs {
  @Field(() => StaffRole) role!: StaffRole;
  @Field(() => String, { nullable: true, description: "The staff member's subject (sub) at the OpenID issuer; required in production" })
  oidcSubject?: string | null;
  @Field(() => String, { nullable: true, description: 'A Kazakh mobile number for SMS sign-in, outside production only; it must not belong to an account' })
  phone?: string | null;
}
