import { Migration } from '@mikro-orm/migrations';

export class Migration20261124192332 extends Migration {
  override name = 'Migration20261124192332';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "disclosures" ("id" uuid not null, "recipient_kind" text not null, "recipient_id" text null, "recipient_partner_id" text null, "subject_id" uuid not null, "kinds" text[] not null, "purpose" text not null, "reference" text null, "request_id" text not null, "at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "disclosures_subject_id_at_index" on "disclosures" ("subject_id", "at");`);

    this.addSql(
      `create table "login_codes" ("id" uuid not null, "phone_hash" text not null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" int not null default 0, "used_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "login_codes_phone_hash_index" on "login_codes" ("phone_hash");`);

    this.addSql(
      `create table "partners" ("id" uuid not null, "name" text not null, "kind" text not null, "country" text not null, "city" text not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "partners" add constraint "partners_name_unique" unique ("name");`);
    this.addSql(`alter table "partners" add constraint "partners_kind_check" check ("kind" in ('TOUR_OPERATOR', 'PAYMENT_PROVIDER', 'PROCESSOR'));`);

    this.addSql(
      `create table "api_clients" ("id" uuid not null, "client_id" text not null, "secret_hash" text not null, "name" text not null, "partner_id" uuid not null, "kind" text not null, "scopes" text[] not null, "purpose" text not null, "created_at" timestamptz not null default now(), "disabled_at" timestamptz null, "tokens_valid_after" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "api_clients" add constraint "api_clients_client_id_unique" unique ("client_id");`);
    this.addSql(`alter table "api_clients" add constraint "api_clients_kind_check" check ("kind" in ('PARTNER', 'PAYMENT_PROVIDER'));`);

    this.addSql(
      `create table "policy_versions" ("id" uuid not null, "version" text not null, "published_at" timestamptz not null, "text_sha256" text not null, primary key ("id"));`,
    );
    this.addSql(`alter table "policy_versions" add constraint "policy_versions_version_unique" unique ("version");`);

    this.addSql(`create table "revoked_tokens" ("jti" text not null, "expires_at" timestamptz not null, primary key ("jti"));`);

    this.addSql(
      `create table "tours" ("id" uuid not null, "partner_id" uuid not null, "title" text not null, "region" text not null, "starts_on" date not null, "ends_on" date not null, "price_kzt" int not null, "capacity" int not null, "seats_booked" int not null default 0, "status" text not null default 'ACTIVE', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "tours_starts_on_id_index" on "tours" ("starts_on", "id");`);
    this.addSql(`create index "tours_region_starts_on_id_index" on "tours" ("region", "starts_on", "id");`);
    this.addSql(`alter table "tours" add constraint "tours_dates_ordered" check (ends_on >= starts_on);`);
    this.addSql(`alter table "tours" add constraint "tours_seats_within_capacity" check (seats_booked >= 0 and seats_booked <= capacity);`);
    this.addSql(`alter table "tours" add constraint "tours_capacity_positive" check (capacity > 0);`);
    this.addSql(`alter table "tours" add constraint "tours_price_positive" check (price_kzt > 0);`);
    this.addSql(`alter table "tours" add constraint "tours_status_check" check ("status" in ('ACTIVE', 'RETIRED'));`);

    this.addSql(
      `create table "users" ("id" uuid not null, "phone" text null, "surname" text null, "first_name" text null, "patronymic" text null, "gender" text null, "iin_enc" text null, "iin_bidx" text null, "passport_enc" text null, "passport_bidx" text null, "email" text null, "messengers" jsonb null, "role" text not null default 'TRAVELER', "status" text not null default 'ACTIVE', "created_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_phone_unique" unique ("phone");`);
    this.addSql(`create index "users_iin_bidx_index" on "users" ("iin_bidx");`);
    this.addSql(`create index "users_passport_bidx_index" on "users" ("passport_bidx");`);
    this.addSql(`alter table "users" add constraint "users_phone_format" check (phone is null or phone ~ '^\\+7[0-9]{10}\$');`);
    this.addSql(`alter table "users" add constraint "users_gender_check" check ("gender" in ('MALE', 'FEMALE'));`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('TRAVELER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'));`);
    this.addSql(`alter table "users" add constraint "users_status_check" check ("status" in ('ACTIVE', 'BLOCKED', 'DELETED'));`);

    this.addSql(
      `create table "support_tickets" ("id" uuid not null, "reference" text not null, "user_id" uuid not null, "subject" text not null, "status" text not null default 'OPEN', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "support_tickets" add constraint "support_tickets_reference_unique" unique ("reference");`);
    this.addSql(`alter table "support_tickets" add constraint "support_tickets_status_check" check ("status" in ('OPEN', 'CLOSED'));`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "user_id" uuid not null, "refresh_hash" text not null, "previous_hashes" text[] not null default '{}', "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "sessions_refresh_hash_index" on "sessions" ("refresh_hash");`);

    this.addSql(
      `create table "reviews" ("id" uuid not null, "author_id" uuid not null, "tour_id" uuid not null, "rating" smallint not null, "text" text not null, "moderation_status" text not null default 'PUBLISHED', "moderation_reason" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "reviews_tour_id_created_at_index" on "reviews" ("tour_id", "created_at");`);
    this.addSql(`alter table "reviews" add constraint "reviews_author_id_tour_id_unique" unique ("author_id", "tour_id");`);
    this.addSql(`alter table "reviews" add constraint "reviews_text_length" check (char_length(text) <= 2000);`);
    this.addSql(`alter table "reviews" add constraint "reviews_rating_range" check (rating between 1 and 5);`);
    this.addSql(`alter table "reviews" add constraint "reviews_moderation_status_check" check ("moderation_status" in ('PUBLISHED', 'HIDDEN', 'REMOVED'));`);

    this.addSql(
      `create table "legal_holds" ("id" uuid not null, "user_id" uuid not null, "reason" text not null, "until" date not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );

    this.addSql(
      `create table "content_reports" ("id" uuid not null, "review_id" uuid not null, "reporter_id" uuid null, "reason" text not null, "status" text not null default 'OPEN', "resolved_by_id" uuid null, "resolution" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "content_reports" add constraint "content_reports_status_check" check ("status" in ('OPEN', 'RESOLVED', 'DISMISSED'));`);

    this.addSql(
      `create table "consent_events" ("id" uuid not null, "user_id" uuid not null, "purpose" text null, "action" text not null, "policy_version_id" uuid not null, "at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "consent_events_user_id_at_index" on "consent_events" ("user_id", "at");`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_action_check" check ("action" in ('GRANTED', 'WITHDRAWN', 'POLICY_ACCEPTED'));`);

    this.addSql(
      `create table "consents" ("id" uuid not null, "user_id" uuid not null, "purpose" text not null, "granted" boolean not null, "policy_version_id" uuid not null, "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "consents" add constraint "consents_user_id_purpose_unique" unique ("user_id", "purpose");`);
    this.addSql(`alter table "consents" add constraint "consents_purpose_check" check ("purpose" in ('TOUR_BOOKING', 'COMMUNICATION', 'ANALYTICS', 'CROSS_BORDER_TRANSFER'));`);

    this.addSql(
      `create table "complaints" ("id" uuid not null, "user_id" uuid not null, "subject" text not null, "body" text not null, "attachments" jsonb not null default '[]', "status" text not null default 'RECEIVED', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "complaints" add constraint "complaints_status_check" check ("status" in ('RECEIVED', 'IN_REVIEW', 'ANSWERED', 'CLOSED'));`);

    this.addSql(
      `create table "bookings" ("id" uuid not null, "user_id" uuid not null, "tour_id" uuid not null, "seats" int not null, "status" text not null default 'PENDING_PAYMENT', "amount_kzt" bigint not null, "idempotency_key" text not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "bookings_user_id_index" on "bookings" ("user_id");`);
    this.addSql(`create index "bookings_tour_id_created_at_index" on "bookings" ("tour_id", "created_at");`);
    this.addSql(`alter table "bookings" add constraint "bookings_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`);
    this.addSql(`alter table "bookings" add constraint "bookings_amount_nonnegative" check (amount_kzt >= 0);`);
    this.addSql(`alter table "bookings" add constraint "bookings_seats_positive" check (seats > 0);`);
    this.addSql(`alter table "bookings" add constraint "bookings_status_check" check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED'));`);

    this.addSql(
      `create table "payments" ("id" uuid not null, "booking_id" uuid not null, "provider_id" uuid not null, "amount_kzt" bigint not null, "status" text not null default 'PENDING', "external_ref" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "payments_booking_id_index" on "payments" ("booking_id");`);
    this.addSql(`create index "payments_provider_id_index" on "payments" ("provider_id");`);
    this.addSql(`alter table "payments" add constraint "payments_amount_positive" check (amount_kzt > 0);`);
    this.addSql(`alter table "payments" add constraint "payments_status_check" check ("status" in ('PENDING', 'CONFIRMED', 'FAILED'));`);

    this.addSql(
      `create table "booking_events" ("id" uuid not null, "booking_id" uuid not null, "status" text not null, "actor_kind" text not null, "reason" text null, "at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "booking_events_booking_id_at_index" on "booking_events" ("booking_id", "at");`);

    this.addSql(
      `create table "authority_requests" ("id" uuid not null, "agency" text not null, "legal_basis" text not null, "case_number" text not null, "subject_id" uuid not null, "kinds" text[] not null, "expires_at" timestamptz not null, "recorded_by_id" uuid not null, "approved_by_id" uuid null, "status" text not null default 'RECORDED', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "authority_requests" add constraint "authority_requests_case_number_unique" unique ("case_number");`);
    this.addSql(`alter table "authority_requests" add constraint "authority_requests_two_admins" check (approved_by_id is null or approved_by_id <> recorded_by_id);`);
    this.addSql(`alter table "authority_requests" add constraint "authority_requests_status_check" check ("status" in ('RECORDED', 'APPROVED', 'REJECTED'));`);

    this.addSql(`alter table "api_clients" add constraint "api_clients_partner_id_foreign" foreign key ("partner_id") references "partners" ("id");`);

    this.addSql(`alter table "tours" add constraint "tours_partner_id_foreign" foreign key ("partner_id") references "partners" ("id");`);

    this.addSql(`alter table "support_tickets" add constraint "support_tickets_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);

    this.addSql(`alter table "reviews" add constraint "reviews_author_id_foreign" foreign key ("author_id") references "users" ("id");`);
    this.addSql(`alter table "reviews" add constraint "reviews_tour_id_foreign" foreign key ("tour_id") references "tours" ("id");`);

    this.addSql(`alter table "legal_holds" add constraint "legal_holds_user_id_foreign" foreign key ("user_id") references "users" ("id");`);

    this.addSql(`alter table "content_reports" add constraint "content_reports_review_id_foreign" foreign key ("review_id") references "reviews" ("id") on delete cascade;`);
    this.addSql(`alter table "content_reports" add constraint "content_reports_reporter_id_foreign" foreign key ("reporter_id") references "users" ("id") on delete set null;`);
    this.addSql(
      `alter table "content_reports" add constraint "content_reports_resolved_by_id_foreign" foreign key ("resolved_by_id") references "users" ("id") on delete set null;`,
    );

    this.addSql(`alter table "consent_events" add constraint "consent_events_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_versions" ("id");`);

    this.addSql(`alter table "consents" add constraint "consents_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
    this.addSql(`alter table "consents" add constraint "consents_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_versions" ("id");`);

    this.addSql(`alter table "complaints" add constraint "complaints_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);

    this.addSql(`alter table "bookings" add constraint "bookings_user_id_foreign" foreign key ("user_id") references "users" ("id");`);
    this.addSql(`alter table "bookings" add constraint "bookings_tour_id_foreign" foreign key ("tour_id") references "tours" ("id");`);

    this.addSql(`alter table "payments" add constraint "payments_booking_id_foreign" foreign key ("booking_id") references "bookings" ("id");`);
    this.addSql(`alter table "payments" add constraint "payments_provider_id_foreign" foreign key ("provider_id") references "partners" ("id");`);

    this.addSql(`alter table "booking_events" add constraint "booking_events_booking_id_foreign" foreign key ("booking_id") references "bookings" ("id") on delete cascade;`);

    this.addSql(`alter table "authority_requests" add constraint "authority_requests_subject_id_foreign" foreign key ("subject_id") references "users" ("id");`);
    this.addSql(`alter table "authority_requests" add constraint "authority_requests_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id");`);
    this.addSql(
      `alter table "authority_requests" add constraint "authority_requests_approved_by_id_foreign" foreign key ("approved_by_id") references "users" ("id") on delete set null;`,
    );
  }
}
