import { Migration } from '@mikro-orm/migrations';

// Per-user data keys (crypto-shredding); the legacy columns stay until the backfill has sealed their values (see personal-data.backfill.ts).
export class Migration20261124220000_user_keys extends Migration {
  override name = 'Migration20261124220000_user_keys';

  override up(): void {
    this.addSql('create schema if not exists "keyring";');
    this.addSql(
      `create table "keyring"."user_keys" ("user_id" uuid not null, "wrapped_key" text not null, "created_at" timestamptz not null default now(), primary key ("user_id"));`,
    );
    this.addSql('alter table "users" add column "pii_enc" text null, add column "phone_bidx" text null;');
    this.addSql('alter table "users" add constraint "users_phone_bidx_unique" unique ("phone_bidx");');
  }

  override down(): void {
    this.addSql('alter table "users" drop constraint "users_phone_bidx_unique";');
    this.addSql('alter table "users" drop column "pii_enc", drop column "phone_bidx";');
    this.addSql('drop table "keyring"."user_keys";');
    this.addSql('drop schema "keyring";');
  }
}
