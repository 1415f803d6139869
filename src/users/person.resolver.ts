import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import type { GatewayContext } from '../graphql/context.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { pseudonymize } from '../privacy/privacy.pseudonym.js';
import { REFERENCE_EDGE } from '../privacy/reference.service.js';
import { Person } from './person.type.js';
import type { PersonRow } from './user.service.js';

// Values here are raw; the @pii transform decides what leaves, and calls these only when something may.
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description: 'One person, for staff: reached through the declared reference when it names them, else as a staff lookup; null with a NOT_FOUND error when there is none',
  })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const [row, ref] = await Promise.all([isUuid(id) ? ctx.loaders.person.load(id) : null, ctx.privacy.reference()]);
    if (!row) throw new NotFoundError('Person');
    return ref?.subjects.has(row.id) ? reachedVia(row, REFERENCE_EDGE[ref.kind], ref.id) : reachedVia(row, 'STAFF_LOOKUP', null);
  }

  @FieldResolver(() => ID, {
    description:
      'The account id where the caller may link rows to it (its own account, staff, a booking or payment while its relation holds); elsewhere a keyed handle per record that links nothing across records',
  })
  id(@Root() p: PersonRow, @Ctx() ctx: GatewayContext): string {
    const me = ctx.principal;
    if (me.kind === 'USER' && me.id === p.id) return p.id;
    if (me.kind === 'ANALYST') return pseudonymize(ctx.services.cfg.analyticsPseudonymKey, 'SUBJECT', p.id);
    const edge = p.via?.edge ?? 'PUBLIC';
    const handle = () => pseudonymize(ctx.services.cfg.pseudonymKey, 'REVIEW_AUTHOR', `${p.via?.anchor ?? ''}:${p.id}`);
    // Public edges show a handle per review, so one person's reviews cannot be joined into their trips.
    if (edge === 'REVIEW_AUTHOR' || edge === 'PUBLIC') return handle();
    // Through a booking or payment the id would link a person's trips: shown only while that relation holds (the public handle after).
    if (edge === 'BOOKING_TRAVELLER' || edge === 'PAYMENT_PAYER') {
      const facts = ctx.privacy.facts(p);
      if (facts instanceof Promise || facts.relation === 'NONE') return handle();
    }
    return p.id;
  }

  @FieldResolver(() => String, { nullable: true })
  messengers(@Root() p: PersonRow): string | null {
    return p.messengers ? JSON.stringify(p.messengers) : null;
  }
}
