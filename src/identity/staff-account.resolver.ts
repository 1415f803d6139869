import { Arg, Args, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { isUuid } from '../graphql/cursor.js';
import { createStaffAccount, disableStaffAccount, toStaffView } from './staff-account.service.js';
import { CreateStaffAccountArgs, StaffAccountView } from './staff-account.type.js';

// Admin only; the log lines name accounts by id and role, never by phone or OpenID subject.
@Resolver()
export class StaffAccountResolver {
  @Mutation(() => StaffAccountView, { description: 'Creates a staff account of any staff role (admin only); in production it needs oidcSubject' })
  async createStaffAccount(@Args() args: CreateStaffAccountArgs, @Ctx() ctx: GatewayContext): Promise<StaffAccountView> {
    const { cfg, vault, logger } = ctx.services;
    const user = await createStaffAccount(ctx.em(), cfg, vault, args);
    logger.info({ adminId: ctx.principal.id, accountId: user.id, role: user.role }, 'staff account created');
    return toStaffView(user);
  }

  @Mutation(() => StaffAccountView, { description: 'Blocks a staff account: its tokens fail with TOKEN_REVOKED from the next request (admin only, not oneself)' })
  async disableStaffAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<StaffAccountView> {
    if (!isUuid(id)) throw new BadInputError('Not an account id', 'id');
    const user = await disableStaffAccount(ctx.em(), id, ctx.principal.id);
    ctx.services.logger.info({ adminId: ctx.principal.id, accountId: user.id, role: user.role }, 'staff account disabled');
    return toStaffView(user);
  }
}
