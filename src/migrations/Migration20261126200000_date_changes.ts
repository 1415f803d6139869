import { Migration } from '@mikro-orm/migrations';
import { ACCESS_WINDOW_MOVE_TRIGGER } from '../bookings/booking.entity.js';

// Date changes of tours with bookings: the change, each traveller's pending decision, date events in the booking history, and
// the database's guard that a booking's access window moves only with its traveller's acceptance.
export class Migration20261126200000_date_changes extends Migration {
  override name = 'Migration20261126200000_date_changes';

  override up(): void {
    this.addSql(
      `create table "tour_date_changes" ("id" uuid not null, "tour_id" uuid not null, "old_starts_on" date not null, "old_ends_on" date not null, "new_starts_on" date not null, "new_ends_on" date not null, "changed_at" timestamptz not null default now(), "changed_by" text not null, primary key ("id"));`,
    );
    this.addSql('create index "tour_date_changes_tour_id_changed_at_index" on "tour_date_changes" ("tour_id", "changed_at");');
    this.addSql('alter table "tour_date_changes" add constraint "tour_date_changes_tour_id_foreign" foreign key ("tour_id") references "tours" ("id");');
    this.addSql('alter table "tour_date_changes" add constraint "tour_date_changes_dates_ordered" check (old_ends_on >= old_starts_on and new_ends_on >= new_starts_on);');

    this.addSql(
      `create table "booking_date_decisions" ("id" uuid not null, "date_change_id" uuid not null, "booking_id" uuid not null, "decision" text not null default 'PENDING', "decided_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql('create index "booking_date_decisions_booking_id_decision_index" on "booking_date_decisions" ("booking_id", "decision");');
    this.addSql('alter table "booking_date_decisions" add constraint "booking_date_decisions_date_change_id_booking_id_unique" unique ("date_change_id", "booking_id");');
    this.addSql(
      'alter table "booking_date_decisions" add constraint "booking_date_decisions_date_change_id_foreign" foreign key ("date_change_id") references "tour_date_changes" ("id");',
    );
    this.addSql(
      'alter table "booking_date_decisions" add constraint "booking_date_decisions_booking_id_foreign" foreign key ("booking_id") references "bookings" ("id") on delete cascade;',
    );
    this.addSql(`alter table "booking_date_decisions" add constraint "booking_date_decisions_decided" check ((decision = 'PENDING') = (decided_at is null));`);
    this.addSql(`alter table "booking_date_decisions" add constraint "booking_date_decisions_decision_check" check ("decision" in ('PENDING', 'ACCEPTED', 'CANCELLED'));`);

    this.addSql(`alter table "booking_events" add "kind" text not null default 'STATUS_CHANGED';`);
    this.addSql(`alter table "booking_events" add constraint "booking_events_kind_check" check ("kind" in ('STATUS_CHANGED', 'DATES_CHANGED', 'DATES_ACCEPTED'));`);

    this.addSql(ACCESS_WINDOW_MOVE_TRIGGER);
  }

  override down(): void {
    this.addSql('drop trigger bookings_access_until_by_traveller on bookings;');
    this.addSql('drop function bookings_access_until_by_traveller();');
    this.addSql('alter table "booking_events" drop column "kind";');
    this.addSql('drop table "booking_date_decisions";');
    this.addSql('drop table "tour_date_changes";');
  }
}
