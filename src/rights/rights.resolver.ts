import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CHANGES_OWN_STANDING } from '../access/standing-writes.js';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { Me } from '../users/me.type.js';
import { exportUserData } from './data-export.service.js';
import { eraseAccount } from './erasure.service.js';
import { AccountDeleted } from './erasure.type.js';
import { privacyReport } from './privacy-report.service.js';
import { PrivacyReport } from './privacy-report.type.js';
import { accountIdOf } from '../access/principal.js';

const MAX_REASON = 500;

// The rules (rights.rules.ts) establish who calls: travellers for their own account, administrators for removals.
@Resolver()
export class RightsResolver {
  @Query(() => PrivacyReport, { description: "Purposes, consents, data held, retention, recipients, transfers and disclosures of the caller's data" })
  myPrivacyReport(@Ctx() ctx: GatewayContext): Promise<PrivacyReport> {
    return privacyReport(ctx.services.sql, ctx.services.vault, accountIdOf(ctx.principal));
  }

  @Query(() => GraphQLJSONObject, { description: 'Everything held about the caller as one JSON document' })
  exportMyData(@Ctx() ctx: GatewayContext): Promise<Record<string, unknown>> {
    return exportUserData(ctx.services, accountIdOf(ctx.principal));
  }

  @Mutation(() => AccountDeleted, { description: "Delete the caller's account: personal data is destroyed at once; transactions stay pseudonymised under a legal hold" })
  @Extensions(CHANGES_OWN_STANDING)
  deleteMyAccount(@Ctx() ctx: GatewayContext): Promise<AccountDeleted> {
    return eraseAccount(ctx, { userId: accountIdOf(ctx.principal), actorKind: 'USER', actorId: accountIdOf(ctx.principal), reason: null });
  }

  @Mutation(() => AccountDeleted, { description: "Administrators: delete a violator's account, with the same erasure as deleteMyAccount" })
  removeAccount(@Arg('userId', () => ID) userId: string, @Arg('reason') reason: string, @Ctx() ctx: GatewayContext): Promise<AccountDeleted> {
    if (!isUuid(userId)) throw new NotFoundError('Account');
    const why = reason.trim();
    if (!why || why.length > MAX_REASON) throw new BadInputError(`reason must be 1 to ${MAX_REASON} characters`, 'reason');
    return eraseAccount(ctx, { userId, actorKind: 'ADMIN', actorId: accountIdOf(ctx.principal), reason: why });
  }
}

@Resolver(() => Me)
export class MyPrivacyReportResolver {
  @FieldResolver(() => PrivacyReport, { description: 'The same report as myPrivacyReport' })
  privacyReport(@Root() me: Me, @Ctx() ctx: GatewayContext): Promise<PrivacyReport> {
    return privacyReport(ctx.services.sql, ctx.services.vault, me.id);
  }
}
