import { Migration } from '@mikro-orm/migrations';

// Public app clients, the mobile app registered under the id every traveller token already named, and the app each session signed in with.
export class Migration20261126300000_app_clients extends Migration {
  override name = 'Migration20261126300000_app_clients';

  override up(): void {
    this.addSql(`create table "app_clients" ("client_id" text not null, "name" text not null, "created_at" timestamptz not null default now(), primary key ("client_id"));`);
    this.addSql(`insert into "app_clients" ("client_id", "name") values ('qaztracker-mobile', 'QAZTRACKER mobile app');`);
    // Sessions opened so far all came from the mobile app, as do those that name no app.
    this.addSql(`alter table "sessions" add "client_id" text not null default 'qaztracker-mobile';`);
    this.addSql(`alter table "sessions" add constraint "sessions_client_id_foreign" foreign key ("client_id") references "app_clients" ("client_id");`);
  }

  override down(): void {
    this.addSql('alter table "sessions" drop column "client_id";');
    this.addSql('drop table "app_clients";');
  }
}
