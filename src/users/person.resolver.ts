import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import type { GatewayContext } from '../graphql/context.js';
import { Person } from './person.type.js';
import type { PersonRow } from './user.service.js';

// Values here are raw; the @pii transform decides what leaves, and calls these only when something may.
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'One person, for staff; every personal field follows the policy for the declared purpose' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const row = isUuid(id) ? await ctx.loaders.person.load(id) : null;
    if (!row) throw new NotFoundError('Person');
    return row;
  }

  @FieldResolver(() => String, { nullable: true })
  fullName(@Root() p: PersonRow): string | null {
    const name = [p.firstName, p.patronymic, p.surname].filter(Boolean).join(' ');
    return name || null;
  }

  @FieldResolver(() => String, { nullable: true })
  iin(@Root() p: PersonRow): string | null {
    return p.iin;
  }

  @FieldResolver(() => String, { nullable: true })
  passportNumber(@Root() p: PersonRow): string | null {
    return p.passport;
  }

  @FieldResolver(() => String, { nullable: true })
  messengers(@Root() p: PersonRow): string | null {
    return p.messengers ? JSON.stringify(p.messengers) : null;
  }
}
