import { Migration } from '@mikro-orm/migrations';

// request_id is now always the gateway's own id; the caller's correlation id, when well-formed, is kept beside it.
export class Migration20261126140000_disclosures_caller_request_id extends Migration {
  override name = 'Migration20261126140000_disclosures_caller_request_id';

  override up(): void {
    this.addSql('alter table "disclosures" add column "caller_request_id" text null;');
  }

  override down(): void {
    this.addSql('alter table "disclosures" drop column "caller_request_id";');
  }
}
