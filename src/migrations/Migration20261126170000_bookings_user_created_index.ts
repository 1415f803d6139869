import { Migration } from '@mikro-orm/migrations';

// me.bookings pages one traveller's bookings newest first; the composite index also serves every lookup by user alone.
export class Migration20261126170000_bookings_user_created_index extends Migration {
  override name = 'Migration20261126170000_bookings_user_created_index';

  override up(): void {
    this.addSql('create index "bookings_user_id_created_at_index" on "bookings" ("user_id", "created_at");');
    this.addSql('drop index "bookings_user_id_index";');
  }

  override down(): void {
    this.addSql('create index "bookings_user_id_index" on "bookings" ("user_id");');
    this.addSql('drop index "bookings_user_id_created_at_index";');
  }
}
