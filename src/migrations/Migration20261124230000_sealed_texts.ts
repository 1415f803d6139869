import { Migration } from '@mikro-orm/migrations';

// Columns for the texts users write, sealed under their data keys; the plain ones stay until the backfill has sealed them (authored-texts.backfill.ts).
export class Migration20261124230000_sealed_texts extends Migration {
  override name = 'Migration20261124230000_sealed_texts';

  override up(): void {
    this.addSql('alter table "complaints" add column "subject_enc" text null, add column "body_enc" text null, add column "attachments_enc" text null;');
    this.addSql('alter table "content_reports" add column "reason_enc" text null;');
    this.addSql('alter table "support_tickets" add column "subject_enc" text null;');
  }

  override down(): void {
    this.addSql('alter table "support_tickets" drop column "subject_enc";');
    this.addSql('alter table "content_reports" drop column "reason_enc";');
    this.addSql('alter table "complaints" drop column "subject_enc", drop column "body_enc", drop column "attachments_enc";');
  }
}
