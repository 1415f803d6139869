import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { postRaw } from '../support/http.js';

const key = () => randomBytes(32).toString('base64');
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway(loadConfig({
    NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL,
    JWT_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'qaz-keys-')), 'keys'), PII_KEYS: `k1:${key()}`, BLIND_INDEX_KEY: key(),
    PSEUDONYM_KEY: key(), ANALYTICS_PSEUDONYM_KEY: key(), AUTH_HMAC_KEY: key(),
  }));
});
afterAll(async () => { await gw.close(); });

describe('production mode', () => {
  it('refuses introspection', async () => {
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __schema { types { name } } }' }));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const { body } = await postRaw(gw.url, JSON.stringify({ query: '{ tour(id: "x") { titl } }' }));
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('still serves public queries', async () => {
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ tours(first: 1) { nodes { id } } }' }));
    expect(status).toBe(200);
    expect(body.data.tours.nodes).toHaveLength(1);
  });
});
