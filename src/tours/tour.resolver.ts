import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { DATE_KEY, decodeCursor, isUuid, keysetPage } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { isoDate, pageSize } from '../graphql/validate.js';
import { ToursArgs } from './tour.args.js';
import { listTours } from './tour.service.js';
import { PartnerSummary, Tour, TourPage } from './tour.type.js';

@Resolver(() => Tour)
export class TourResolver {
  @Query(() => TourPage, { description: 'Active tours by start date, with keyset pagination' })
  async tours(@Args() args: ToursArgs, @Ctx() ctx: GatewayContext): Promise<TourPage> {
    const first = pageSize(args.first, ctx.services.cfg.limits.maxPageSize);
    const filter = { region: args.region ?? null, startsFrom: isoDate(args.startsFrom, 'startsFrom'), startsTo: isoDate(args.startsTo, 'startsTo') };
    const after = args.after ? decodeCursor(args.after, DATE_KEY) : null;
    const page = keysetPage(await listTours(ctx.services.sql, filter, after, first + 1), first, (t) => ({ key: t.startsOn, id: t.id }));
    for (const t of page.nodes) ctx.loaders.tour.prime(t.id, t);
    return page;
  }

  @Query(() => Tour, { nullable: true, description: 'One tour; null with a NOT_FOUND error when there is none' })
  async tour(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Tour> {
    const row = isUuid(id) ? await ctx.loaders.tour.load(id) : null;
    if (!row) throw new NotFoundError('Tour');
    return row;
  }

  @FieldResolver(() => PartnerSummary)
  async partner(@Root() tour: Tour, @Ctx() ctx: GatewayContext): Promise<PartnerSummary> {
    const p = await ctx.loaders.partner.load(tour.partnerId);
    if (!p) throw new Error('tour without partner');
    return p;
  }
}
