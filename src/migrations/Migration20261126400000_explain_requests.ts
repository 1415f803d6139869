import { Migration } from '@mikro-orm/migrations';

// Who explained which document (by its hash) as which principal: the record of explain mode, without any value.
export class Migration20261126400000_explain_requests extends Migration {
  override name = 'Migration20261126400000_explain_requests';

  override up(): void {
    this.addSql(`create table "explain_requests" ("id" uuid not null, "at" timestamptz not null default now(), "request_id" text not null,
      "explainer_kind" text not null, "explainer_id" text not null, "as_kind" text not null, "as_id" text null, "as_partner_id" text null,
      "as_scopes" text[] not null, "as_purpose" text null, "as_reference" text null, "document_sha256" text not null, "decisions" int not null,
      "errors" int not null, primary key ("id"));`);
    this.addSql('create index "explain_requests_at_index" on "explain_requests" ("at");');
    this.addSql(`alter table "explain_requests" add constraint "explain_requests_as_purpose_check" check (as_purpose is null or as_purpose in ('ACCOUNT',
      'TOUR_BOOKING', 'PAYMENT', 'SUPPORT', 'COMMUNICATION', 'MODERATION', 'FRAUD_PREVENTION', 'ANALYTICS', 'LEGAL_OBLIGATION', 'AUDIT'));`);
    this.addSql(`alter table "explain_requests" add constraint "explain_requests_as_kind_check" check (as_kind in ('ANONYMOUS', 'USER', 'PARTNER',
      'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'));`);
    this.addSql(`alter table "explain_requests" add constraint "explain_requests_explainer_kind_check" check (explainer_kind in ('ADMIN', 'AUDITOR'));`);
  }

  override down(): void {
    this.addSql('drop table "explain_requests";');
  }
}
