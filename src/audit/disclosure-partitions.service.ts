// The log is partitioned by month (Migration20261126160000_disclosures_by_month): partitions made ahead of time, expired ones found.
import { statement } from '../db/statement.js';

type Run = <T extends object>(text: string) => Promise<T[]>;

const MONTHS_AHEAD = 2;

// This month and the next ones; none over rows the default partition already holds for that month (those are purged row by row).
const MISSING = `select 'disclosures_' || to_char(lo at time zone 'UTC', '"y"YYYY"m"MM') as name, to_char(lo at time zone 'UTC', 'YYYY-MM-DD') as lo,
    to_char((lo + interval '1 month') at time zone 'UTC', 'YYYY-MM-DD') as hi
  from (select date_trunc('month', now() + make_interval(months => m), 'UTC') as lo from generate_series(0, ${MONTHS_AHEAD}) m) x
  where to_regclass('disclosures_' || to_char(lo at time zone 'UTC', '"y"YYYY"m"MM')) is null
    and not exists (select 1 from disclosures_default d where d.at >= x.lo and d.at < x.lo + interval '1 month')`;

/** Creates this month's partition and the next two where missing (the gateway at start, the daily purge); safe to run concurrently. */
export async function ensureDisclosurePartitions(run: Run): Promise<void> {
  for (const p of await run<{ name: string; lo: string; hi: string }>(MISSING)) {
    await run(`create table if not exists "${p.name}" partition of disclosures for values from ('${p.lo} 00:00:00+00') to ('${p.hi} 00:00:00+00')`);
  }
}

/** Monthly partitions (disclosures_yYYYYmMM) whose whole month lies before `now() - ? years` (MikroORM placeholder). */
export const EXPIRED_DISCLOSURE_PARTITIONS = statement<{ name: string }, [years: number]>(
  'disclosure_partitions_expired',
  `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
  where i.inhparent = 'disclosures'::regclass and c.relname ~ '^disclosures_y[0-9]{4}m[0-9]{2}$'
    and make_timestamptz(substr(c.relname, 14, 4)::int, substr(c.relname, 19, 2)::int, 1, 0, 0, 0, 'UTC') + interval '1 month'
      <= now() - make_interval(years => $1)
  order by 1`,
);
