import { Migration } from '@mikro-orm/migrations';

// Breach detection (law 94-V): the incidents register, and FULL releases per recipient account and 10-minute slot.
export class Migration20261126400100_privacy_incidents extends Migration {
  override name = 'Migration20261126400100_privacy_incidents';

  override up(): void {
    this.addSql(`create table "privacy_incidents" ("id" uuid not null, "recipient_kind" text not null, "recipient_id" text not null,
      "recipient_partner_id" text null, "trigger" text not null, "releases_last_hour" int not null, "ceiling_per_hour" int not null,
      "baseline_per_hour" double precision null, "baseline_multiple" double precision not null, "opened_at" timestamptz not null default now(),
      "notify_by" timestamptz not null, "calendar_covered" boolean not null, "held" boolean not null, "hold_cleared_at" timestamptz null,
      "hold_cleared_by" uuid null, "notified_at" timestamptz null, "notified_by" uuid null, "notification_reference" text null,
      "closed_at" timestamptz null, "closed_by" uuid null, "resolution" text null, primary key ("id"));`);
    this.addSql('create index "privacy_incidents_opened_at_id_index" on "privacy_incidents" ("opened_at", "id");');
    this.addSql(`create unique index "privacy_incidents_one_open_per_recipient" on "privacy_incidents" ("recipient_kind", "recipient_id")
      where closed_at is null;`);
    this.addSql(`alter table "privacy_incidents" add constraint "privacy_incidents_closed_resolved" check ((closed_at is null) = (resolution is null));`);
    this.addSql(`alter table "privacy_incidents" add constraint "privacy_incidents_resolution_check" check (resolution is null
      or resolution in ('AUTHORITY_NOTIFIED', 'NOT_A_BREACH'));`);
    this.addSql(`alter table "privacy_incidents" add constraint "privacy_incidents_trigger_check" check (trigger in ('CEILING', 'BASELINE'));`);
    this.addSql(`alter table "privacy_incidents" add constraint "privacy_incidents_recipient_kind_check" check (recipient_kind in ('ANONYMOUS', 'USER',
      'PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'));`);
    this.addSql(`create table "recipient_release_slots" ("recipient_kind" text not null, "recipient_id" text not null, "slot" timestamptz not null,
      "releases" int not null, primary key ("recipient_kind", "recipient_id", "slot"));`);
    this.addSql('create index "recipient_release_slots_slot_index" on "recipient_release_slots" ("slot");');
  }

  override down(): void {
    this.addSql('drop table "recipient_release_slots";');
    this.addSql('drop table "privacy_incidents";');
  }
}
