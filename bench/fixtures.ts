import pg from 'pg';
import { DEMO_CLIENTS } from '../seeds/partners.data.js';
import type { KeyCursor } from '../src/graphql/cursor.js';

/** What the scenarios address: one partner's 50 upcoming tours (S1..S4) and writable tours and consenting travellers (S5). */
export interface Fixtures {
  partnerId: string;
  clientId: string;
  clientSecret: string;
  /** S1's tours in the gateway's order (starts_on, id); PostGraphile pages them newest first from `offset`. */
  tourIds: string[];
  offset: number;
  /** partnerTours' cursor: the partner's tour just before the window. */
  after: KeyCursor | null;
  bookingsShown: number;
  writeTourIds: string[];
  writeUserIds: string[];
  /** S6's travellers: booked on S1's tours, so their disclosure logs fill while the bench runs. */
  mobileUserIds: string[];
}

export const S1_TOURS = 50;
export const S1_BOOKINGS = 20;
const WRITE_TOURS = 20;
const WRITE_USERS = 200;
export const MOBILE_USERS = 16;
// Large enough that the S5 rounds never fill a tour, so every write takes the same path.
const WRITE_CAPACITY = 1_000_000;

const OPERATORS = DEMO_CLIENTS.filter((c) => c.kind === 'PARTNER');

// Bookings rows S1 should show in all: with 50 tours, 100 + 8 per booking is about 1,000 fields.
const TARGET_SHOWN = 110;

// 50 consecutive upcoming tours of one operator, newest first as PostGraphile pages them: bookings near the target, few tours to skip
// (Postgres computes PostGraphile's per-tour bookings subquery for skipped rows too).
const WINDOW = `with ranked as (
    select t.partner_id, t.id, t.starts_on, row_number() over (partition by t.partner_id order by t.starts_on desc, t.id desc) - 1 as pos,
      (select least(count(*), ${S1_BOOKINGS}) from bookings b where b.tour_id = t.id) as shown
    from tours t where t.partner_id = any($1::uuid[])),
  windows as (
    select r.partner_id, r.pos, sum(r.shown) over w as shown, count(*) over w as n, array_agg(r.id) over w as ids
    from ranked r where r.starts_on >= current_date
    window w as (partition by r.partner_id order by r.pos rows between current row and ${S1_TOURS - 1} following))
  select partner_id as "partnerId", pos::int as "offset", ids, shown::int as shown from windows
  where n = ${S1_TOURS} order by abs(shown - $2) + pos, partner_id, pos limit 1`;

export async function loadFixtures(url: string): Promise<Fixtures> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const {
      rows: [w],
    } = await c.query<{ partnerId: string; offset: number; ids: string[]; shown: number }>(WINDOW, [OPERATORS.map((o) => o.partnerId), TARGET_SHOWN]);
    if (!w) throw new Error(`no tour operator has ${S1_TOURS} upcoming tours`);
    const client = OPERATORS.find((o) => o.partnerId === w.partnerId)!;
    const {
      rows: [before],
    } = await c.query<KeyCursor>(
      `select starts_on::text as key, id from tours where partner_id = $1
      order by starts_on desc, id desc offset $2 limit 1`,
      [w.partnerId, w.offset + S1_TOURS],
    );
    const { rows: writeTours } = await c.query<{ id: string }>(
      `update tours set capacity = $3 where id in (
        select id from tours where partner_id <> $1 and status = 'ACTIVE' and starts_on > current_date + 7 order by starts_on, id limit $2)
      returning id`,
      [w.partnerId, WRITE_TOURS, WRITE_CAPACITY],
    );
    const { rows: users } = await c.query<{ id: string }>(
      `select u.id from users u join consents c on c.user_id = u.id
      where u.role = 'TRAVELER' and u.status = 'ACTIVE' and c.purpose = 'TOUR_BOOKING' and c.granted order by u.id limit $1`,
      [WRITE_USERS],
    );
    const { rows: mobile } = await c.query<{ id: string }>(
      `select distinct b.user_id as id from bookings b join users u on u.id = b.user_id
      where b.tour_id = any($1::uuid[]) and u.status = 'ACTIVE' order by 1 limit $2`,
      [w.ids, MOBILE_USERS],
    );
    if (mobile.length < MOBILE_USERS) throw new Error(`only ${mobile.length} travellers booked on the S1 tours`);
    return {
      partnerId: w.partnerId,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      tourIds: [...w.ids].reverse(),
      offset: w.offset,
      after: before ?? null,
      bookingsShown: w.shown,
      writeTourIds: writeTours.map((r) => r.id),
      writeUserIds: users.map((r) => r.id),
      mobileUserIds: mobile.map((r) => r.id),
    };
  } finally {
    await c.end();
  }
}
