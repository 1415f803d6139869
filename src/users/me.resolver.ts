import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Me } from './me.type.js';
import { Person } from './person.type.js';
import type { PersonRow } from './user.service.js';
import { accountIdOf } from '../access/principal.js';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { nullable: true, description: "The signed-in traveller's own account" })
  me(@Ctx() ctx: GatewayContext): Me {
    // isUser has established the caller is a signed-in traveller, so the id is present.
    return { id: accountIdOf(ctx.principal) };
  }

  @FieldResolver(() => Person, { description: "The caller's own row: the privacy layer shows it in full" })
  async profile(@Root() me: Me, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const row = await ctx.loaders.person.load(me.id);
    if (!row) throw new Error('signed-in user without a row');
    return reachedVia(row, 'PROFILE_SELF', null);
  }
}
