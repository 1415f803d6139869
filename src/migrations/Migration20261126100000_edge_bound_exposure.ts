import { Migration } from '@mikro-orm/migrations';
import { ACCESS_WINDOW_TRIGGER } from '../bookings/booking.entity.js';
import { ACCESS_WINDOWS } from '../privacy/privacy.policy.js';
import { CONSENT_PURPOSES, EDGES, oneOfCheck, PRINCIPAL_KINDS, PURPOSES } from '../privacy/privacy.vocabulary.js';

// Relations bound to edges: each booking keeps the access window it was made with, each payment the time of its outcome;
// disclosures name the edge and the record; the vocabulary's checks come from the const arrays in privacy.vocabulary.
export class Migration20261126100000_edge_bound_exposure extends Migration {
  override name = 'Migration20261126100000_edge_bound_exposure';

  override up(): void {
    this.addSql('alter table "bookings" add column "access_until" timestamptz null;');
    // Existing bookings get their window once, from today's tour dates (tour end + 30 days, to the end of that day).
    this.addSql(`update "bookings" b set "access_until" = (t.ends_on + ${1 + ACCESS_WINDOWS.bookingDaysAfterTourEnd})::timestamptz from "tours" t where t.id = b.tour_id;`);
    this.addSql('alter table "bookings" alter column "access_until" set not null;');
    this.addSql(ACCESS_WINDOW_TRIGGER);
    this.addSql('alter table "payments" add column "settled_at" timestamptz null;');
    // The outcome time of older payments is unknown; their creation time closes the window no later than the truth would.
    // A payment decided without a recorded time (null) gives its provider no view of the payer at all.
    this.addSql(`update "payments" set "settled_at" = "created_at" where "status" <> 'PENDING';`);
    this.addSql(`alter table "partners" add constraint "partners_country_code" check (country ~ '^[A-Z]{2}$');`);
    this.addSql(
      'alter table "disclosures" add column "edge" text null, add column "reference_kind" text null, add column "reference_id" uuid null, add column "recipient_country" text null;',
    );
    this.addSql(`alter table "disclosures" add constraint "disclosures_edge_check" check (edge is null or ${oneOfCheck('edge', EDGES)});`);
    this.addSql(`alter table "disclosures" add constraint "disclosures_recipient_kind_check" check (${oneOfCheck('recipient_kind', PRINCIPAL_KINDS)});`);
    this.addSql(`alter table "disclosures" add constraint "disclosures_purpose_check" check (${oneOfCheck('purpose', [...PURPOSES, 'NONE'])});`);
    this.addSql('alter table "consents" drop constraint "consents_purpose_check";');
    this.addSql(`alter table "consents" add constraint "consents_purpose_check" check (${oneOfCheck('purpose', CONSENT_PURPOSES)});`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_purpose_check" check (purpose is null or ${oneOfCheck('purpose', CONSENT_PURPOSES)});`);
  }

  override down(): void {
    this.addSql('alter table "consent_events" drop constraint "consent_events_purpose_check";');
    this.addSql(
      'alter table "disclosures" drop constraint "disclosures_purpose_check", drop constraint "disclosures_recipient_kind_check", drop constraint "disclosures_edge_check";',
    );
    this.addSql('alter table "disclosures" drop column "edge", drop column "reference_kind", drop column "reference_id", drop column "recipient_country";');
    this.addSql('alter table "partners" drop constraint "partners_country_code";');
    this.addSql('alter table "payments" drop column "settled_at";');
    this.addSql('drop trigger bookings_access_until on bookings;');
    this.addSql('drop function bookings_fix_access_until();');
    this.addSql('alter table "bookings" drop column "access_until";');
  }
}
