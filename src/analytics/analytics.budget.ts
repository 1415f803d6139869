import type { Config } from '../config/config.js';
import type { Principal } from '../access/principal.js';
import { ForbiddenError } from '../graphql/errors.js';
import type { NoiseInfo } from './analytics.type.js';

/**
 * CTEs `cached`, `spend` and `budget` over params $1 analyst, $2 epsilon, $3 daily budget and the question (its parameter given):
 * an answer released to this analyst today for the same question comes back as it was, at no cost; otherwise the spend is
 * recorded in the same statement as the query it pays for, and only if it fits.
 */
export function budgetCtes(question: string): string {
  return `cached as (
    select answer from analytics_releases where analyst_id = $1::text and day = (now() at time zone 'UTC')::date and question = ${question}::text),
  spend as (
    insert into analytics_budget_spend as s (analyst_id, day, spent)
    select $1::text, (now() at time zone 'UTC')::date, $2::float8 where $2::float8 <= $3::float8 and not exists (select 1 from cached)
    on conflict (analyst_id, day) do update set spent = s.spent + excluded.spent, updated_at = now()
      where s.spent + excluded.spent <= $3::float8
    returning s.spent::float8 as spent),
  budget as (select exists (select 1 from spend) as ok, (select spent from spend) as spent)`;
}

/** The columns every aggregate statement returns besides its cells. */
export const BUDGET_COLUMNS = `(select ok from budget) as "budgetOk", (select spent from budget) as "spentToday", (select answer from cached) as cached`;

export function budgetParams(p: Principal, cfg: Config): [string, number, number] {
  if (!p.id) throw new ForbiddenError('Analysts only', 'NOT_ANALYST');
  return [p.id, cfg.analyticsEpsilon, cfg.analyticsDailyBudget];
}

/** An analyst's question as every aggregate statement takes it: who pays, at what price and daily budget, over which period. */
export interface BudgetedQuery {
  analystId: string;
  epsilon: number;
  budget: number;
  k: number;
  from: string | null;
  to: string | null;
  question: string;
}

export interface BudgetOutcome<T> {
  budgetOk: boolean;
  spentToday: number | null;
  cached: T | null;
}

/** The noise description of a query that ran; refuses once the day's budget could not pay for it. */
export function spendOrRefuse(cfg: Config, out: BudgetOutcome<unknown>): NoiseInfo {
  if (!out.budgetOk) throw new ForbiddenError("Today's analytics privacy budget is spent; try again tomorrow (UTC)", 'BUDGET_EXHAUSTED');
  return { mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: cfg.analyticsEpsilon, spentToday: out.spentToday ?? 0, dailyBudget: cfg.analyticsDailyBudget };
}
