import { Migration } from '@mikro-orm/migrations';

export class Migration20261124204000_payment_uniques extends Migration {
  override name = 'Migration20261124204000_payment_uniques';

  override async up(): Promise<void> {
    this.addSql(`create unique index "payments_one_pending_per_booking" on "payments" ("booking_id") where status = 'PENDING';`);
    this.addSql(`create unique index "payments_one_confirmed_per_booking" on "payments" ("booking_id") where status = 'CONFIRMED';`);
  }
}
