import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';

export enum FraudCaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(FraudCaseStatus, { name: 'FraudCaseStatus' });

@ObjectType({ description: 'A fraud investigation: while open, its reference (X-Purpose-Ref) lets the assigned administrator see its subjects in full' })
export class FraudCase {
  @Field(() => ID) id!: string;
  @Field({ description: 'The case number to declare in X-Purpose-Ref with X-Purpose: FRAUD_PREVENTION, e.g. FC-2026-001000' }) reference!: string;
  @Field(() => FraudCaseStatus) status!: FraudCaseStatus;
  @Field(() => [ID], { description: 'The people the case names; only they are shown in full under its reference' }) subjectIds!: string[];
  @Field(() => ID) openedById!: string;
  @Field(() => ID) assignedToId!: string;
  @Field(() => String, { nullable: true, description: 'Why the case was opened; shown only to the administrator who opened it and the one assigned' })
  reason!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@ObjectType({ description: 'Fraud cases, newest first' })
export class FraudCasePage {
  @Field(() => [FraudCase]) nodes!: FraudCase[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
