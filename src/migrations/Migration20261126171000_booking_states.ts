import { Migration } from '@mikro-orm/migrations';
import { STATUS_TRANSITION_TRIGGER } from '../bookings/booking.entity.js';

// The booking state machine (src/bookings/booking.machine.ts) enforced by the database too: known statuses, and only its moves.
export class Migration20261126171000_booking_states extends Migration {
  override name = 'Migration20261126171000_booking_states';

  override up(): void {
    this.addSql('alter table "bookings" drop constraint "bookings_status_check";');
    this.addSql(`alter table "bookings" add constraint "bookings_status_check" check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED', 'EXPIRED', 'REFUNDED'));`);
    this.addSql(STATUS_TRANSITION_TRIGGER);
  }

  override down(): void {
    this.addSql('drop trigger bookings_status_transition on bookings;');
    this.addSql('drop function bookings_status_transition();');
    this.addSql('alter table "bookings" drop constraint "bookings_status_check";');
    this.addSql(`alter table "bookings" add constraint "bookings_status_check" check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED'));`);
  }
}
