import { createUnionType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { SupportTicket } from './support-ticket.type.js';

export enum TicketRefusalReason {
  NOT_OPEN = 'NOT_OPEN',
  TAKEN_BY_ANOTHER = 'TAKEN_BY_ANOTHER',
  NOT_ASSIGNED_TO_YOU = 'NOT_ASSIGNED_TO_YOU',
}
registerEnumType(TicketRefusalReason, {
  name: 'TicketRefusalReason',
  valuesConfig: {
    NOT_OPEN: { description: 'The ticket is closed' },
    TAKEN_BY_ANOTHER: { description: 'Another support agent has taken the ticket' },
    NOT_ASSIGNED_TO_YOU: { description: 'Only the agent the ticket is assigned to closes it' },
  },
});

@ObjectType({ description: 'The ticket is assigned to the caller; its reference now works for the caller' })
export class TicketTaken {
  @Field(() => SupportTicket) ticket!: SupportTicket;
}

@ObjectType({ description: 'The ticket is closed; its reference no longer shows its user in full' })
export class TicketClosed {
  @Field(() => SupportTicket) ticket!: SupportTicket;
}

@ObjectType({ description: 'Nothing was changed' })
export class TicketRefused {
  @Field(() => TicketRefusalReason) reason!: TicketRefusalReason;
}

export type TakeTicketOutcome = TicketTaken | TicketRefused;
export type CloseTicketOutcome = TicketClosed | TicketRefused;

export const TakeTicketResult = createUnionType({
  name: 'TakeTicketResult',
  types: () => [TicketTaken, TicketRefused] as const,
  resolveType: (v) => ('ticket' in v ? TicketTaken : TicketRefused),
});

export const CloseTicketResult = createUnionType({
  name: 'CloseTicketResult',
  types: () => [TicketClosed, TicketRefused] as const,
  resolveType: (v) => ('ticket' in v ? TicketClosed : TicketRefused),
});
