import { randomUUID } from 'node:crypto';
import type { Sql } from '../../src/db/sql.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_PARTNERS } from '../../seeds/partners.data.js';
import { bearer, tokenFor } from '../support/tokens.js';

export const OPERATORS = DEMO_PARTNERS.filter((p) => p.kind === 'TOUR_OPERATOR').map((p) => p.id);
export const PROVIDERS = DEMO_PARTNERS.filter((p) => p.kind === 'PAYMENT_PROVIDER').map((p) => p.id);

export interface TourSpec {
  partnerId: string;
  capacity: number;
  seatsBooked?: number;
  priceKzt?: number;
  startsInDays?: number;
  status?: 'ACTIVE' | 'RETIRED';
}

/** A fresh tour straight in the database, so each test owns its seats. */
export async function insertTour(sql: Sql, t: TourSpec): Promise<string> {
  const id = randomUUID();
  const starts = t.startsInDays ?? 30;
  await sql.rows(
    't_insert_tour',
    `insert into tours (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity, seats_booked, status, created_at)
    values ($1, $2, 'Тестовый тур', 'ALMATY', current_date + $3::int, current_date + $3::int + 3, $4, $5, $6, $7, now())`,
    [id, t.partnerId, starts, t.priceKzt ?? 50_000, t.capacity, t.seatsBooked ?? 0, t.status ?? 'ACTIVE'],
  );
  return id;
}

/** Active travellers in a stable order (`complete`: phone, IIN and passport filled, as every seeded traveller with them also has an e-mail); `skip` keeps test files apart. */
export async function travellers(sql: Sql, count: number, skip: number, complete = true): Promise<string[]> {
  const rows = await sql.rows<{ id: string }>(
    't_travellers',
    `select id from users where role = 'TRAVELER' and status = 'ACTIVE'
    and (not $3 or (iin_bidx is not null and passport_bidx is not null and phone_bidx is not null)) order by id offset $1 limit $2`,
    [skip, count, complete],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} seeded travellers`);
  return rows.map((r) => r.id);
}

// Written straight into the database; a booking that holds a seat takes it from the tour, as the booking path would.
export async function insertBooking(sql: Sql, userId: string, tourId: string, status: string, daysAgo: number): Promise<string> {
  const [b] = await sql.rows<{ id: string }>(
    't_insert_booking',
    `with seat as (update tours set seats_booked = seats_booked + 1
      where id = $2 and $3 in ('PENDING_PAYMENT', 'PAID', 'COMPLETED'))
    insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    values (gen_random_uuid(), $1, $2, 1, $3, 50000, $4, now() - $5::int * interval '1 day') returning id`,
    [userId, tourId, status, randomUUID(), daysAgo],
  );
  return b.id;
}

export async function setBookingConsent(sql: Sql, userIds: readonly string[], granted: boolean): Promise<void> {
  await sql.rows(
    't_set_consent',
    `insert into consents (id, user_id, purpose, granted, policy_version_id, updated_at)
    select gen_random_uuid(), u, 'TOUR_BOOKING', $2, (select id from policy_versions order by published_at desc limit 1), now() from unnest($1::uuid[]) u
    on conflict (user_id, purpose) do update set granted = excluded.granted, updated_at = now()`,
    [userIds, granted],
  );
}

export async function userHeaders(gw: RunningGateway, userId: string): Promise<Record<string, string>> {
  return bearer(await tokenFor(gw, 'USER', { sub: userId }));
}

export async function clientHeaders(gw: RunningGateway, kind: 'PARTNER' | 'PAYMENT_PROVIDER', partnerId: string, scope?: string[]): Promise<Record<string, string>> {
  return bearer(await tokenFor(gw, kind, { partnerId, scope }));
}

export async function tourSeats(sql: Sql, tourId: string): Promise<{ seatsBooked: number; capacity: number; held: number }> {
  const [row] = await sql.rows<{ seatsBooked: number; capacity: number; held: number }>(
    't_tour_seats',
    `select t.seats_booked as "seatsBooked", t.capacity,
      coalesce((select sum(seats) from bookings b where b.tour_id = t.id and b.status in ('PENDING_PAYMENT', 'PAID', 'COMPLETED')), 0)::int as held
    from tours t where t.id = $1`,
    [tourId],
  );
  return row;
}
