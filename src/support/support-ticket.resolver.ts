import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { CloseTicketResult, TakeTicketResult, type CloseTicketOutcome, type TakeTicketOutcome } from './support-ticket-result.type.js';
import { closeSupportTicket, openSupportTicket, supportQueue, takeSupportTicket, ticketsOfUser } from './support-ticket.service.js';
import { MySupportTicket, SupportQueuePage, SupportTicket } from './support-ticket.type.js';
import { accountIdOf } from '../access/principal.js';

// support-ticket.rules.ts: travellers open and read their own; support agents work the queue.
@Resolver(() => SupportTicket)
export class SupportTicketResolver {
  @Mutation(() => MySupportTicket, { description: 'Ask support for help; quote the returned reference' })
  openSupportTicket(@Arg('subject') subject: string, @Ctx() ctx: GatewayContext): Promise<MySupportTicket> {
    return openSupportTicket(ctx, accountIdOf(ctx.principal), subject);
  }

  @Query(() => [MySupportTicket], { description: "The caller's own tickets, newest first" })
  mySupportTickets(@Ctx() ctx: GatewayContext): Promise<MySupportTicket[]> {
    return ticketsOfUser(ctx, accountIdOf(ctx.principal));
  }

  @Query(() => SupportQueuePage, { description: 'Support: open tickets, oldest first, without what travellers wrote' })
  async supportQueue(
    @Ctx() ctx: GatewayContext,
    @Arg('mine', { defaultValue: false, description: 'Only tickets assigned to the caller' }) mine: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<SupportQueuePage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await supportQueue(ctx.services.sql, accountIdOf(ctx.principal), mine, after ? decodeCursor(after, TIMESTAMP_KEY) : null, size + 1);
    const { nodes, pageInfo } = keysetPage(rows, size, (r) => ({ key: r.createdKey, id: r.id }));
    return { nodes: nodes.map(({ createdKey: _key, ...t }) => t), pageInfo };
  }

  @Mutation(() => TakeTicketResult, { description: 'Support: assign an open ticket to the caller' })
  takeSupportTicket(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<TakeTicketOutcome> {
    return takeSupportTicket(ctx.services.sql, accountIdOf(ctx.principal), id);
  }

  @Mutation(() => CloseTicketResult, { description: 'Support: close a ticket assigned to the caller' })
  closeSupportTicket(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<CloseTicketOutcome> {
    return closeSupportTicket(ctx.services.sql, accountIdOf(ctx.principal), id);
  }

  @FieldResolver(() => Person, { description: "Who opened it: in full only for the assigned agent declaring this ticket's reference" })
  async user(@Root() t: SupportTicket, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const p = await ctx.loaders.person.load(t.userId);
    if (!p) throw new Error('ticket without user');
    return reachedVia(p, 'TICKET_SUBJECT', t.id);
  }
}
