import { Migration } from '@mikro-orm/migrations';

// Runs after the backfill: no text a live user wrote stays outside their seal (an erased author's texts go, as erasure already removed them).
export class Migration20261124230100_drop_plain_texts extends Migration {
  override name = 'Migration20261124230100_drop_plain_texts';

  override up(): void {
    this.addSql(`do $$ begin
      if exists (select 1 from complaints c join users u on u.id = c.user_id where c.subject_enc is null and u.status <> 'DELETED')
          or exists (select 1 from content_reports r join users u on u.id = r.reporter_id where r.reason_enc is null and u.status <> 'DELETED')
          or exists (select 1 from support_tickets t join users u on u.id = t.user_id where t.subject_enc is null and u.status <> 'DELETED')
        then raise exception 'complaints, reports or tickets hold texts that were not sealed; run the migration through openDatabase (it backfills)'; end if;
    end $$;`);
    this.addSql('alter table "complaints" drop column "subject", drop column "body", drop column "attachments";');
    this.addSql('alter table "content_reports" drop column "reason";');
    this.addSql('alter table "support_tickets" drop column "subject";');
  }

  override down(): void {
    this.addSql('alter table "complaints" add column "subject" text null, add column "body" text null, add column "attachments" jsonb null;');
    this.addSql('alter table "content_reports" add column "reason" text null;');
    this.addSql('alter table "support_tickets" add column "subject" text null;');
  }
}
