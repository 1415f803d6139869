import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';

let gw: RunningGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.close(); });

describe('IIN and passport at rest', () => {
  it('never appear in any plain column of any table', async () => {
    const sql = gw.services.sql;
    const users = await sql.rows<{ id: string; iin_enc: string; passport_enc: string | null }>('t_rest_users', 'select id, iin_enc, passport_enc from users where iin_enc is not null');
    expect(users.length).toBeGreaterThan(100);
    const secrets = users.flatMap((u) => [gw.services.cipher.decrypt(u.iin_enc, u.id), ...(u.passport_enc ? [gw.services.cipher.decrypt(u.passport_enc, u.id)] : [])]);
    const columns = await sql.rows<{ table_name: string; column_name: string }>('t_rest_cols', `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')`);
    const found: string[] = [];
    for (const { table_name: t, column_name: c } of columns) {
      const rows = await sql.rows<{ v: string }>(`t_rest_${t}_${c}`, `select "${c}"::text as v from "${t}" where "${c}" is not null`);
      const blob = rows.map((r) => r.v).join('\n');
      for (const s of secrets) if (blob.includes(s)) found.push(`${t}.${c}`);
    }
    expect(found).toEqual([]);
  });

  it('are bound to their row: a value copied to another user does not decrypt', async () => {
    const [a, b] = await gw.services.sql.rows<{ id: string; iin_enc: string }>('t_rest_two', 'select id, iin_enc from users where iin_enc is not null order by id limit 2');
    expect(() => gw.services.cipher.decrypt(a.iin_enc, b.id)).toThrow();
  });
});
