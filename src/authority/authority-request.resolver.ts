import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { approveAuthorityRequest, authorityRequests, recordAuthorityRequest, requestsAddressedTo } from './authority-request.service.js';
import { ApprovalResult, AuthorityRequest, AuthorityRequestPage, RequestedPiiKind, type ApprovalRefused, type AuthorityRequestApproved } from './authority-request.type.js';
import { accountIdOf } from '../access/principal.js';

// authority-request.rules.ts: administrators record and approve; an authority lists the requests addressed to it and reads
// through person(id) with X-Purpose-Ref: <caseNumber>.
@Resolver(() => AuthorityRequest)
export class AuthorityRequestResolver {
  @Mutation(() => AuthorityRequest, { description: "Administrators: record an authority's formal request; a second administrator must approve it" })
  recordAuthorityRequest(
    @Arg('agency') agency: string,
    @Arg('legalBasis') legalBasis: string,
    @Arg('caseNumber') caseNumber: string,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('kinds', () => [RequestedPiiKind]) kinds: RequestedPiiKind[],
    @Arg('expiresAt', () => Date) expiresAt: Date,
    @Arg('addressedToId', () => ID, { description: 'The authority account (role AUTHORITY) that made the request' }) addressedToId: string,
    @Ctx() ctx: GatewayContext,
    @Arg('confidentialUntil', () => Date, { nullable: true, description: "Keep agency and case number from the subject's own log until then" }) confidentialUntil?: Date | null,
  ): Promise<AuthorityRequest> {
    return recordAuthorityRequest(ctx.services.sql, accountIdOf(ctx.principal), {
      agency,
      legalBasis,
      caseNumber,
      subjectId,
      kinds,
      expiresAt,
      addressedToId,
      confidentialUntil: confidentialUntil ?? null,
    });
  }

  @Mutation(() => ApprovalResult, { description: 'A second administrator approves a recorded request' })
  approveAuthorityRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<AuthorityRequestApproved | ApprovalRefused> {
    return approveAuthorityRequest(ctx.services.sql, accountIdOf(ctx.principal), id);
  }

  @Query(() => [AuthorityRequest], { description: 'Authorities: the requests addressed to the caller, newest first' })
  myAuthorityRequests(@Ctx() ctx: GatewayContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<AuthorityRequest[]> {
    return requestsAddressedTo(ctx.services.sql, accountIdOf(ctx.principal), pageSize(first, ctx.services.cfg.limits.maxPageSize));
  }

  @Query(() => AuthorityRequestPage, { description: 'Administrators: authority requests, newest first' })
  authorityRequests(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<AuthorityRequestPage> {
    return authorityRequests(ctx.services.sql, after ? decodeCursor(after, TIMESTAMP_KEY) : null, pageSize(first, ctx.services.cfg.limits.maxPageSize));
  }

  @FieldResolver(() => Person, { description: 'The person the request is about: the named kinds in full only for the addressed authority declaring its case number' })
  async subject(@Root() r: AuthorityRequest, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const p = await ctx.loaders.person.load(r.subjectId);
    if (!p) throw new Error('authority request without subject');
    return reachedVia(p, 'AUTHORITY_SUBJECT', r.id);
  }
}
