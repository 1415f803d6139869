import { createHash, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { asUser, bareTraveller } from '../support/users.js';

// One Redis and one Postgres for two instances; a key prefix of this run's own, so parallel runs never share counters.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `qaz-test-${process.pid}-${randomUUID().slice(0, 8)}:`;
const shared = { REDIS_URL, REDIS_KEY_PREFIX: PREFIX, TRUST_PROXY: '127.0.0.1', RATE_LIMIT_USER_PER_MINUTE: '5' };
let a: RunningGateway;
let b: RunningGateway;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestGateway(shared), startTestGateway(shared)]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

async function post(gw: RunningGateway, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const requestCode = (gw: RunningGateway, forwardedFor: string) =>
  post(
    gw,
    {
      query: 'mutation($p: String!) { requestLoginCode(phone: $p) { __typename } }',
      variables: { p: `+7747${String(randomInt(0, 10_000_000)).padStart(7, '0')}` },
    },
    { 'x-forwarded-for': forwardedFor },
  );

describe('two instances sharing Redis', () => {
  it("holds a user's rate limit spent through one instance on the other", async () => {
    const user = await asUser(a, await bareTraveller(a));
    const remaining: string[] = [];
    for (const gw of [a, a, a, b, b]) {
      const r = await post(gw, { query: '{ __typename }' }, user);
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    for (const gw of [b, a]) {
      const refused = await post(gw, { query: '{ __typename }' }, user);
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('ratelimit-limit')).toBe('5');
      expect(refused.headers.get('ratelimit-policy')).toBe('5;w=60');
    }
    const other = await post(b, { query: '{ __typename }' }, await asUser(b, await bareTraveller(b)));
    expect(other.status).toBe(200);
  });

  it('counts the login throttle per client address across both, with the address from a trusted proxy', async () => {
    const client = `203.0.113.${randomInt(1, 250)}`;
    for (let i = 0; i < 20; i++) {
      const r = await requestCode(i % 2 ? b : a, client);
      expect(r.body.data?.requestLoginCode.__typename).toBe('LoginCodeSent');
    }
    for (const gw of [a, b]) expect((await requestCode(gw, client)).body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    const neighbour = await requestCode(a, `203.0.113.${client.endsWith('.251') ? 252 : 251}`);
    expect(neighbour.body.data?.requestLoginCode.__typename).toBe('LoginCodeSent');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const untrusting = await startTestGateway({ ...shared, TRUST_PROXY: '' });
    try {
      const client = `198.51.100.${randomInt(1, 250)}`;
      for (let i = 0; i < 20; i++) await requestCode(a, client);
      // Counted under the peer's own address (127.0.0.1), which has spent nothing in this run.
      const r = await requestCode(untrusting, client);
      expect(r.body.data?.requestLoginCode.__typename).toBe('LoginCodeSent');
    } finally {
      await untrusting.close();
    }
  });

  it('finds a persisted query registered through the other instance', async () => {
    const query = `{ tours(first: 1) { nodes { id } } } # ${PREFIX}`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    expect((await post(b, { extensions: { persistedQuery } })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a, { query, extensions: { persistedQuery } })).status).toBe(200);
    const r = await post(b, { extensions: { persistedQuery } });
    expect(r.status).toBe(200);
    expect(r.body.data.tours.nodes).toHaveLength(1);
  });
});

describe('Redis away', () => {
  it('limits locally, and says so in the metrics', async () => {
    const gw = await startTestGateway({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_USER_PER_MINUTE: '2' });
    try {
      const user = await asUser(gw, await bareTraveller(gw));
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(gw, { query: '{ __typename }' }, user)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const metrics = await (await fetch(`${gw.url}/metrics`)).text();
      expect(metrics).toMatch(/^qaz_rate_limit_local_decisions_total\{limiter="caller_user"\} 3$/m);
      expect(metrics).toMatch(/^qaz_rate_limit_refusals_total\{limiter="caller_user"\} 1$/m);
    } finally {
      await gw.close();
    }
  });
});
