import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';

export enum ModerationAction {
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
  REMOVE = 'REMOVE',
}
registerEnumType(ModerationAction, {
  name: 'ModerationAction',
  valuesConfig: {
    HIDE: { description: 'Hide from the public while it is looked into; reports are resolved' },
    RESTORE: { description: 'Publish again; reports are dismissed' },
    REMOVE: { description: 'Remove as unlawful or offensive; reports are resolved' },
  },
});

export enum ModerationStatus {
  PUBLISHED = 'PUBLISHED',
  HIDDEN = 'HIDDEN',
  REMOVED = 'REMOVED',
}
registerEnumType(ModerationStatus, { name: 'ModerationStatus' });

@ObjectType({ description: 'A report of offensive or unlawful content, as its reporter sees it' })
export class ContentReportReceipt {
  @Field(() => ID) id!: string;
  @Field(() => ID) reviewId!: string;
  @Field() status!: string;
  @Field() createdAt!: Date;
}

@ObjectType({ description: 'The reported review with its author; the author is shown as the moderation policy allows' })
export class ReportedReview {
  @Field(() => ID) id!: string;
  @Field(() => Int) rating!: number;
  @Field() text!: string;
  @Field(() => ModerationStatus) moderationStatus!: ModerationStatus;
  @Field(() => Person, { nullable: true, description: 'Null once the author deleted their account' }) author!: PersonRow | null;
}

@ObjectType({ description: 'One open report; the reporter is not shown' })
export class ModerationItem {
  @Field(() => ID) reportId!: string;
  @Field() reason!: string;
  @Field() reportedAt!: Date;
  @Field(() => ReportedReview) review!: ReportedReview;
}

@ObjectType({ description: 'Open reports, oldest first' })
export class ModerationQueuePage {
  @Field(() => [ModerationItem]) nodes!: ModerationItem[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: "The review's new moderation status and how many reports it closed" })
export class ReviewModerated {
  @Field(() => ID) reviewId!: string;
  @Field(() => ModerationStatus) moderationStatus!: ModerationStatus;
  @Field(() => Int) closedReports!: number;
}
