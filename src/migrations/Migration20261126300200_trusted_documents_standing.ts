import { Migration } from '@mikro-orm/migrations';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

// A token's kept standing carries its client's trusted-document state: changing that state must make every instance forget it.
export class Migration20261126300200_trusted_documents_standing extends Migration {
  override name = 'Migration20261126300200_trusted_documents_standing';

  override up(): void {
    for (const t of STANDING_TRIGGERS.trustedDocumentSets) this.addSql(t.expression!);
  }

  override down(): void {
    this.addSql('drop trigger trusted_document_sets_standing on trusted_document_sets;');
  }
}
