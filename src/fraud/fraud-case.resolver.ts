import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { CloseFraudCaseResult, OpenFraudCaseResult, type CloseFraudCaseOutcome, type OpenFraudCaseOutcome } from './fraud-case-result.type.js';
import { closeFraudCase, fraudCases, openFraudCase, toFraudCase } from './fraud-case.service.js';
import { FraudCase, FraudCasePage, FraudCaseStatus } from './fraud-case.type.js';
import { accountIdOf } from '../access/principal.js';

// fraud-case.rules.ts: administrators only.
@Resolver(() => FraudCase)
export class FraudCaseResolver {
  @Mutation(() => OpenFraudCaseResult, { description: 'Administrators: open a fraud case naming its subjects, assigned to the caller or another administrator' })
  openFraudCase(
    @Arg('reason', { description: 'Why; sealed at rest, never logged' }) reason: string,
    @Arg('subjectIds', () => [ID]) subjectIds: string[],
    @Ctx() ctx: GatewayContext,
    @Arg('assignedToId', () => ID, { nullable: true, description: 'Defaults to the caller' }) assignedToId?: string | null,
  ): Promise<OpenFraudCaseOutcome> {
    return openFraudCase(ctx, accountIdOf(ctx.principal), { reason, subjectIds, assignedToId: assignedToId ?? null });
  }

  @Mutation(() => CloseFraudCaseResult, { description: 'The opener or the assigned administrator closes a case' })
  closeFraudCase(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<CloseFraudCaseOutcome> {
    return closeFraudCase(ctx, accountIdOf(ctx.principal), id);
  }

  @Query(() => FraudCasePage, { description: 'Administrators: fraud cases, newest first' })
  async fraudCases(
    @Ctx() ctx: GatewayContext,
    @Arg('status', () => FraudCaseStatus, { nullable: true }) status?: FraudCaseStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<FraudCasePage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await fraudCases(ctx, status ?? null, after ? decodeCursor(after, TIMESTAMP_KEY) : null, size + 1);
    const { nodes, pageInfo } = keysetPage(rows, size, (r) => ({ key: r.createdKey, id: r.id }));
    return { nodes: nodes.map((r) => toFraudCase(ctx, r)), pageInfo };
  }

  @FieldResolver(() => [Person], { description: "The people the case names: in full only for its assignee declaring this case's reference" })
  async subjects(@Root() c: FraudCase, @Ctx() ctx: GatewayContext): Promise<PersonRow[]> {
    const rows = await ctx.loaders.person.loadMany(c.subjectIds);
    return rows.filter((p): p is PersonRow => p !== null && !(p instanceof Error)).map((p) => reachedVia(p, 'FRAUD_CASE_SUBJECT', c.id));
  }
}
