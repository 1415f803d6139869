import { Migration } from '@mikro-orm/migrations';

// References become records tied to an account: fraud cases with their subjects, assigned tickets, addressed authority requests.
export class Migration20261126120000_reference_records extends Migration {
  override name = 'Migration20261126120000_reference_records';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "fraud_cases" ("id" uuid not null, "reference" text not null, "reason_enc" text null, "opened_by_id" uuid not null, "assigned_to_id" uuid not null, "status" text not null default 'OPEN', "created_at" timestamptz not null default now(), "closed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "fraud_cases" add constraint "fraud_cases_reference_unique" unique ("reference");`);
    this.addSql(`create index "fraud_cases_assigned_to_id_index" on "fraud_cases" ("assigned_to_id");`);

    this.addSql(`create table "fraud_case_subjects" ("case_id" uuid not null, "subject_id" uuid not null, primary key ("case_id", "subject_id"));`);
    this.addSql(`create index "fraud_case_subjects_subject_id_index" on "fraud_case_subjects" ("subject_id");`);

    this.addSql(`alter table "support_tickets" add "assigned_to_id" uuid null, add "assigned_at" timestamptz null, add "closed_at" timestamptz null;`);
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_assigned_to_id_foreign" foreign key ("assigned_to_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`create index "support_tickets_assigned_to_id_index" on "support_tickets" ("assigned_to_id");`);
    this.addSql(`create index "support_tickets_queue_index" on "support_tickets" ("status", "created_at", "id");`);

    this.addSql(`alter table "authority_requests" add "addressed_to_id" uuid null, add "confidential_until" timestamptz null;`);
    this.addSql(
      `alter table "authority_requests" add constraint "authority_requests_addressed_to_id_foreign" foreign key ("addressed_to_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`create index "authority_requests_addressed_to_id_index" on "authority_requests" ("addressed_to_id");`);

    this.addSql(`alter table "fraud_cases" add constraint "fraud_cases_opened_by_id_foreign" foreign key ("opened_by_id") references "users" ("id");`);
    this.addSql(`alter table "fraud_cases" add constraint "fraud_cases_assigned_to_id_foreign" foreign key ("assigned_to_id") references "users" ("id");`);
    this.addSql(`alter table "fraud_cases" add constraint "fraud_cases_status_check" check ("status" in ('OPEN', 'CLOSED'));`);

    this.addSql(
      `alter table "fraud_case_subjects" add constraint "fraud_case_subjects_case_id_foreign" foreign key ("case_id") references "fraud_cases" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "fraud_case_subjects" add constraint "fraud_case_subjects_subject_id_foreign" foreign key ("subject_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    // Human references (FC-2026-001001, SUP-100001; lower numbers are left to demo data) are numbered by sequences, so concurrent openings never collide.
    this.addSql(`create sequence "fraud_case_numbers" start 1001;`);
    this.addSql(`create sequence "support_ticket_numbers" start 100001;`);
    // Existing requests go to the only authority account if there is exactly one; otherwise they stay unaddressed, so unusable.
    this.addSql(`update "authority_requests" set "addressed_to_id" = (select "id" from "users" where "role" = 'AUTHORITY')
      where (select count(*) from "users" where "role" = 'AUTHORITY') = 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence "support_ticket_numbers";`);
    this.addSql(`drop sequence "fraud_case_numbers";`);
    this.addSql(`alter table "fraud_case_subjects" drop constraint "fraud_case_subjects_case_id_foreign";`);

    this.addSql(`drop table if exists "fraud_cases" cascade;`);
    this.addSql(`drop table if exists "fraud_case_subjects" cascade;`);

    this.addSql(`alter table "authority_requests" drop constraint "authority_requests_addressed_to_id_foreign";`);

    this.addSql(`alter table "support_tickets" drop constraint "support_tickets_assigned_to_id_foreign";`);

    this.addSql(`drop index "authority_requests_addressed_to_id_index";`);
    this.addSql(`alter table "authority_requests" drop column "addressed_to_id", drop column "confidential_until";`);

    this.addSql(`drop index "support_tickets_assigned_to_id_index";`);
    this.addSql(`drop index "support_tickets_queue_index";`);
    this.addSql(`alter table "support_tickets" drop column "assigned_to_id", drop column "assigned_at", drop column "closed_at";`);
  }
}
