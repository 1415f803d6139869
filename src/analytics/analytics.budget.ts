import type { Config } from '../config/config.js';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError } from '../graphql/errors.js';
import type { NoiseInfo } from './analytics.type.js';

/**
 * CTEs `spend` and `budget` over params $1 analyst, $2 epsilon (null: no noise, nothing spent), $3 daily budget:
 * the spend is recorded in the same statement as the query it pays for, and only if it fits.
 */
export const BUDGET_CTES = `spend as (
    insert into analytics_budget_spend as s (analyst_id, day, spent)
    select $1::text, (now() at time zone 'UTC')::date, $2::float8 where $2::float8 is not null and $2::float8 <= $3::float8
    on conflict (analyst_id, day) do update set spent = s.spent + excluded.spent, updated_at = now()
      where s.spent + excluded.spent <= $3::float8
    returning s.spent::float8 as spent),
  budget as (select ($2::float8 is null or exists (select 1 from spend)) as ok, (select spent from spend) as spent)`;

export function budgetParams(p: Principal, cfg: Config): [string, number | null, number | null] {
  if (!p.id) throw new ForbiddenError('Analysts only', 'NOT_ANALYST');
  return [p.id, cfg.analyticsEpsilon ?? null, cfg.analyticsDailyBudget ?? null];
}

export interface BudgetOutcome { budgetOk: boolean; spentToday: number | null }

/** The noise description of a query that ran; refuses once the day's budget could not pay for it. */
export function spendOrRefuse(cfg: Config, out: BudgetOutcome): NoiseInfo | null {
  if (!out.budgetOk) throw new ForbiddenError("Today's analytics privacy budget is spent; try again tomorrow (UTC)", 'BUDGET_EXHAUSTED');
  if (cfg.analyticsEpsilon === undefined || cfg.analyticsDailyBudget === undefined) return null;
  return { mechanism: 'LAPLACE', epsilon: cfg.analyticsEpsilon, spentToday: out.spentToday ?? 0, dailyBudget: cfg.analyticsDailyBudget };
}
