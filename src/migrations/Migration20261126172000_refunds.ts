import { Migration } from '@mikro-orm/migrations';

// Refunds owed by payment providers for cancelled, paid bookings; a refunded payment ends REFUNDED.
export class Migration20261126172000_refunds extends Migration {
  override name = 'Migration20261126172000_refunds';

  override up(): void {
    this.addSql(
      `create table "refunds" ("id" uuid not null, "payment_id" uuid not null, "provider_id" uuid not null, "amount_kzt" bigint not null, "status" text not null default 'PENDING', "external_ref" text null, "created_at" timestamptz not null default now(), "settled_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql('alter table "refunds" add constraint "refunds_payment_id_unique" unique ("payment_id");');
    this.addSql('create index "refunds_provider_id_status_created_at_index" on "refunds" ("provider_id", "status", "created_at");');
    this.addSql('alter table "refunds" add constraint "refunds_amount_nonnegative" check (amount_kzt >= 0);');
    this.addSql(`alter table "refunds" add constraint "refunds_status_check" check ("status" in ('PENDING', 'REFUNDED', 'FAILED'));`);
    this.addSql('alter table "refunds" add constraint "refunds_payment_id_foreign" foreign key ("payment_id") references "payments" ("id");');
    this.addSql('alter table "refunds" add constraint "refunds_provider_id_foreign" foreign key ("provider_id") references "partners" ("id");');
    this.addSql('alter table "payments" drop constraint "payments_status_check";');
    this.addSql(`alter table "payments" add constraint "payments_status_check" check ("status" in ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED'));`);
  }

  override down(): void {
    this.addSql('drop table "refunds";');
    this.addSql('alter table "payments" drop constraint "payments_status_check";');
    this.addSql(`alter table "payments" add constraint "payments_status_check" check ("status" in ('PENDING', 'CONFIRMED', 'FAILED'));`);
  }
}
