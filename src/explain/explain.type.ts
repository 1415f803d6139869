import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../graphql/enum-of.js';
import {
  EXPOSURES,
  PII_KINDS,
  PRINCIPAL_KINDS,
  PURPOSES,
  REASON_CODES,
  type Exposure,
  type PiiKind,
  type PrincipalKind,
  type Purpose,
  type ReasonCode,
} from '../privacy/privacy.vocabulary.js';

// The privacy vocabulary as GraphQL enums; PiiKind itself belongs to the @pii directive, which graphql-js will not let another enum share.
export const PrincipalKindEnum = enumOf(PRINCIPAL_KINDS);
registerEnumType(PrincipalKindEnum, { name: 'PrincipalKind', description: 'Who a request is answered for' });
export const PurposeEnum = enumOf(PURPOSES);
registerEnumType(PurposeEnum, { name: 'Purpose', description: 'A purpose of processing a caller declares (X-Purpose)' });
export const DecidedPiiKind = enumOf(PII_KINDS);
registerEnumType(DecidedPiiKind, { name: 'DecidedPiiKind', description: 'A kind of personal data the policy decides on (the values of PiiKind)' });
export const ExposureEnum = enumOf(EXPOSURES);
registerEnumType(ExposureEnum, { name: 'Exposure', description: 'How much of a personal value the policy lets out' });
export const ExposureReasonEnum = enumOf(REASON_CODES);
registerEnumType(ExposureReasonEnum, { name: 'ExposureReason', description: 'Why a value is not shown in full (extensions.privacy.withheld gives the same codes)' });

@ObjectType({ description: 'The principal a query was explained as, as the gateway built it' })
export class ExplainedPrincipal {
  @Field(() => PrincipalKindEnum) kind!: PrincipalKind;
  @Field(() => ID, { nullable: true, description: 'The account or API client id' }) id!: string | null;
  @Field(() => ID, { nullable: true, description: "The API client's partner or payment provider" }) partnerId!: string | null;
  @Field(() => [String]) scopes!: readonly string[];
  @Field(() => PurposeEnum, { nullable: true }) purpose!: Purpose | null;
  @Field(() => String, { nullable: true, description: 'The declared ticket, case or request number' }) reference!: string | null;
}

@ObjectType({ description: 'One @pii field as the policy decides it for the explained principal: never its value' })
export class ExposureDecision {
  @Field(() => [String], { description: 'The response path of the field; list indexes as decimal strings' }) path!: string[];
  @Field(() => DecidedPiiKind) kind!: PiiKind;
  @Field(() => ExposureEnum) exposure!: Exposure;
  @Field(() => ExposureReasonEnum, { nullable: true, description: 'Absent when FULL' }) reason!: ReasonCode | null;
}

@ObjectType({ description: 'An error the explained principal would get; messages quote schema names only' })
export class ExplainedError {
  @Field() message!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true, description: "The refusal's reason, where it has one (INSUFFICIENT_SCOPE, NOT_TOUR_OWNER, ...)" }) reason!: string | null;
  @Field(() => [String], { nullable: true }) path!: string[] | null;
}

@ObjectType({ description: 'What a query would expose to a principal: every @pii field it reaches with kind, exposure and reason, and no value at all' })
export class Explanation {
  @Field(() => ExplainedPrincipal) as!: ExplainedPrincipal;
  @Field(() => [ExposureDecision], { description: 'In response order; a field is decided whether or not the person has a value there' }) decisions!: ExposureDecision[];
  @Field(() => [ExplainedError]) errors!: ExplainedError[];
}
