import { Field, InputType, registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

const EDIT = 'Omitted: unchanged; null or empty: cleared';

@InputType({ description: `Messenger handles. ${EDIT}` })
export class MessengersInput {
  @Field(() => String, { nullable: true, description: 'Telegram username, with or without @' }) telegram?: string | null;
  @Field(() => String, { nullable: true, description: 'WhatsApp number in international format' }) whatsapp?: string | null;
}

@InputType({ description: `Changes to the caller's own profile; for every field: ${EDIT}. The phone is the login and is not changed here` })
export class ProfileInput {
  @Field(() => String, { nullable: true }) surname?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) patronymic?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true, description: '12-digit IIN; checked by its check digit only' }) iin?: string | null;
  @Field(() => String, { nullable: true, description: 'Passport (N + 8 digits) or 9-digit identity card number' }) passportNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Stored lower-cased' }) email?: string | null;
  @Field(() => MessengersInput, { nullable: true, description: 'Given handles replace, omitted ones stay' }) messengers?: MessengersInput | null;
}
