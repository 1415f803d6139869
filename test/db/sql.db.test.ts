import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { ormConfig } from '../../mikro-orm.config.js';
import { loadConfig } from '../../src/config/config.js';
import { Sql } from '../../src/db/sql.js';
import { statement } from '../../src/db/statement.js';
import { Partner } from '../../src/partners/partner.entity.js';

let orm: MikroORM;
let pool: pg.Pool;
let sql: Sql;
const observed: string[] = [];

beforeAll(async () => {
  let created: pg.Pool | undefined;
  orm = await MikroORM.init(
    ormConfig(loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl!, 4, undefined, (p) => {
      created = p;
    }),
  );
  orm.em.getConnection().getClient();
  pool = created!;
  sql = new Sql(pool, (name) => {
    observed.push(name);
    return () => {};
  });
});
afterAll(async () => {
  await orm.close(true);
});

interface Typed {
  at: Date;
  day: Date;
  days: Date[];
  big: string;
  num: string;
  ints: number[];
  span: { hours?: number };
}
const TYPED = statement<Typed, [at: string]>(
  't_sql_typed',
  `select $1::timestamptz as at, '2026-01-02'::date as day,
  array['2026-01-02'::date, '2026-03-04'::date] as days, 9007199254740993::bigint as big, 1.50::numeric as num,
  array[1, 2]::int[] as ints, interval '3 hours' as span`,
);
const PARTNER_NAME = statement<{ name: string }, [id: string]>('t_sql_partner_name', 'select name from partners where id = $1');
const RENAME = statement<never, [id: string, name: string]>('t_sql_partner_rename', 'update partners set city = $2 where id = $1');
const CONTEXT = statement<{ pid: number; txid: string }>('t_sql_context', 'select pg_backend_pid() as pid, txid_current()::text as txid');
const PREPARED = statement<{ name: string }>('t_sql_prepared', 'select name from pg_prepared_statements order by name');

function expectPgDefaults(row: Typed | undefined): void {
  expect(row!.at).toEqual(new Date('2026-05-06T07:08:09.010Z'));
  expect(row!.day).toBeInstanceOf(Date);
  expect(row!.days).toHaveLength(2);
  expect(row!.days[1]).toBeInstanceOf(Date);
  expect(row!.big).toBe('9007199254740993');
  expect(row!.num).toBe('1.50');
  expect(row!.ints).toEqual([1, 2]);
  expect(row!.span.hours).toBe(3);
}

function newPartner(): Partner {
  return Object.assign(new Partner(), { name: `t-sql-${Math.random()}`, kind: 'PROCESSOR', country: 'KZ', city: 'Almaty' });
}

describe('typed statements on the ORM pool', () => {
  it('run on the pool the ORM made, and parse as pg does by default (the ORM keeps dates as strings)', async () => {
    expectPgDefaults(await sql.one(TYPED, '2026-05-06T07:08:09.010Z'));
    const [ormRow] = await orm.em.fork().execute<{ at: unknown }[]>("select '2026-05-06T07:08:09.010Z'::timestamptz as at");
    expect(typeof ormRow.at).toBe('string');
    expect(pool.totalCount).toBeGreaterThan(0);
  });

  it('parse the same inside a transaction, by the same statement object', async () => {
    const row = await orm.em.fork().transactional((tem) => sql.within(tem).one(TYPED, '2026-05-06T07:08:09.010Z'));
    expectPgDefaults(row);
  });

  it('share the connection and transaction of the ORM writes, and stay named there', async () => {
    await orm.em.fork().transactional(async (tem) => {
      const [orm] = await tem.execute<{ pid: number; txid: string }[]>('select pg_backend_pid() as pid, txid_current()::text as txid');
      const tx = sql.within(tem);
      expect(await tx.one(CONTEXT)).toEqual(orm);
      expect((await tx.rows(PREPARED)).map((r) => r.name)).toContain('t_sql_context');
    });
  });

  it('commit with an entity flushed in the same transaction', async () => {
    const p = newPartner();
    await orm.em.fork().transactional(async (tem) => {
      tem.persist(p);
      await tem.flush();
      expect(await sql.within(tem).one(PARTNER_NAME, p.id)).toEqual({ name: p.name });
      expect(await sql.within(tem).count(RENAME, p.id, 'Astana')).toBe(1);
    });
    expect(await sql.one(PARTNER_NAME, p.id)).toEqual({ name: p.name });
    expect((await orm.em.fork().findOneOrFail(Partner, p.id)).city).toBe('Astana');
  });

  it('roll back with it', async () => {
    const p = newPartner();
    await expect(
      orm.em.fork().transactional(async (tem) => {
        tem.persist(p);
        await tem.flush();
        await sql.within(tem).count(RENAME, p.id, 'Astana');
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await sql.one(PARTNER_NAME, p.id)).toBeUndefined();
  });

  it('are observed by name on the pool and in transactions', async () => {
    observed.length = 0;
    await sql.rows(CONTEXT);
    await orm.em.fork().transactional((tem) => sql.within(tem).rows(CONTEXT));
    expect(observed).toEqual(['t_sql_context', 't_sql_context']);
  });

  it('refuse a name declared again with another text, and an EntityManager outside a transaction', () => {
    expect(statement('t_sql_context', 'select pg_backend_pid() as pid, txid_current()::text as txid')).toEqual(CONTEXT);
    expect(() => statement('t_sql_context', 'select 1')).toThrow(/two different texts/);
    expect(() => sql.within(orm.em.fork())).toThrow(/inside one/);
  });
});
