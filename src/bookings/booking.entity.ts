import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { Tour } from '../tours/tour.entity.js';
import { ACCESS_WINDOWS } from '../privacy/privacy.policy.js';
import { TRANSITIONS } from './booking.machine.js';

/** The end of the partner's access window for a tour ending on `endsOn` (an SQL date expression): the window's last day included. */
export const accessWindowEnd = (endsOn: string): string => `(${endsOn} + ${1 + ACCESS_WINDOWS.bookingDaysAfterTourEnd})::timestamptz`;

// Every insert, whatever its path, gets the partner's access window from the tour as it is at that moment.
export const ACCESS_WINDOW_TRIGGER = `create or replace function bookings_fix_access_until() returns trigger language plpgsql as $$
  begin
    if new.access_until is null then
      select ${accessWindowEnd('t.ends_on')} into new.access_until from tours t where t.id = new.tour_id;
    end if;
    return new;
  end $$;
create trigger bookings_access_until before insert on bookings for each row execute function bookings_fix_access_until();`;

const ALLOWED_MOVES = Object.entries(TRANSITIONS)
  .flatMap(([from, tos]) => tos.map((to) => `('${from}', '${to}')`))
  .join(', ');

// The state machine's moves, enforced for every update whatever its path.
export const STATUS_TRANSITION_TRIGGER = `create or replace function bookings_status_transition() returns trigger language plpgsql as $$
  begin
    if (old.status, new.status) in (${ALLOWED_MOVES}) then
      return new;
    end if;
    raise exception 'booking status % cannot become %', old.status, new.status using errcode = 'check_violation';
  end $$;
create trigger bookings_status_transition before update of status on bookings
  for each row when (old.status is distinct from new.status) execute function bookings_status_transition();`;

// The window rests on facts the partner cannot change: it moves only to the new end of a date change its traveller accepted.
export const ACCESS_WINDOW_MOVE_TRIGGER = `create or replace function bookings_access_until_by_traveller() returns trigger language plpgsql as $$
  begin
    if exists(select 1 from booking_date_decisions d join tour_date_changes c on c.id = d.date_change_id
        where d.booking_id = new.id and d.decision = 'ACCEPTED' and ${accessWindowEnd('c.new_ends_on')} = new.access_until) then
      return new;
    end if;
    raise exception 'a booking''s access window moves only when its traveller accepts a date change' using errcode = 'check_violation';
  end $$;
create trigger bookings_access_until_by_traveller before update of access_until on bookings
  for each row when (old.access_until is distinct from new.access_until) execute function bookings_access_until_by_traveller();`;

export type BookingStatus = 'PENDING_PAYMENT' | 'PAID' | 'CANCELLED' | 'COMPLETED' | 'EXPIRED' | 'REFUNDED';

@Entity({
  tableName: 'bookings',
  triggers: [
    { name: 'bookings_access_until', timing: 'before', events: ['insert'], expression: ACCESS_WINDOW_TRIGGER },
    { name: 'bookings_status_transition', timing: 'before', events: ['update'], expression: STATUS_TRANSITION_TRIGGER },
    { name: 'bookings_access_until_by_traveller', timing: 'before', events: ['update'], expression: ACCESS_WINDOW_MOVE_TRIGGER },
  ],
})
@Unique({ properties: ['user', 'idempotencyKey'] })
@Index({ properties: ['tour', 'createdAt'] })
@Index({ properties: ['user', 'createdAt'] })
@Check({ name: 'bookings_seats_positive', expression: 'seats > 0' })
@Check({ name: 'bookings_amount_nonnegative', expression: 'amount_kzt >= 0' })
export class Booking {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => User) user!: Rel<User>;
  @ManyToOne(() => Tour) tour!: Rel<Tour>;
  @Property({ type: 'integer' }) seats!: number;
  @Enum({ items: ['PENDING_PAYMENT', 'PAID', 'CANCELLED', 'COMPLETED', 'EXPIRED', 'REFUNDED'], default: 'PENDING_PAYMENT' }) status: Opt<BookingStatus> = 'PENDING_PAYMENT';
  @Property({ type: 'bigint' }) amountKzt!: number;
  @Property({ type: 'text' }) idempotencyKey!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  /** The tour's partner sees the traveller until then: set by a trigger when the booking is made; moving the tour never moves it,
   * only the traveller accepting the new dates does. */
  @Property({ type: 'timestamptz' }) accessUntil!: Opt<Date>;
}
