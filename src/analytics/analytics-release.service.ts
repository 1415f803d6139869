import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';

const KEEP = statement<{ answer: unknown }, [analystId: string, question: string, answer: string]>(
  'analytics_release_keep',
  `with kept as (
      insert into analytics_releases (analyst_id, day, question, answer) values ($1, (now() at time zone 'UTC')::date, $2, $3::jsonb)
      on conflict (analyst_id, day, question) do nothing returning answer)
    select answer from kept
    union all select answer from analytics_releases where analyst_id = $1 and day = (now() at time zone 'UTC')::date and question = $2 and not exists (select 1 from kept)`,
);

/** Keeps today's answer for the analyst and question; if a concurrent request kept one first, that one is the answer. */
export async function keepRelease<T>(sql: Sql, analystId: string, question: string, answer: T): Promise<T> {
  const [row] = await sql.rows(KEEP, analystId, question, JSON.stringify(answer));
  return row.answer as T;
}
