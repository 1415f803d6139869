import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { scratchDatabaseBefore, type ScratchDatabase } from '../support/scratch-db.js';

// A database at the schema before access windows were stored with bookings, with bookings and payments in it.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const name = `qaz_windows_${process.pid}`;
let db: ScratchDatabase;
const ids = {
  partner: randomUUID(),
  provider: randomUUID(),
  user: randomUUID(),
  tour: randomUUID(),
  paid: randomUUID(),
  cancelled: randomUUID(),
  payment: randomUUID(),
  pending: randomUUID(),
};

beforeAll(async () => {
  db = await scratchDatabaseBefore(cfg.databaseUrl!, name, 'Migration20261126100000_edge_bound_exposure');
  const conn = db.orm.em.getConnection();
  await conn.execute(
    `insert into partners (id, name, kind, country, city) values (?, 'Old Partner', 'TOUR_OPERATOR', 'KZ', 'Алматы'), (?, 'Old Pay', 'PAYMENT_PROVIDER', 'KZ', 'Алматы')`,
    [ids.partner, ids.provider],
  );
  await conn.execute(`insert into users (id, role, status) values (?, 'TRAVELER', 'ACTIVE')`, [ids.user]);
  await conn.execute(
    `insert into tours (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity, seats_booked, status)
    values (?, ?, 'Old tour', 'ALMATY', '2026-03-01', '2026-03-05', 1000, 10, 2, 'ACTIVE')`,
    [ids.tour, ids.partner],
  );
  await conn.execute(
    `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key) values
    (?, ?, ?, 1, 'PAID', 1000, 'old-1'), (?, ?, ?, 1, 'CANCELLED', 1000, 'old-2'), (?, ?, ?, 1, 'PENDING_PAYMENT', 1000, 'old-3')`,
    [ids.paid, ids.user, ids.tour, ids.cancelled, ids.user, ids.tour, ids.pending, ids.user, ids.tour],
  );
  await conn.execute(
    `insert into payments (id, booking_id, provider_id, amount_kzt, status, external_ref, created_at) values (?, ?, ?, 1000, 'CONFIRMED', 'OLD-1', '2026-02-01T10:00:00Z')`,
    [ids.payment, ids.paid, ids.provider],
  );
  await db.orm.migrator.up();
});

afterAll(async () => {
  await db.drop();
});

describe('migrating bookings and payments written before edge-bound exposure', () => {
  it('gives every existing booking its window once, from the tour dates of that day (end + 30 days), and loses no booking', async () => {
    const rows = await db.orm.em.getConnection().execute<{ id: string; ok: boolean }[]>(`select b.id, b.access_until = (t.ends_on + 31)::timestamptz as ok
      from bookings b join tours t on t.id = b.tour_id order by b.id`);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.paid, ids.cancelled, ids.pending].sort());
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it('keeps the window when the tour is moved afterwards, and gives new bookings theirs from the tour as it is then', async () => {
    const conn = db.orm.em.getConnection();
    const [before] = await conn.execute<{ until: Date }[]>('select access_until as until from bookings where id = ?', [ids.paid]);
    await conn.execute("update tours set starts_on = '2027-05-01', ends_on = '2027-05-03' where id = ?", [ids.tour]);
    const [after] = await conn.execute<{ until: Date }[]>('select access_until as until from bookings where id = ?', [ids.paid]);
    expect(after.until).toEqual(before.until);
    const fresh = randomUUID();
    await conn.execute(`insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key) values (?, ?, ?, 1, 'PENDING_PAYMENT', 1000, 'new-1')`, [
      fresh,
      ids.user,
      ids.tour,
    ]);
    const [row] = await conn.execute<{ ok: boolean }[]>("select access_until = '2027-06-03'::date::timestamptz as ok from bookings where id = ?", [fresh]);
    expect(row.ok).toBe(true);
  });

  it('dates the outcome of decided payments no later than it happened (their creation), so no provider window is widened', async () => {
    const [p] = await db.orm.em.getConnection().execute<{ settled: Date }[]>('select settled_at as settled from payments where id = ?', [ids.payment]);
    expect(new Date(p.settled)).toEqual(new Date('2026-02-01T10:00:00Z'));
  });
});
