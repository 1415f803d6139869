import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../src/config/config.js';
import { migrateDatabase } from '../../src/app/database.js';
import { Sql } from '../../src/db/sql.js';
import { BEFORE_PLAIN_PII_DROP } from '../../src/migrations/index.js';
import { encryptField } from '../../src/privacy/field-crypto.js';
import { createPiiVault, masterKeys } from '../../src/privacy/pii-vault.js';
import { personsByIds } from '../../src/users/user.service.js';
import { personValues } from '../support/persons.js';
import { scratchDatabaseBefore, type ScratchDatabase } from '../support/scratch-db.js';

// A database of its own on the test server, migrated only up to the schema that kept personal values in plain columns.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const name = `qaz_backfill_${process.pid}`;
let db: ScratchDatabase;
let orm: MikroORM;

const full = {
  id: randomUUID(),
  phone: '+77011234567',
  surname: 'Legacy',
  firstName: 'Aruzhan',
  patronymic: 'Serikovna',
  email: 'aruzhan@legacy.kz',
  iin: '950101400123',
  passport: 'N70000001',
};
const phoneOnly = { id: randomUUID(), phone: '+77019876543' };
const erased = { id: randomUUID() };

beforeAll(async () => {
  db = await scratchDatabaseBefore(cfg.databaseUrl!, name, BEFORE_PLAIN_PII_DROP);
  orm = db.orm;
  const master = masterKeys(cfg);
  await orm.em.getConnection().execute(
    `insert into users (id, phone, surname, first_name, patronymic, gender, email, messengers, iin_enc, iin_bidx, passport_enc, status) values
    (?, ?, ?, ?, ?, 'FEMALE', ?, '{"telegram":"@aruzhan_l"}', ?, 'bidx-kept', ?, 'ACTIVE'), (?, ?, null, null, null, null, null, null, null, null, null, 'ACTIVE'),
    (?, null, null, null, null, null, null, null, null, null, null, 'DELETED')`,
    [
      full.id,
      full.phone,
      full.surname,
      full.firstName,
      full.patronymic,
      full.email,
      encryptField(master, full.iin, full.id),
      encryptField(master, full.passport, full.id),
      phoneOnly.id,
      phoneOnly.phone,
      erased.id,
    ],
  );
});

afterAll(async () => {
  await db.drop();
});

describe('migrating users written before per-user keys', () => {
  it('refuses to drop the plain columns while they hold values that were not sealed, and loses nothing', async () => {
    await expect(orm.migrator.up()).rejects.toThrow(/not sealed/);
    const [row] = await orm.em.getConnection().execute<{ phone: string }[]>('select phone from users where id = ?', [full.id]);
    expect(row.phone).toBe(full.phone);
  });

  it('seals every value under a new key of each user, then drops the plain columns', async () => {
    await migrateDatabase(orm, cfg);
    expect(await orm.migrator.getPending()).toEqual([]);
    const conn = orm.em.getConnection();
    const columns = (await conn.execute<{ c: string }[]>("select column_name as c from information_schema.columns where table_schema = 'public' and table_name = 'users'")).map(
      (r) => r.c,
    );
    expect(columns).toEqual(expect.arrayContaining(['pii_enc', 'phone_bidx', 'iin_bidx', 'gender']));
    for (const gone of ['phone', 'surname', 'first_name', 'patronymic', 'email', 'messengers', 'iin_enc', 'passport_enc']) expect(columns).not.toContain(gone);

    const vault = createPiiVault(cfg);
    const pool = await conn.getNativeClient();
    const people = new Map((await personsByIds(new Sql(pool), vault, [full.id, phoneOnly.id, erased.id])).map((p) => [p.id, p]));
    expect(personValues(people.get(full.id)!)).toEqual({
      id: full.id,
      gender: 'FEMALE',
      status: 'ACTIVE',
      phone: full.phone,
      surname: full.surname,
      firstName: full.firstName,
      patronymic: full.patronymic,
      email: full.email,
      messengers: { telegram: '@aruzhan_l' },
      iin: full.iin,
      passport: full.passport,
      fullName: `${full.firstName} ${full.patronymic} ${full.surname}`,
      passportNumber: full.passport,
    });
    expect(people.get(phoneOnly.id)).toMatchObject({ phone: phoneOnly.phone, surname: null, iin: null });
    expect(people.get(erased.id)).toMatchObject({ status: 'DELETED', phone: null, surname: null });

    const keys = await conn.execute<{ user_id: string }[]>('select user_id from keyring.user_keys order by user_id');
    expect(keys.map((k) => k.user_id).sort()).toEqual([full.id, phoneOnly.id].sort());
    const [bidx] = await conn.execute<{ phone_bidx: string; iin_bidx: string; passport_bidx: string }[]>('select phone_bidx, iin_bidx, passport_bidx from users where id = ?', [
      full.id,
    ]);
    expect(bidx).toEqual({
      phone_bidx: vault.blindIndex('PHONE', full.phone),
      iin_bidx: vault.blindIndex('IIN', full.iin),
      passport_bidx: vault.blindIndex('PASSPORT', full.passport),
    });
  });

  it('is a no-op once applied', async () => {
    const before = await orm.em.getConnection().execute<{ pii_enc: string }[]>('select pii_enc from users order by id');
    await migrateDatabase(orm, cfg);
    expect(await orm.em.getConnection().execute('select pii_enc from users order by id')).toEqual(before);
  });
});
