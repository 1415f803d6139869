import { Migration } from '@mikro-orm/migrations';

// The booking state machine (src/bookings/booking.machine.ts) enforced by the database too: known statuses, and only its moves.
export class Migration20261126171000_booking_states extends Migration {
  override name = 'Migration20261126171000_booking_states';

  override up(): void {
    this.addSql('alter table "bookings" drop constraint "bookings_status_check";');
    this.addSql(`alter table "bookings" add constraint "bookings_status_check" check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED', 'EXPIRED', 'REFUNDED'));`);
    this.addSql(`create function bookings_status_transition() returns trigger language plpgsql as $$
      begin
        if (old.status, new.status) in (('PENDING_PAYMENT', 'PAID'), ('PENDING_PAYMENT', 'CANCELLED'), ('PENDING_PAYMENT', 'EXPIRED'),
            ('PAID', 'COMPLETED'), ('PAID', 'CANCELLED'), ('CANCELLED', 'REFUNDED')) then
          return new;
        end if;
        raise exception 'booking status % cannot become %', old.status, new.status using errcode = 'check_violation';
      end $$;`);
    this.addSql(`create trigger bookings_status_transition before update of status on bookings
      for each row when (old.status is distinct from new.status) execute function bookings_status_transition();`);
  }

  override down(): void {
    this.addSql('drop trigger bookings_status_transition on bookings;');
    this.addSql('drop function bookings_status_transition();');
    this.addSql('alter table "bookings" drop constraint "bookings_status_check";');
    this.addSql(`alter table "bookings" add constraint "bookings_status_check" check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED'));`);
  }
}
