import { Migration } from '@mikro-orm/migrations';

// The purge deletes disclosures past the log's period by at alone; without this it scans the whole log. BRIN, as rows arrive in time order.
export class Migration20261124221000_disclosures_at_index extends Migration {
  override name = 'Migration20261124221000_disclosures_at_index';

  override up(): void {
    this.addSql('create index "disclosures_at_index" on "disclosures" using brin ("at");');
  }

  override down(): void {
    this.addSql('drop index "disclosures_at_index";');
  }
}
