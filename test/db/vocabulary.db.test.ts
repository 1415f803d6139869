import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { CONSENT_PURPOSES, EDGES, PRINCIPAL_KINDS, PURPOSES } from '../../src/privacy/privacy.vocabulary.js';

// The database's checks come from the const arrays in privacy.vocabulary; this reads them back from the catalog.
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl! });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function allowed(constraint: string): Promise<string[]> {
  // Partitions (of the disclosure log) inherit their parent's checks under the same name: the declared one is the local one.
  const { rows } = await client.query<{ def: string }>('select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1 and conislocal', [constraint]);
  expect(rows).toHaveLength(1);
  return [...rows[0].def.matchAll(/'([A-Z_]+)'::text/g)].map((m) => m[1]).sort();
}

describe('the database allows exactly the vocabulary', () => {
  it.each([
    ['consents_purpose_check', CONSENT_PURPOSES],
    ['consent_events_purpose_check', CONSENT_PURPOSES],
    ['disclosures_edge_check', EDGES],
    ['disclosures_recipient_kind_check', PRINCIPAL_KINDS],
    ['disclosures_purpose_check', [...PURPOSES, 'NONE']],
  ] as const)('%s', async (constraint, values) => {
    expect(await allowed(constraint)).toEqual([...values].sort());
  });
});
