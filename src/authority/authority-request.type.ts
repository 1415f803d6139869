import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../graphql/enum-of.js';
import { PII_KINDS, type PiiKind } from '../privacy/privacy.vocabulary.js';
import { PageInfo } from '../tours/tour.type.js';

export const RequestedPiiKind = enumOf(PII_KINDS);
export type RequestedPiiKind = PiiKind;
// Same values as the @pii directive's PiiKind, which graphql-js will not let a second enum share the name of.
registerEnumType(RequestedPiiKind, { name: 'RequestedPiiKind', description: 'A kind of personal data an authority request names (the values of PiiKind)' });

export enum AuthorityRequestStatus {
  RECORDED = 'RECORDED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(AuthorityRequestStatus, { name: 'AuthorityRequestStatus' });

export enum ApprovalRefusalReason {
  SAME_ADMIN = 'SAME_ADMIN',
  NOT_PENDING = 'NOT_PENDING',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ApprovalRefusalReason, {
  name: 'ApprovalRefusalReason',
  valuesConfig: {
    SAME_ADMIN: { description: 'The administrator who recorded the request cannot approve it; a second one must' },
    NOT_PENDING: { description: 'The request was already approved or rejected' },
    EXPIRED: { description: 'The request expired before approval' },
  },
});

@ObjectType({ description: "A formal request of a public authority for one person's data (policy §8); readable by the authority once a second administrator approves it" })
export class AuthorityRequest {
  @Field(() => ID) id!: string;
  @Field() agency!: string;
  @Field() legalBasis!: string;
  @Field() caseNumber!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => [RequestedPiiKind]) kinds!: RequestedPiiKind[];
  @Field() expiresAt!: Date;
  @Field(() => AuthorityRequestStatus) status!: AuthorityRequestStatus;
  @Field(() => ID) recordedById!: string;
  @Field(() => ID, { nullable: true }) approvedById!: string | null;
  @Field() createdAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The authority account the request is addressed to; only it reads under the case number' })
  addressedToId!: string | null;
  @Field(() => Date, { nullable: true, description: "Until then the subject's own log shows only that a state body received data under law" })
  confidentialUntil!: Date | null;
}

@ObjectType({ description: 'The request is approved: the authority may read the named fields until it expires' })
export class AuthorityRequestApproved {
  @Field(() => AuthorityRequest) request!: AuthorityRequest;
}

@ObjectType({ description: 'The approval was refused; the request is unchanged' })
export class ApprovalRefused {
  @Field(() => ApprovalRefusalReason) reason!: ApprovalRefusalReason;
}

export const ApprovalResult = createUnionType({
  name: 'ApprovalResult',
  types: () => [AuthorityRequestApproved, ApprovalRefused] as const,
  resolveType: (v) => ('request' in v ? AuthorityRequestApproved : ApprovalRefused),
});

@ObjectType({ description: 'A page of authority requests with the cursor of the next' })
export class AuthorityRequestPage {
  @Field(() => [AuthorityRequest]) nodes!: AuthorityRequest[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
