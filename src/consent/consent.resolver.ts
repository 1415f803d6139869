import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { changeConsent } from './consent.service.js';
import { ConsentPurpose, ConsentResult, type ConsentChanged, type ConsentWithdrawalRefused } from './consent.type.js';
import { accountIdOf } from '../access/principal.js';

type Outcome = Promise<ConsentChanged | ConsentWithdrawalRefused>;

// isUser has established the caller is a signed-in traveller, so the principal id is present.
@Resolver()
export class ConsentResolver {
  @Mutation(() => ConsentResult, { description: 'Consent to a purpose under the current policy version' })
  grantConsent(@Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose, @Ctx() ctx: GatewayContext): Outcome {
    return changeConsent(ctx, accountIdOf(ctx.principal), purpose, true);
  }

  @Mutation(() => ConsentResult, { description: 'Withdraw consent; processing for the purpose stops from the next request' })
  withdrawConsent(@Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose, @Ctx() ctx: GatewayContext): Outcome {
    return changeConsent(ctx, accountIdOf(ctx.principal), purpose, false);
  }
}
