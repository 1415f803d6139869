import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { Person } from './person.type.js';
import type { PersonRow } from './user.service.js';

// Values here are raw; the @pii transform decides what leaves, and calls these only when something may.
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, { nullable: true })
  fullName(@Root() p: PersonRow): string | null {
    const name = [p.firstName, p.patronymic, p.surname].filter(Boolean).join(' ');
    return name || null;
  }

  @FieldResolver(() => String, { nullable: true })
  iin(@Root() p: PersonRow, @Ctx() ctx: GatewayContext): string | null {
    return p.iinEnc ? ctx.services.cipher.decrypt(p.iinEnc, p.id) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  passportNumber(@Root() p: PersonRow, @Ctx() ctx: GatewayContext): string | null {
    return p.passportEnc ? ctx.services.cipher.decrypt(p.passportEnc, p.id) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  messengers(@Root() p: PersonRow): string | null {
    return p.messengers ? JSON.stringify(p.messengers) : null;
  }
}
