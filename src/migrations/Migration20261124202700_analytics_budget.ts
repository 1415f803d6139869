import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202700_analytics_budget extends Migration {
  override name = 'Migration20261124202700_analytics_budget';

  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_budget_spend" ("analyst_id" text not null, "day" date not null, "spent" numeric not null, "updated_at" timestamptz not null default now(), primary key ("analyst_id", "day"));`,
    );
    this.addSql(`alter table "analytics_budget_spend" add constraint "analytics_budget_spend_spent_nonnegative" check (spent >= 0);`);
  }
}
