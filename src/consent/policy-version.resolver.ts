import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { acceptPolicyVersion, currentPolicyVersion, pendingPolicyAcceptance, publishPolicyVersion } from './policy-version.service.js';
import { PolicyAcceptance, PolicyVersionInfo } from './policy-version.type.js';
import { accountIdOf } from '../access/principal.js';

// policy-version.rules.ts: administrators publish, travellers accept their own, anyone reads the version in force.
@Resolver()
export class PolicyVersionResolver {
  @Query(() => PolicyVersionInfo, { nullable: true, description: 'The privacy policy version in force' })
  currentPolicyVersion(@Ctx() ctx: GatewayContext): Promise<PolicyVersionInfo | null> {
    return currentPolicyVersion(ctx.services.sql);
  }

  @Query(() => PolicyVersionInfo, { nullable: true, description: 'The version in force if the caller has not accepted it yet; null otherwise' })
  pendingPolicyAcceptance(@Ctx() ctx: GatewayContext): Promise<PolicyVersionInfo | null> {
    return pendingPolicyAcceptance(ctx.services.sql, accountIdOf(ctx.principal));
  }

  @Mutation(() => PolicyVersionInfo, { description: 'Administrators: publish a policy version; it applies from publishedAt' })
  publishPolicyVersion(
    @Arg('version') version: string,
    @Arg('publishedAt', () => Date) publishedAt: Date,
    @Arg('textSha256') textSha256: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<PolicyVersionInfo> {
    return publishPolicyVersion(ctx.services.sql, version, publishedAt, textSha256);
  }

  @Mutation(() => PolicyAcceptance, { description: 'Accept the policy version in force; recorded as proof (consent event POLICY_ACCEPTED)' })
  acceptPolicyVersion(@Arg('version') version: string, @Ctx() ctx: GatewayContext): Promise<PolicyAcceptance> {
    return acceptPolicyVersion(ctx, accountIdOf(ctx.principal), version);
  }
}
