import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { CLOCK_TOLERANCE_SECONDS } from './access-token.js';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { revokeTokenId } from './token-revocation.service.js';

const JTI = /^[A-Za-z0-9_-]{1,128}$/;

@Resolver()
export class TokenRevocationResolver {
  @Mutation(() => Boolean, { description: 'Revokes one access token by its jti claim; it fails with TOKEN_REVOKED from the next request (admin only)' })
  async revokeToken(@Arg('jti') jti: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    if (!JTI.test(jti)) throw new BadInputError('Not a token id', 'jti');
    // Our tokens never outlive the access TTL, so the row can go once that has passed.
    const keepUntil = new Date(Date.now() + (ctx.services.cfg.jwt.accessTtlSeconds + CLOCK_TOLERANCE_SECONDS) * 1000);
    await revokeTokenId(ctx.services.sql, jti, keepUntil);
    ctx.services.logger.info({ adminId: ctx.principal.id }, 'access token revoked');
    return true;
  }
}
