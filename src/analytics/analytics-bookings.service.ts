import type { Sql } from '../db/sql.js';
import { statement, type Statement } from '../db/statement.js';
import { BUDGET_COLUMNS, budgetCtes, type BudgetedQuery, type BudgetOutcome } from './analytics.budget.js';
import { eligible } from './analytics.population.js';
import { AnalyticsDimension, type BookingAggregates } from './analytics.type.js';

// The only SQL a dimension can contribute: fixed expressions chosen by enum, never caller text.
const DIMENSION_SQL: Record<AnalyticsDimension, { value: string; label: string }> = {
  REGION: { value: 't.region', label: 'null::text' },
  PARTNER: { value: 'p.id::text', label: 'p.name' },
  TOUR: { value: 't.id::text', label: 't.title' },
  MONTH: { value: `to_char(b.created_at at time zone 'UTC', 'YYYY-MM')`, label: 'null::text' },
  GENDER: { value: `coalesce(u.gender, 'UNKNOWN')`, label: 'null::text' },
};

/** Per-person contribution caps, so that the noise scales bound one person's effect on a cell. */
export const CAPS = { bookings: 10, revenueKzt: 1_000_000, rating: 5 } as const;

export interface RawBookingCell {
  d: (string | null)[];
  people: number;
  bookings: number;
  cancellations: number;
  revenue: number;
  ratingSum: number | null;
  raters: number;
}
export interface RawBookingAggregates extends BudgetOutcome<BookingAggregates> {
  suppressed: number;
  cells: RawBookingCell[];
}

/** The dimensions in canonical order, each once, so one statement text (and name) serves each set. */
export function canonicalDimensions(groupBy: readonly AnalyticsDimension[]): AnalyticsDimension[] {
  return Object.values(AnalyticsDimension).filter((d) => groupBy.includes(d));
}

function statementText(dims: AnalyticsDimension[]): string {
  const cols = dims.map((d, i) => `${DIMENSION_SQL[d].value} as d${i}, ${DIMENSION_SQL[d].label} as l${i}`);
  const keys = dims.map((_, i) => `d${i}, l${i}`);
  const groupCells = keys.length ? `group by ${keys.join(', ')}` : '';
  const order = keys.length ? `order by ${dims.map((_, i) => `d${i}`).join(', ')}` : '';
  return `with ${budgetCtes('$9')},
  per_person as (
    select ${[...cols, ''].join(', ')}b.user_id, count(*) as n, count(*) filter (where b.status = 'CANCELLED') as cancelled,
      coalesce(sum(b.amount_kzt) filter (where b.status in ('PAID', 'COMPLETED')), 0) as revenue, avg(r.rating) as rating
    from bookings b join users u on u.id = b.user_id join tours t on t.id = b.tour_id join partners p on p.id = t.partner_id
      left join reviews r on r.author_id = b.user_id and r.tour_id = b.tour_id and r.moderation_status <> 'REMOVED'
    where (select ok from budget) and ${eligible('u')}
      and ($5::date is null or b.created_at >= ($5::date::timestamp at time zone 'UTC'))
      and ($6::date is null or b.created_at < (($6::date + 1)::timestamp at time zone 'UTC'))
    group by ${[...keys, 'b.user_id'].join(', ')}),
  cells as (
    select ${[...keys, ''].join(', ')}count(*) as people, sum(least(n, $7::bigint)) as bookings, sum(least(cancelled, $7::bigint)) as cancellations,
      sum(least(revenue, $8::numeric)) as revenue, sum(rating) as rating_sum, count(rating) as raters
    from per_person ${groupCells})
  select ${BUDGET_COLUMNS}, (select count(*) from cells where people < $4::int)::int as suppressed,
    (select coalesce(json_agg(json_build_object('d', json_build_array(${keys.join(', ')}), 'people', people, 'bookings', bookings,
      'cancellations', cancellations, 'revenue', revenue, 'ratingSum', rating_sum, 'raters', raters) ${order}), '[]'::json)
      from cells where people >= $4::int) as cells`;
}

type BookingParams = [
  analystId: string,
  epsilon: number,
  budget: number,
  k: number,
  from: string | null,
  to: string | null,
  capBookings: number,
  capRevenue: number,
  question: string,
];

// One statement per set of dimensions, declared on first use: at most one per subset of the five.
const byDimensions = new Map<string, Statement<RawBookingAggregates, BookingParams>>();

function statementFor(dims: AnalyticsDimension[]): Statement<RawBookingAggregates, BookingParams> {
  const name = `analytics_bookings_${dims.map((d) => d.toLowerCase()).join('_') || 'total'}`;
  let s = byDimensions.get(name);
  if (!s) byDimensions.set(name, (s = statement(name, statementText(dims))));
  return s;
}

/** One statement: today's answer to the same question if there is one, else spends the budget, aggregates per person then per cell, suppresses cells under k. */
export async function bookingAggregates(sql: Sql, dims: AnalyticsDimension[], q: BudgetedQuery): Promise<RawBookingAggregates> {
  const [row] = await sql.rows(statementFor(dims), q.analystId, q.epsilon, q.budget, q.k, q.from, q.to, CAPS.bookings, CAPS.revenueKzt, q.question);
  return row;
}
