import { Field, ID, InputType } from 'type-graphql';
import type { PrincipalKind, Purpose } from '../privacy/privacy.vocabulary.js';
import { PrincipalKindEnum, PurposeEnum } from './explain.type.js';

@InputType({ description: 'The principal to explain a query as: what a real token and the X-Purpose headers would make' })
export class ExplainAsInput {
  @Field(() => PrincipalKindEnum) kind!: PrincipalKind;
  @Field(() => ID, { nullable: true, description: 'The active account, for USER and staff kinds' }) accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'The enabled API client, for PARTNER and PAYMENT_PROVIDER' }) clientId?: string | null;
  @Field(() => [String], { nullable: true, description: "API clients only: the token's scopes, among the client's; default all of them" }) scopes?: string[] | null;
  @Field(() => PurposeEnum, { nullable: true, description: "As X-Purpose; default the kind's (a client's registered) purpose" }) purpose?: Purpose | null;
  @Field(() => String, { nullable: true, description: 'As X-Purpose-Ref: a ticket, case or request number' }) reference?: string | null;
}
