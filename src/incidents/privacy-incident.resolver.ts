import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import type { IncidentResolution } from './privacy-incident.entity.js';
import { clearHold, closeIncident, listIncidents, recordNotification, toIncident } from './privacy-incident.service.js';
import { IncidentResolutionEnum, IncidentResult, IncidentStatus, PrivacyIncidentPage, type IncidentOutcome } from './privacy-incident.type.js';
import { accountIdOf } from '../access/principal.js';

// privacy-incident.rules.ts: administrators and auditors keep the register; only administrators lift a hold.
@Resolver()
export class PrivacyIncidentResolver {
  @Query(() => PrivacyIncidentPage, { description: 'Administrators and auditors: suspected breaches, newest first, with the deadline for notifying the authority' })
  async privacyIncidents(
    @Ctx() ctx: GatewayContext,
    @Arg('status', () => IncidentStatus, { nullable: true, defaultValue: IncidentStatus.OPEN, description: 'OPEN (default), CLOSED, or null for all' })
    status: IncidentStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<PrivacyIncidentPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await listIncidents(ctx.services.sql, status, after ? decodeCursor(after, TIMESTAMP_KEY) : null, size + 1);
    const { nodes, pageInfo } = keysetPage(rows, size, (r) => ({ key: r.openedKey, id: r.id }));
    return { nodes: nodes.map(toIncident), pageInfo };
  }

  @Mutation(() => IncidentResult, { description: 'Administrators: the recipient gets FULL values again; the incident stays open until closed' })
  async clearIncidentHold(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<IncidentOutcome> {
    const out = await clearHold(ctx.services.sql, accountIdOf(ctx.principal), id);
    // This instance at once; the others at their next refresh.
    if ('incident' in out) await ctx.services.holds.refresh();
    return out;
  }

  @Mutation(() => IncidentResult, { description: 'Record that the authority was notified, with its registration number; a later call corrects it' })
  recordIncidentNotification(
    @Arg('id', () => ID) id: string,
    @Arg('reference', { description: "The authority's registration number of the notification" }) reference: string,
    @Ctx() ctx: GatewayContext,
    @Arg('notifiedAt', () => Date, { nullable: true, description: 'When it was sent; default now' }) notifiedAt?: Date | null,
  ): Promise<IncidentOutcome> {
    return recordNotification(ctx.services.sql, accountIdOf(ctx.principal), id, reference, notifiedAt ?? null);
  }

  @Mutation(() => IncidentResult, { description: 'Close an incident whose hold is cleared; AUTHORITY_NOTIFIED needs the notification recorded' })
  closeIncident(
    @Arg('id', () => ID) id: string,
    @Arg('resolution', () => IncidentResolutionEnum) resolution: IncidentResolution,
    @Ctx() ctx: GatewayContext,
  ): Promise<IncidentOutcome> {
    return closeIncident(ctx.services.sql, accountIdOf(ctx.principal), id, resolution);
  }
}
