import { Migration } from '@mikro-orm/migrations';

// partnerTours and the partner relation filter tours by partner; without it each is a scan of all tours.
export class Migration20261124210000_tours_partner_index extends Migration {
  override name = 'Migration20261124210000_tours_partner_index';

  override up(): void {
    this.addSql('create index "tours_partner_id_starts_on_id_index" on "tours" ("partner_id", "starts_on", "id");');
  }

  override down(): void {
    this.addSql('drop index "tours_partner_id_starts_on_id_index";');
  }
}
