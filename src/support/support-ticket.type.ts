import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../tours/tour.type.js';

export enum SupportTicketStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(SupportTicketStatus, { name: 'SupportTicketStatus' });

@ObjectType({ description: 'A support request as its author sees it' })
export class MySupportTicket {
  @Field(() => ID) id!: string;
  @Field({ description: 'Quote it to support, e.g. SUP-100001' }) reference!: string;
  @Field(() => String, { nullable: true, description: 'What the traveller wrote; null once the account is erased' }) subject!: string | null;
  @Field(() => SupportTicketStatus) status!: SupportTicketStatus;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@ObjectType({ description: 'A ticket as support staff see it: its reference and state, never what the traveller wrote' })
export class SupportTicket {
  @Field(() => ID) id!: string;
  @Field({ description: 'Declare it in X-Purpose-Ref (X-Purpose: SUPPORT) once the ticket is assigned to you' }) reference!: string;
  @Field(() => SupportTicketStatus) status!: SupportTicketStatus;
  @Field(() => ID, { description: 'The traveller who opened it' }) userId!: string;
  @Field(() => ID, { nullable: true, description: 'The support agent working on it' }) assignedToId!: string | null;
  @Field(() => Date, { nullable: true }) assignedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@ObjectType({ description: 'Open tickets, oldest first' })
export class SupportQueuePage {
  @Field(() => [SupportTicket]) nodes!: SupportTicket[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
