import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { startTestGateway } from '../support/gateway.js';

let gw: RunningGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.close(); });

interface Sealed { id: string; pii_enc: string; wrapped_key: string }
const sealedUsers = () => gw.services.sql.rows<Sealed>('t_rest_users', `select u.id, u.pii_enc, k.wrapped_key from users u
  join keyring.user_keys k on k.user_id = u.id where u.pii_enc is not null order by u.id`);

describe('personal values at rest', () => {
  it('never appear in any plain column of any table, in any schema', async () => {
    const sql = gw.services.sql;
    const users = await sealedUsers();
    expect(users.length).toBeGreaterThan(100);
    const secrets = users.flatMap((u) => {
      const d = openPersonalData(gw.services.vault, u.id, u.wrapped_key, u.pii_enc);
      return [d.phone, d.email, d.iin, d.passport, d.messengers?.telegram, d.messengers?.whatsapp, d.firstName && d.surname && `${d.firstName} ${d.surname}`]
        .filter((v): v is string => typeof v === 'string');
    });
    expect(secrets.length).toBeGreaterThan(users.length * 3);
    const columns = await sql.rows<{ table_schema: string; table_name: string; column_name: string }>('t_rest_cols', `select table_schema, table_name, column_name
      from information_schema.columns where table_schema in ('public', 'keyring') and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')`);
    expect(columns.map((c) => `${c.table_schema}.${c.table_name}.${c.column_name}`)).toEqual(expect.arrayContaining(['public.users.pii_enc', 'keyring.user_keys.wrapped_key']));
    const found: string[] = [];
    for (const { table_schema: s, table_name: t, column_name: c } of columns) {
      const rows = await sql.rows<{ v: string }>(`t_rest_${s}_${t}_${c}`, `select "${c}"::text as v from "${s}"."${t}" where "${c}" is not null`);
      const blob = rows.map((r) => r.v).join('\n');
      for (const v of secrets) if (blob.includes(v)) found.push(`${s}.${t}.${c}`);
    }
    expect(found).toEqual([]);
  });

  it('are bound to their row: a sealed value or a data key copied to another user does not open', async () => {
    const [a, b] = await sealedUsers();
    const { vault } = gw.services;
    expect(openPersonalData(vault, a.id, a.wrapped_key, a.pii_enc).phone).toMatch(/^\+7\d{10}$/);
    expect(() => openPersonalData(vault, b.id, b.wrapped_key, a.pii_enc)).toThrow();
    expect(() => openPersonalData(vault, b.id, a.wrapped_key, a.pii_enc)).toThrow();
  });

  it('each user has a key of their own', async () => {
    const [{ users, keys }] = await gw.services.sql.rows<{ users: number; keys: number }>('t_rest_keys', `select
      (select count(*)::int from users where pii_enc is not null) as users, count(distinct k.wrapped_key)::int as keys
      from keyring.user_keys k join users u on u.id = k.user_id where u.pii_enc is not null`);
    expect(keys).toBe(users);
  });
});
