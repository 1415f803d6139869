import { Migration } from '@mikro-orm/migrations';

// Today's released aggregates per analyst and question, so asking again returns the same noisy answer.
export class Migration20261126150000_analytics_releases extends Migration {
  override name = 'Migration20261126150000_analytics_releases';

  override up(): void {
    this.addSql(`create table "analytics_releases" ("analyst_id" text not null, "day" date not null, "question" text not null, "answer" jsonb not null,
      "created_at" timestamptz not null default now(), primary key ("analyst_id", "day", "question"));`);
  }

  override down(): void {
    this.addSql('drop table "analytics_releases";');
  }
}
