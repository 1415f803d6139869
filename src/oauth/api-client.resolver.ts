import { Arg, Args, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { disableApiClient, registerApiClient, rotateApiClientSecret, toView } from './api-client.service.js';
import { ApiClientSecret, ApiClientView, RegisterApiClientArgs } from './api-client.type.js';

// Admin only; the resolvers check it too, so the rule tree is not the only guard.
@Resolver()
export class ApiClientResolver {
  @Mutation(() => ApiClientSecret, { description: 'Registers a partner system for client credentials; the secret is shown only in this answer' })
  async registerApiClient(@Args() args: RegisterApiClientArgs, @Ctx() ctx: GatewayContext): Promise<ApiClientSecret> {
    const { client, clientSecret } = await registerApiClient(ctx.em(), args);
    ctx.services.logger.info({ adminId: ctx.principal.id, clientId: client.clientId }, 'api client registered');
    return { client: toView(client), clientSecret };
  }

  @Mutation(() => ApiClientSecret, {
    description:
      'Replaces the secret (shown only in this answer), and the scopes when given (from the known list); a client still holding ' +
      'an unknown scope must be given scopes. Tokens already issued live out their 15 minutes unless they carry a scope the client lost',
  })
  async rotateApiClientSecret(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('scopes', () => [String], { nullable: true }) scopes: string[] | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ApiClientSecret> {
    const { client, clientSecret } = await rotateApiClientSecret(ctx.em(), clientId, scopes);
    ctx.services.logger.info({ adminId: ctx.principal.id, clientId }, 'api client secret rotated');
    return { client: toView(client), clientSecret };
  }

  @Mutation(() => ApiClientView, { description: 'Stops the client getting tokens and makes every token it already has fail with TOKEN_REVOKED' })
  async disableApiClient(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: GatewayContext): Promise<ApiClientView> {
    const client = await disableApiClient(ctx.em(), clientId);
    ctx.services.logger.info({ adminId: ctx.principal.id, clientId }, 'api client disabled');
    return toView(client);
  }
}
