import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CreateBookingDocument } from '../generated/operations.js';
import { freePort } from '../support/free-port.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { insertTour, OPERATORS, setBookingConsent, tourSeats, travellers, userHeaders } from './booking.fixtures.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const KEYS = 8;
const COPIES = 3;

// The in-process gateway only mints tokens and reads the database; the child process is the one killed.
let gw: RunningGateway;
let child: ChildProcess | null = null;
let port: number;
beforeAll(async () => {
  gw = await startTestGateway();
  port = await freePort();
});
afterAll(async () => {
  await stopChild('SIGKILL');
  await gw.close();
});

async function startChild(): Promise<string> {
  const proc = spawn(`${ROOT}node_modules/.bin/node`, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'silent', QAZ_DATA_DIR: `${ROOT}.data/test` },
    stdio: 'ignore',
  });
  child = proc;
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    if (proc.exitCode !== null) throw new Error(`gateway exited with ${proc.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gateway did not become ready');
}

async function stopChild(signal: NodeJS.Signals): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill(signal);
  await exited;
}

async function rowsByKey(userId: string, keys: string[]): Promise<Map<string, string[]>> {
  const rows = await gw.services.sql.rows<{ key: string; id: string }>(
    't_crash_rows',
    'select idempotency_key as key, id from bookings where user_id = $1 and idempotency_key = any($2::text[])',
    [userId, keys],
  );
  const out = new Map(keys.map((k) => [k, [] as string[]]));
  for (const r of rows) out.get(r.key)!.push(r.id);
  return out;
}

describe('a crash between the write and the reply', () => {
  it('SIGKILL while bookings are in flight: each key has at most one booking, seats match, and retries after restart return that booking', async () => {
    const sql = gw.services.sql;
    const [user] = await travellers(sql, 1, 40, false);
    await setBookingConsent(sql, [user], true);
    const headers = await userHeaders(gw, user);
    const seen = { lost: 0, committedUnanswered: 0 };
    // The kill follows the first commits seen in the database: between a write and its reply, without any hook in the gateway.
    for (const killAfterCommits of [1, 2, 4]) {
      let url = await startChild();
      const tourId = await insertTour(sql, { partnerId: OPERATORS[1], capacity: KEYS * COPIES + 1 });
      // One booking first, so the kill meets a warm process rather than its first-request set-up.
      await gql(url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, headers);
      const keys = Array.from({ length: KEYS }, () => randomUUID());
      const answered = new Set<string>();
      const inFlight = keys.flatMap((key) =>
        Array.from({ length: COPIES }, () =>
          gql(url, CreateBookingDocument, { tourId, seats: 1, key }, headers).then(
            (r) => {
              if (r.body.data?.createBooking.__typename === 'BookingCreated') answered.add(key);
            },
            () => undefined,
          ),
        ),
      );
      for (const until = Date.now() + 10_000; Date.now() < until;) {
        const [{ n }] = await sql.rows<{ n: number }>('t_crash_committed', 'select count(*)::int as n from bookings where user_id = $1 and idempotency_key = any($2::text[])', [
          user,
          keys,
        ]);
        if (n >= killAfterCommits) break;
      }
      await stopChild('SIGKILL');
      await Promise.all(inFlight);

      const before = await rowsByKey(user, keys);
      for (const ids of before.values()) expect(ids.length).toBeLessThanOrEqual(1);
      const afterCrash = await tourSeats(sql, tourId);
      expect(afterCrash.seatsBooked).toBe(afterCrash.held);
      for (const [key, ids] of before) {
        if (!ids.length) seen.lost++;
        else if (!answered.has(key)) seen.committedUnanswered++;
      }

      url = await startChild();
      for (const key of keys) {
        const { body } = await gql(url, CreateBookingDocument, { tourId, seats: 1, key }, headers);
        const r = body.data!.createBooking;
        if (r.__typename !== 'BookingCreated') throw new Error(`retry got ${r.__typename}`);
        const prior = before.get(key)!;
        if (prior.length) expect(r.booking.id).toBe(prior[0]);
      }
      const after = await rowsByKey(user, keys);
      for (const ids of after.values()) expect(ids).toHaveLength(1);
      expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: KEYS + 1, held: KEYS + 1 });
      await stopChild('SIGKILL');
    }
    expect(seen.lost).toBeGreaterThan(0);
    expect(seen.committedUnanswered).toBeGreaterThan(0);
  }, 300_000);
});
