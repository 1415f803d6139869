import { Migration } from '@mikro-orm/migrations';

// A token's kept standing carries its client's trusted-document state: changing that state must make every instance forget it.
export class Migration20261126300200_trusted_documents_standing extends Migration {
  override name = 'Migration20261126300200_trusted_documents_standing';

  override up(): void {
    this.addSql(`create trigger trusted_document_sets_standing after insert or update or delete on trusted_document_sets
      for each statement execute function notify_auth_standing();`);
  }

  override down(): void {
    this.addSql('drop trigger trusted_document_sets_standing on trusted_document_sets;');
  }
}
