import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { verifySecret } from '../../src/oauth/secret-hash.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase, type Database } from '../../src/app/database.js';
import { createPiiVault } from '../../src/privacy/pii-vault.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { DEMO_CLIENTS, DEMO_TRAVELERS, generateDemo, seedDemo } from '../../seeds/demo.seeder.js';

// A database of its own on the run's server, so reseeding never races the suites that read qaz_test.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const DB_NAME = `qaz_seed_${process.pid}`;
const OPTIONS = { users: 150, seed: 42 };
const expected = generateDemo(OPTIONS);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cfg.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let db: Database;
let counts: Record<string, number>;

beforeAll(async () => {
  if (!cfg.databaseUrl) throw new Error('DATABASE_URL is unset: run this suite through jest, whose global setup provides the test server');
  const url = new URL(cfg.databaseUrl);
  url.pathname = `/${DB_NAME}`;
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  db = await openDatabase({ ...cfg, databaseUrl: url.toString() }, () => {});
  await seedDemo(db.orm, cfg, OPTIONS);
  counts = await seedDemo(db.orm, cfg, OPTIONS);
}, 60_000);

afterAll(async () => {
  await db?.close();
  await admin(`drop database if exists ${DB_NAME} with (force)`);
});

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = await db.orm.em.getConnection().getNativeClient();
  return (await pool.query(sql, params)).rows as T[];
}

describe('seedDemo against Postgres', () => {
  it('replaces the previous seed rather than adding to it, with the generated ids', async () => {
    expect(counts.users).toBe(expected.users.length);
    const [{ n }] = await rows<{ n: number }>('select count(*)::int as n from users');
    expect(n).toBe(expected.users.length);
    const ids = await rows<{ id: string }>('select id from bookings order by id');
    expect(ids.map((r) => r.id)).toEqual(expected.bookings.map((b) => b.id).sort());
  });

  it('stores personal values only sealed under a per-user key, with blind indexes', async () => {
    const vault = createPiiVault(cfg);
    const [first] = DEMO_TRAVELERS;
    const [found] = await rows<{ id: string; pii_enc: string; wrapped_key: string }>(
      `select u.id, u.pii_enc, k.wrapped_key from users u
      join keyring.user_keys k on k.user_id = u.id where u.iin_bidx = $1`,
      [vault.blindIndex('IIN', first.iin)],
    );
    expect(found.id).toBe(first.id);
    expect(openPersonalData(vault, first.id, found.wrapped_key, found.pii_enc)).toMatchObject({ iin: first.iin, passport: first.passport, phone: first.phone });
    const dump = (await rows<{ t: string }>('select u::text as t from users u')).map((r) => r.t).join('\n');
    for (const u of expected.users) {
      for (const v of [u.iin, u.passport, u.phone, u.email]) if (v) expect(dump).not.toContain(v);
    }
    const [{ n }] = await rows<{ n: number }>('select count(*)::int as n from keyring.user_keys');
    expect(n).toBe(expected.users.length);
  });

  it('lets every demo client authenticate with its published secret', async () => {
    const stored = await rows<{ client_id: string; secret_hash: string }>('select client_id, secret_hash from api_clients');
    expect(stored).toHaveLength(DEMO_CLIENTS.length);
    const [operator] = DEMO_CLIENTS;
    const hash = stored.find((r) => r.client_id === operator.clientId)!.secret_hash;
    await expect(verifySecret(operator.clientSecret, hash)).resolves.toBe(true);
  });

  it('keeps seats_booked equal to the seats of bookings that hold them (not cancelled, expired or refunded)', async () => {
    const off = await rows(`select t.id from tours t
      left join (select tour_id, sum(seats)::int as s from bookings where status in ('PENDING_PAYMENT', 'PAID', 'COMPLETED') group by tour_id) b on b.tour_id = t.id
      where t.seats_booked <> coalesce(b.s, 0)`);
    expect(off).toEqual([]);
  });
});
