import { Migration } from '@mikro-orm/migrations';

// Runs after the backfill: no personal value stays outside the per-user seal.
export class Migration20261124220100_drop_plain_pii extends Migration {
  override name = 'Migration20261124220100_drop_plain_pii';

  override up(): void {
    this.addSql(`do $$ begin
      if exists (select 1 from users where pii_enc is null and status <> 'DELETED'
          and coalesce(phone, surname, first_name, patronymic, email, iin_enc, passport_enc, messengers::text) is not null)
        then raise exception 'users hold personal values that were not sealed; run the migration through openDatabase (it backfills)'; end if;
    end $$;`);
    this.addSql('alter table "users" drop constraint "users_phone_format", drop constraint "users_phone_unique";');
    this.addSql(`alter table "users" drop column "phone", drop column "surname", drop column "first_name", drop column "patronymic",
      drop column "email", drop column "messengers", drop column "iin_enc", drop column "passport_enc";`);
  }

  override down(): void {
    this.addSql(`alter table "users" add column "phone" text null, add column "surname" text null, add column "first_name" text null, add column "patronymic" text null,
      add column "email" text null, add column "messengers" jsonb null, add column "iin_enc" text null, add column "passport_enc" text null;`);
    this.addSql('alter table "users" add constraint "users_phone_unique" unique ("phone");');
    this.addSql(`alter table "users" add constraint "users_phone_format" check (phone is null or phone ~ '^\\+7[0-9]{10}\$');`);
  }
}
