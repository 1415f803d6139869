import { Migration } from '@mikro-orm/migrations';

// A partition per month (bounds in UTC) from the oldest row's month to two months ahead; later months come from the gateway
// at start and the daily purge (src/audit/disclosure-partitions.service.ts).
const MONTHS = `do $$
declare
  lo timestamptz;
begin
  for lo in select generate_series(date_trunc('month', coalesce((select min(at) from disclosures_unpartitioned), now()), 'UTC'),
      now() + interval '2 months', interval '1 month') loop
    execute format('create table %I partition of disclosures for values from (%L) to (%L)',
      'disclosures_' || to_char(lo at time zone 'UTC', '"y"YYYY"m"MM'), lo, lo + interval '1 month');
  end loop;
end $$`;

// The log by month (declarative range partitioning on at), so that retention drops whole months instead of deleting rows.
export class Migration20261126160000_disclosures_by_month extends Migration {
  override name = 'Migration20261126160000_disclosures_by_month';

  override up(): void {
    this.addSql('alter table "disclosures" rename to "disclosures_unpartitioned";');
    this.addSql('alter table "disclosures_unpartitioned" rename constraint "disclosures_pkey" to "disclosures_unpartitioned_pkey";');
    this.addSql('alter index "disclosures_subject_id_at_index" rename to "disclosures_unpartitioned_subject_id_at_index";');
    this.addSql('alter index "disclosures_at_index" rename to "disclosures_unpartitioned_at_index";');
    // The key must hold the partition column.
    this.addSql(`create table "disclosures" (like "disclosures_unpartitioned" including defaults including constraints, primary key ("id", "at"))
      partition by range ("at");`);
    this.addSql('create index "disclosures_subject_id_at_index" on "disclosures" ("subject_id", "at");');
    this.addSql('create index "disclosures_at_index" on "disclosures" using brin ("at");');
    // A row outside every monthly partition still lands: no record, no response must never fail for want of a partition.
    this.addSql('create table "disclosures_default" partition of "disclosures" default;');
    this.addSql(MONTHS);
    this.addSql('insert into "disclosures" select * from "disclosures_unpartitioned";');
    this.addSql('drop table "disclosures_unpartitioned";');
  }

  override down(): void {
    this.addSql('alter table "disclosures" rename to "disclosures_partitioned";');
    this.addSql('alter table "disclosures_partitioned" rename constraint "disclosures_pkey" to "disclosures_partitioned_pkey";');
    this.addSql('alter index "disclosures_subject_id_at_index" rename to "disclosures_partitioned_subject_id_at_index";');
    this.addSql('alter index "disclosures_at_index" rename to "disclosures_partitioned_at_index";');
    this.addSql('create table "disclosures" (like "disclosures_partitioned" including defaults including constraints, primary key ("id"));');
    this.addSql('create index "disclosures_subject_id_at_index" on "disclosures" ("subject_id", "at");');
    this.addSql('create index "disclosures_at_index" on "disclosures" using brin ("at");');
    this.addSql('insert into "disclosures" select * from "disclosures_partitioned";');
    this.addSql('drop table "disclosures_partitioned";');
  }
}
