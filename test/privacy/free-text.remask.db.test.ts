import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { scratchDatabaseBefore, type ScratchDatabase } from '../support/scratch-db.js';

// A database of its own, migrated up to just before the re-masking, holding texts the old scrubber let through and texts masked
// with the Russian placeholders stored until they turned English.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const name = `qaz_remask_${process.pid}`;
let db: ScratchDatabase;
const ids = {
  user: randomUUID(),
  review: randomUUID(),
  clean: randomUUID(),
  booking: randomUUID(),
  event: randomUUID(),
  russian: randomUUID(),
  full: randomUUID(),
  russianEvent: randomUUID(),
};
const LEGACY = 'Гид супер, ИИН 890710 399358, паспорт N12345678, тел 8.701.123.45.67, name(at)mail.kz';
const CLEAN = 'Цена 210 000 тг, выезд 12.07.2026, 12 человек';
const RUSSIAN = 'Гид супер, ИИН [IIN скрыт], паспорт [документ скрыт], тел [телефон скрыт], [e-mail скрыт]';
const MASKED = 'Гид супер, ИИН [IIN hidden], паспорт [document hidden], тел [phone hidden], [e-mail hidden]';
// 2000 characters as stored; the English IIN placeholder is one character longer.
const FULL = `${'а'.repeat(1989)}[IIN скрыт]`;

beforeAll(async () => {
  db = await scratchDatabaseBefore(cfg.databaseUrl!, name, 'Migration20261126150200_remask_free_text');
  const conn = db.orm.em.getConnection();
  await conn.execute(`insert into users (id, status) values (?, 'ACTIVE')`, [ids.user]);
  await conn.execute(
    `with p as (insert into partners (id, name, kind, country, city) values (gen_random_uuid(), 'Legacy Tours', 'TOUR_OPERATOR', 'KZ', 'Almaty') returning id),
      t as (insert into tours (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity) select gen_random_uuid(), p.id, 'Charyn', 'ALMATY', '2026-05-01', '2026-05-02', 20000, 10 from p returning id),
      r as (insert into reviews (id, author_id, tour_id, rating, text) select ?, ?, t.id, 4, ? from t),
      b as (insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key) select ?, ?, t.id, 1, 'CANCELLED', 20000, 'legacy' from t returning id)
    insert into booking_events (id, booking_id, status, actor_kind, reason) select ?, b.id, 'CANCELLED', 'USER', ? from b`,
    [ids.review, ids.user, LEGACY, ids.booking, ids.user, ids.event, LEGACY],
  );
  await conn.execute(`insert into reviews (id, author_id, tour_id, rating, text) select ?, null, tour_id, 5, ? from reviews where id = ?`, [ids.clean, CLEAN, ids.review]);
  await conn.execute(
    `insert into reviews (id, author_id, tour_id, rating, text) select x.id, null, r.tour_id, x.rating, x.text from reviews r,
      (values (?::uuid, 3, ?), (?::uuid, 2, ?)) as x(id, rating, text) where r.id = ?`,
    [ids.russian, RUSSIAN, ids.full, FULL, ids.review],
  );
  await conn.execute(`insert into booking_events (id, booking_id, status, actor_kind, reason) values (?, ?, 'CANCELLED', 'USER', ?)`, [ids.russianEvent, ids.booking, RUSSIAN]);
  await conn.execute(`insert into account_erasures (id, user_id, actor_kind, actor_id, reason, at) values (gen_random_uuid(), ?, 'ADMIN', null, ?, now())`, [ids.user, RUSSIAN]);
  await db.orm.migrator.up();
});
afterAll(async () => {
  await db.drop();
});

describe('migrating stored masked texts', () => {
  it('masks what the old scrubber let through in reviews and cancellation reasons, and leaves clean texts as they were', async () => {
    const conn = db.orm.em.getConnection();
    const reviews = await conn.execute<{ id: string; text: string }[]>('select id, text from reviews where id in (?, ?) order by rating', [ids.review, ids.clean]);
    expect(reviews).toEqual([
      { id: ids.review, text: MASKED },
      { id: ids.clean, text: CLEAN },
    ]);
    const [event] = await conn.execute<{ reason: string }[]>('select reason from booking_events where id = ?', [ids.event]);
    expect(event.reason).toBe(MASKED);
  });

  it('turns the Russian placeholders stored before into English ones, except where a review would grow past 2000 characters', async () => {
    const conn = db.orm.em.getConnection();
    const reviews = await conn.execute<{ id: string; text: string }[]>('select id, text from reviews where id in (?, ?) order by rating', [ids.full, ids.russian]);
    expect(reviews).toEqual([
      { id: ids.full, text: FULL },
      { id: ids.russian, text: MASKED },
    ]);
    const [event] = await conn.execute<{ reason: string }[]>('select reason from booking_events where id = ?', [ids.russianEvent]);
    expect(event.reason).toBe(MASKED);
    const [erasure] = await conn.execute<{ reason: string }[]>('select reason from account_erasures where user_id = ?', [ids.user]);
    expect(erasure.reason).toBe(MASKED);
  });
});
