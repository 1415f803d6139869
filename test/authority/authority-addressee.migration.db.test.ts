import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { scratchDatabaseBefore, type ScratchDatabase } from '../support/scratch-db.js';

// Databases of their own, migrated up to just before the reference records, holding requests recorded with no addressee.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const MIGRATION = 'Migration20261126120000_reference_records';
const opened: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.drop();
});

/** A legacy database with these authority accounts and one recorded request; returns the request's addressee after the migration. */
async function addresseeAfterMigration(name: string, authorities: string[]): Promise<string | null> {
  const db = await scratchDatabaseBefore(cfg.databaseUrl!, `${name}_${process.pid}`, MIGRATION);
  opened.push(db);
  const conn = db.orm.em.getConnection();
  const [admin, subject, request] = [randomUUID(), randomUUID(), randomUUID()];
  const users = [{ id: admin, role: 'ADMIN' }, { id: subject, role: 'TRAVELER' }, ...authorities.map((id) => ({ id, role: 'AUTHORITY' }))];
  // One JSON parameter: the driver would spread a JS array into a list of parameters.
  await conn.execute(`insert into users (id, role, status) select id, role, 'ACTIVE' from jsonb_to_recordset(?::jsonb) as u(id uuid, role text)`, [JSON.stringify(users)]);
  await conn.execute(
    `insert into authority_requests (id, agency, legal_basis, case_number, subject_id, kinds, expires_at, recorded_by_id, status)
    values (?, 'АФМ', 'Закон 94-V', 'OLD-1', ?, '{IIN}', now() + interval '30 days', ?, 'RECORDED')`,
    [request, subject, admin],
  );
  await db.orm.migrator.up({ to: MIGRATION });
  const [row] = await conn.execute<{ addressed_to_id: string | null }[]>('select addressed_to_id from authority_requests where id = ?', [request]);
  return row.addressed_to_id;
}

describe('existing authority requests get an addressee only when it is unambiguous', () => {
  it('go to the only authority account there is', async () => {
    const only = randomUUID();
    expect(await addresseeAfterMigration('qaz_addressee_one', [only])).toBe(only);
  });

  it('stay unaddressed, so unusable, when there are several authority accounts or none', async () => {
    expect(await addresseeAfterMigration('qaz_addressee_two', [randomUUID(), randomUUID()])).toBeNull();
    expect(await addresseeAfterMigration('qaz_addressee_none', [])).toBeNull();
  });
});
