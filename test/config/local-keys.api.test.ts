import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { pseudonymize } from '../../src/privacy/privacy.pseudonym.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { AnalyticsTravellersDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

// The key an attacker with the source code would try: what the configuration used to fall back to.
const FORMER_SOURCE_KEY = Buffer.from('dev-only-not-secret:ANALYTICS_PSEUDONYM_KEY'.padEnd(32, '.').slice(0, 32));

async function pseudonymsServedFrom(dataDir: string): Promise<{ pseudonyms: string[]; userIds: string[] }> {
  const gw = await startTestGateway({ QAZ_DATA_DIR: dataDir });
  try {
    const headers = bearer(await tokenFor(gw, 'ANALYST', { sub: DEMO_STAFF.analyst.id }));
    const { body } = await gql(gw.url, AnalyticsTravellersDocument, { first: 20 }, headers);
    expect(body.errors).toBeUndefined();
    const users = await gw.services.sql.rows<{ id: string }>('t_all_user_ids', 'select id from users');
    return { pseudonyms: body.data!.analytics.travellers.nodes.map((n) => n.pseudonym), userIds: users.map((u) => u.id) };
  } finally {
    await gw.close();
  }
}

describe('keys outside production', () => {
  it('are random per data folder and kept across restarts, so the source does not re-identify analytics pseudonyms', async () => {
    const dirA = mkdtempSync(join(tmpdir(), 'qaz-data-'));
    const { pseudonyms: first, userIds } = await pseudonymsServedFrom(dirA);
    expect(first.length).toBeGreaterThan(0);
    expect((await pseudonymsServedFrom(dirA)).pseudonyms).toEqual(first);
    const other = (await pseudonymsServedFrom(mkdtempSync(join(tmpdir(), 'qaz-data-')))).pseudonyms;
    expect(other.filter((p) => first.includes(p))).toEqual([]);
    const guessed = new Set(userIds.map((id) => pseudonymize(FORMER_SOURCE_KEY, 'PERSON', id)));
    expect([...first, ...other].filter((p) => guessed.has(p))).toEqual([]);
  });
});
