import { Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { isoDate, pageSize } from '../graphql/validate.js';
import { pseudonymize } from '../privacy/privacy.pseudonym.js';
import { bookingAggregates, canonicalDimensions, CAPS, type RawBookingCell } from './analytics-bookings.service.js';
import { cohortRetention } from './analytics-cohorts.service.js';
import { travellerRows } from './analytics-travellers.service.js';
import { BookingAggregatesArgs, PeriodArgs, TravellersArgs } from './analytics.args.js';
import { budgetParams, spendOrRefuse } from './analytics.budget.js';
import { keepRelease } from './analytics-release.service.js';
import { createRelease, roundRating, type Release } from './analytics.release.js';
import { Analytics, BookingAggregates, CohortRetention, PseudonymousTravellerPage, type AnalyticsPeriod, type PseudonymousTraveller } from './analytics.type.js';

// Measures blurred per query, over which epsilon is split.
const BOOKING_MEASURES = 5;
const COHORT_MEASURES = 2;

const lastDayOfMonth = (day: string): string => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

// Whole months only: bounds a day apart would otherwise isolate the bookings of that one day.
function period(args: PeriodArgs): AnalyticsPeriod {
  const from = isoDate(args.from, 'from');
  const to = isoDate(args.to, 'to');
  if (from && to && from > to) throw new BadInputError('from must not be after to', 'from');
  return { from: from && `${from.slice(0, 7)}-01`, to: to && lastDayOfMonth(to) };
}

function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError('Malformed cursor', 'after');
  return Number(m[1]);
}

// An average over fewer than k raters would be their own ratings.
function averageRating(r: Release, c: RawBookingCell, k: number): number | null {
  if (c.raters < k || c.ratingSum === null) return null;
  const raters = r.count(c.raters);
  return raters > 0 ? roundRating(r.sum(c.ratingSum, CAPS.rating) / raters) : null;
}

const encodeOffset = (n: number): string => Buffer.from(`o:${n}`).toString('base64url');

@Resolver(() => Analytics)
export class AnalyticsResolver {
  @Query(() => Analytics, { description: 'Aggregates and pseudonymous rows for analysts; no value that identifies a person' })
  analytics(): Analytics {
    return new Analytics();
  }

  @FieldResolver(() => BookingAggregates, { description: 'Bookings, revenue, cancellations and ratings per cell of the chosen dimensions; small cells suppressed' })
  async bookings(@Args() args: BookingAggregatesArgs, @Ctx() ctx: GatewayContext): Promise<BookingAggregates> {
    const { cfg } = ctx.services;
    const [analystId, epsilon, budget] = budgetParams(ctx.principal, cfg);
    const dims = canonicalDimensions(args.groupBy);
    const p = period(args);
    const question = JSON.stringify(['bookings', dims, p.from, p.to]);
    const raw = await bookingAggregates(ctx.services.sql, dims, { analystId, epsilon, budget, k: cfg.analyticsK, ...p, question });
    if (raw.cached) return raw.cached;
    const r = createRelease(spendOrRefuse(cfg, raw), BOOKING_MEASURES);
    const cells = raw.cells.map((c) => ({
      dimensions: dims.map((dimension, i) => ({ dimension, value: c.d[2 * i] ?? '', label: c.d[2 * i + 1] })),
      bookings: r.count(c.bookings, CAPS.bookings),
      cancellations: r.count(c.cancellations, CAPS.bookings),
      revenueKzt: r.sum(c.revenue, CAPS.revenueKzt),
      averageRating: averageRating(r, c, cfg.analyticsK),
    }));
    return keepRelease(ctx.services.sql, analystId, question, { cells, suppressedCells: raw.suppressed, k: cfg.analyticsK, noise: r.noise, period: p });
  }

  @FieldResolver(() => CohortRetention, { description: 'Per sign-up month cohort, the share who booked in each later month; small cells suppressed' })
  async cohorts(@Args() args: PeriodArgs, @Ctx() ctx: GatewayContext): Promise<CohortRetention> {
    const { cfg } = ctx.services;
    const [analystId, epsilon, budget] = budgetParams(ctx.principal, cfg);
    const p = period(args);
    const question = JSON.stringify(['cohorts', p.from, p.to]);
    const raw = await cohortRetention(ctx.services.sql, { analystId, epsilon, budget, k: cfg.analyticsK, ...p, question });
    if (raw.cached) return raw.cached;
    const r = createRelease(spendOrRefuse(cfg, raw), COHORT_MEASURES);
    const cells = raw.cells.map((c) => {
      const cohortSize = r.count(c.size);
      const returning = Math.min(r.count(c.back), cohortSize);
      return { signupMonth: c.m, monthsAfter: c.after, cohortSize, returning, share: cohortSize ? Number((returning / cohortSize).toFixed(3)) : 0 };
    });
    return keepRelease(ctx.services.sql, analystId, question, { cells, suppressedCells: raw.suppressed, k: cfg.analyticsK, noise: r.noise, period: p });
  }

  @FieldResolver(() => PseudonymousTravellerPage, { description: 'Row-level view: keyed pseudonyms and generalised attributes only' })
  async travellers(@Args() args: TravellersArgs, @Ctx() ctx: GatewayContext): Promise<PseudonymousTravellerPage> {
    const { cfg } = ctx.services;
    const first = pageSize(args.first, cfg.limits.maxPageSize);
    const offset = decodeOffset(args.after);
    const raw = await travellerRows(ctx.services.sql, cfg.analyticsK, offset, first + 1);
    const nodes: PseudonymousTraveller[] = raw.rows.slice(0, first).map((t) => ({
      pseudonym: pseudonymize(cfg.analyticsPseudonymKey, 'PERSON', t.id),
      signupMonth: t.signupMonth,
      lastBookingRegion: t.region,
      gender: t.gender,
      bookingCount: t.band,
      generalised: t.generalised,
    }));
    const hasNextPage = raw.rows.length > first;
    return { nodes, pageInfo: { hasNextPage, endCursor: nodes.length ? encodeOffset(offset + nodes.length) : null }, suppressedRows: raw.suppressed, k: cfg.analyticsK };
  }
}
