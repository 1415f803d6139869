import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { issueAccessToken } from '../src/oauth/access-token.js';
import { loadOrCreateKeyRing } from '../src/oauth/signing-keys.js';
import type { Config } from '../src/config/config.js';
import { buildBaseSchema } from '../src/graphql/schema.js';
import type { Fixtures } from './fixtures.js';
import type { Traffic } from './load.js';
import { s5, s6, type S5Args, type S5Shape } from './scenarios.js';
import { data, type Target } from './targets.js';
import { RESOLVERS } from '../src/app/modules.js';

/** createBooking's argument types, read from the gateway's schema as built from the code (introspection would exceed the query cost limit). */
export async function createBookingShape(): Promise<{ shape: S5Shape | null; note: string }> {
  const field = (await buildBaseSchema(RESOLVERS)).getMutationType()?.getFields().createBooking;
  if (!field) return { shape: null, note: 'pending: createBooking is not in the gateway schema yet' };
  const arg = (name: string) => field.args.find((a) => a.name === name);
  const [tourId, seats, key] = [arg('tourId'), arg('seats'), arg('idempotencyKey')];
  if (!tourId || !seats || !key) return { shape: null, note: `pending: createBooking takes (${field.args.map((a) => a.name).join(', ')}), not (tourId, seats, idempotencyKey)` };
  return { shape: { tourId: String(tourId.type), seats: String(seats.type), idempotencyKey: String(key.type) }, note: 'createBooking found' };
}

/** A traveller's token per consenting user, from the gateway's own key ring (tokens for travellers come from SMS login otherwise). */
export async function travellerTokens(cfg: Config, userIds: string[]): Promise<Map<string, string>> {
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  return new Map(await Promise.all(userIds.map(async (id) => [id, await issueAccessToken(ring, cfg, { sub: id, kind: 'USER', clientId: 'qaztracker-mobile' }, 3600)] as const)));
}

function authFor(kind: string, tokens: Map<string, string>, userId: string): Record<string, string> {
  return kind === 'gateway' ? { authorization: `Bearer ${tokens.get(userId)}` } : {};
}

function nextArgs(fx: Fixtures): S5Args {
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  return { userId: pick(fx.writeUserIds), tourId: pick(fx.writeTourIds), seats: 1, idempotencyKey: randomUUID() };
}

/** Every request a fresh idempotency key, a random consenting traveller and one of the large-capacity tours. */
export function writeTraffic(kind: 'raw' | 'gateway', fx: Fixtures, shape: S5Shape | null, tokens: Map<string, string>): Traffic {
  return {
    next: () => {
      const a = nextArgs(fx);
      return { ...s5(kind, a, shape), headers: authFor(kind, tokens, a.userId) };
    },
  };
}

/** One write through the target, and the booking row it should have left. */
export async function checkWrite(t: Target, dbUrl: string, fx: Fixtures, shape: S5Shape | null, tokens: Map<string, string>): Promise<string> {
  const a = nextArgs(fx);
  const { data: d } = await data(t, s5(t.kind as 'raw' | 'gateway', a, shape), authFor(t.kind, tokens, a.userId));
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query('select 1 from bookings where user_id = $1 and idempotency_key = $2', [a.userId, a.idempotencyKey]);
    const typename = (d.createBooking as { __typename: string }).__typename;
    if (rowCount !== 1) throw new Error(`S5 ${t.name}: answered ${typename} but wrote no booking`);
    return `S5 ${t.name}: ${typename}, booking row written`;
  } finally {
    await c.end();
  }
}

/** S6's traffic: the travellers' tokens in rotation, one per request. */
export function mobileTraffic(tokens: Map<string, string>): Traffic {
  const all = [...tokens.values()];
  let i = 0;
  return { next: () => ({ ...s6(), headers: { authorization: `Bearer ${all[i++ % all.length]}` } }) };
}
