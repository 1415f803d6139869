import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';

export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  IN_REVIEW = 'IN_REVIEW',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });

@ObjectType({ description: 'A document attached to a complaint (metadata only)' })
export class Attachment {
  @Field() name!: string;
  @Field() mimeType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() sha256!: string;
}

@ObjectType({ description: 'A claim about how personal data is handled (user right 9)' })
export class Complaint {
  @Field(() => ID) id!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field(() => [Attachment]) attachments!: Attachment[];
  @Field(() => ComplaintStatus) status!: ComplaintStatus;
  @Field() createdAt!: Date;
  userId!: string;
}

@ObjectType({ description: 'A complaint as staff see it, with its author as the privacy policy allows' })
export class StaffComplaint extends Complaint {
  @Field(() => Person) author!: PersonRow;
}

@ObjectType({ description: 'A page of complaints with the cursor of the next' })
export class StaffComplaintPage {
  @Field(() => [StaffComplaint]) nodes!: Complaint[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
