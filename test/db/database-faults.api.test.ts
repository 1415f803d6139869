import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { gatewayBackends, lockTable, post, waitFor } from '../support/faults.js';

const DB = process.env.DATABASE_URL!;
let gw: RunningGateway | undefined;
const watcher = new pg.Client({ connectionString: DB });
beforeAll(async () => {
  await watcher.connect();
});
afterAll(async () => {
  await watcher.end();
});
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

function expectUnavailable(a: { status: number; retryAfter: string | null; body: any }): void {
  expect(a.status).toBe(503);
  expect(a.retryAfter).toMatch(/^\d+$/);
  expect(a.body.errors[0].extensions.code).toBe('UNAVAILABLE');
  expect(a.body.data ?? null).toBeNull();
}

describe('database faults over real HTTP', () => {
  it('answers 503 within 3 s when every pooled connection is held by lock-blocked requests', async () => {
    gw = await startTestGateway({ DB_POOL_MAX: '2', DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '20000', REQUEST_DEADLINE_MS: '30000' });
    const lock = await lockTable(DB, 'tours');
    try {
      const blocked = [post(gw.url), post(gw.url)];
      await waitFor('two blocked requests', async () => (await gatewayBackends(watcher, true)).length === 2);
      const [next, ready] = await Promise.all([post(gw.url), fetch(`${gw.url}/readyz`)]);
      expectUnavailable(next);
      expect(next.ms).toBeLessThan(3000);
      expect(ready.status).toBe(503);
      await lock.release();
      for (const a of await Promise.all(blocked)) expect(a.status).toBe(200);
      expect((await post(gw.url)).status).toBe(200);
    } finally {
      await lock.release().catch(() => {});
    }
  });

  it('answers 503 to a statement over statement_timeout and serves the next request on the same connection', async () => {
    gw = await startTestGateway({ DB_POOL_MAX: '1', DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '300' });
    expect((await post(gw.url)).status).toBe(200);
    const lock = await lockTable(DB, 'tours');
    try {
      const before = await gatewayBackends(watcher);
      expect(before.length).toBeGreaterThan(0);
      expectUnavailable(await post(gw.url));
      await lock.release();
      expect((await post(gw.url)).status).toBe(200);
      expect(await gatewayBackends(watcher)).toEqual(before);
    } finally {
      await lock.release().catch(() => {});
    }
  });

  it('answers 503 when the backend is killed mid-request, and 200 to the next request', async () => {
    gw = await startTestGateway({ DB_POOL_MAX: '2', DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '20000' });
    const lock = await lockTable(DB, 'tours');
    try {
      const inFlight = post(gw.url);
      const [pid] = await waitFor('a blocked request', () => gatewayBackends(watcher, true).then((p) => p.length === 1 && p));
      await lock.client.query('select pg_terminate_backend($1)', [pid]);
      expectUnavailable(await inFlight);
      await lock.release();
      expect((await post(gw.url)).status).toBe(200);
    } finally {
      await lock.release().catch(() => {});
    }
  });

  it('answers 503 when a request outlives its deadline', async () => {
    gw = await startTestGateway({ DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '20000', REQUEST_DEADLINE_MS: '500' });
    const lock = await lockTable(DB, 'tours');
    try {
      const a = await post(gw.url);
      expectUnavailable(a);
      expect(a.ms).toBeLessThan(2000);
    } finally {
      await lock.release();
    }
  });

  it('answers 503 to a lock wait over lock_timeout', async () => {
    gw = await startTestGateway({ DB_LOCK_TIMEOUT_MS: '200' });
    const lock = await lockTable(DB, 'tours');
    try {
      expectUnavailable(await post(gw.url));
    } finally {
      await lock.release();
    }
  });
});
