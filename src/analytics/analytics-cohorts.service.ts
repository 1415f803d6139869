import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { BUDGET_COLUMNS, budgetCtes, type BudgetedQuery, type BudgetOutcome } from './analytics.budget.js';
import { eligible } from './analytics.population.js';
import type { CohortRetention } from './analytics.type.js';

export interface RawCohortCell {
  m: string;
  after: number;
  size: number;
  back: number;
}
export interface RawCohorts extends BudgetOutcome<CohortRetention> {
  suppressed: number;
  cells: RawCohortCell[];
}

// A cell is one sign-up month and one later month: how many of the cohort booked in that month.
const COHORTS = statement<RawCohorts, [analystId: string, epsilon: number, budget: number, k: number, from: string | null, to: string | null, question: string]>(
  'analytics_cohorts',
  `with ${budgetCtes('$7')},
  people as (
    select u.id, date_trunc('month', u.created_at at time zone 'UTC') as cohort from users u
    where (select ok from budget) and ${eligible('u')}
      and ($5::date is null or u.created_at >= ($5::date::timestamp at time zone 'UTC'))
      and ($6::date is null or u.created_at < (($6::date + 1)::timestamp at time zone 'UTC'))),
  sizes as (select cohort, count(*) as cohort_size from people group by cohort),
  active as (
    select distinct p.cohort, p.id, date_trunc('month', b.created_at at time zone 'UTC') as month
    from people p join bookings b on b.user_id = p.id
    where b.created_at at time zone 'UTC' >= p.cohort + interval '1 month'),
  cells as (
    select a.cohort, s.cohort_size, count(*) as back,
      ((extract(year from a.month) - extract(year from a.cohort)) * 12 + extract(month from a.month) - extract(month from a.cohort))::int as after
    from active a join sizes s on s.cohort = a.cohort group by a.cohort, a.month, s.cohort_size)
  select ${BUDGET_COLUMNS}, (select count(*) from cells where cohort_size < $4::int or back < $4::int)::int as suppressed,
    (select coalesce(json_agg(json_build_object('m', to_char(cohort, 'YYYY-MM'), 'after', after, 'size', cohort_size, 'back', back)
      order by cohort, after), '[]'::json) from cells where cohort_size >= $4::int and back >= $4::int) as cells`,
);

/** One statement: today's answer to the same question if there is one, else spends the budget, builds sign-up cohorts and their later bookers, suppresses cells under k. */
export async function cohortRetention(sql: Sql, q: BudgetedQuery): Promise<RawCohorts> {
  const [row] = await sql.rows(COHORTS, q.analystId, q.epsilon, q.budget, q.k, q.from, q.to, q.question);
  return row;
}
