import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { Me } from '../users/me.type.js';
import { consentsOf } from './consent.service.js';
import { ConsentState } from './consent.type.js';

// Consent adds this field to the account type, so users never needs consent.
@Resolver(() => Me)
export class MeConsentsResolver {
  @FieldResolver(() => [ConsentState], { description: 'Every consentable purpose and its current state' })
  consents(@Root() me: Me, @Ctx() ctx: GatewayContext): Promise<ConsentState[]> {
    return consentsOf(ctx.services.sql, me.id);
  }
}
