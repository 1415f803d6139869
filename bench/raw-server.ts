// The 100% line: plain node:http and pg running the gateway's own statements, no GraphQL, no privacy layer.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { bookingsByTours } from '../src/bookings/booking.service.js';
import { loadConfig } from '../src/config/config.js';
import { Sql } from '../src/db/sql.js';
import { groupByKey } from '../src/graphql/group-by.js';
import { createPiiVault } from '../src/privacy/pii-vault.js';
import { toursOfPartner } from '../src/tour-admin/tour-admin.service.js';
import { toursByIds, type TourRow } from '../src/tours/tour.service.js';
import { personsByIds, type PersonRow } from '../src/users/user.service.js';
import { s4Spec, type S5Args, type TourField } from './scenarios.js';
import type { KeyCursor } from '../src/graphql/cursor.js';

const cfg = loadConfig();
const vault = createPiiVault(cfg);
const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.dbPoolMax });
pool.on('error', () => {});
const sql = new Sql(pool);

let requests = 0;

type Json = Record<string, unknown>;

function traveller(p: PersonRow): Json {
  return {
    id: p.id,
    fullName: [p.firstName, p.patronymic, p.surname].filter(Boolean).join(' ') || null,
    phone: p.phone,
    iin: p.iin,
    passportNumber: p.passport,
    gender: p.gender,
  };
}

async function s1(body: { partnerId: string; after: KeyCursor | null; first: number; bookings: number }): Promise<Json> {
  const tours = (await toursOfPartner(sql, body.partnerId, body.after, body.first + 1)).slice(0, body.first);
  const ids = tours.map((t) => t.id);
  const bookings = groupByKey(ids, await bookingsByTours(sql, ids, null, body.bookings), (b) => b.tourId);
  const people = new Map((await personsByIds(sql, vault, [...new Set(bookings.flat().map((b) => b.userId))])).map((p) => [p.id, p]));
  // The gateway pages a tour's bookings, so raw answers in the same shape.
  const nodes = tours.map((t, i) => ({ id: t.id, title: t.title, bookings: { nodes: bookings[i].map((b) => ({ id: b.id, seats: b.seats, traveller: traveller(people.get(b.userId)!) })) } }));
  return { partnerTours: { nodes } };
}

function pick(t: TourRow, fields: { name: TourField; as: string }[]): Json {
  return Object.fromEntries(fields.map((f) => [f.as, t[f.name]]));
}

const S2_FIELDS = (['id', 'title', 'region', 'startsOn', 'priceKzt', 'capacity'] as const).map((name) => ({ name, as: name }));

async function s2(body: { id: string }): Promise<Json> {
  const [t] = await toursByIds(sql, [body.id]);
  return { tour: pick(t, S2_FIELDS) };
}

async function s4(body: { op: number; id: string }): Promise<Json> {
  const spec = s4Spec(body.op);
  const [t] = await toursByIds(sql, [body.id]);
  return { [spec.alias]: pick(t, spec.fields) };
}

// The same kind of write the gateway's createBooking makes: take seats, insert the booking and its first event, in one transaction.
async function s5(a: S5Args): Promise<Json> {
  const c = await pool.connect();
  const run = <R extends pg.QueryResultRow = never>(name: string, text: string, values: unknown[]) => { sql.stats.statements++; return c.query<R>({ name, text, values }); };
  try {
    await run('bench_begin', 'begin', []);
    const seats = await run<{ priceKzt: number }>('bench_s5_seats', `update tours set seats_booked = seats_booked + $2
      where id = $1 and status = 'ACTIVE' and capacity - seats_booked >= $2 returning price_kzt as "priceKzt"`, [a.tourId, a.seats]);
    if (!seats.rowCount) {
      await run('bench_rollback', 'rollback', []);
      return { createBooking: { __typename: 'TourFull' } };
    }
    const booking = await run<{ id: string }>('bench_s5_booking', `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key)
      values (gen_random_uuid(), $1, $2, $3, 'PENDING_PAYMENT', $4, $5) returning id`, [a.userId, a.tourId, a.seats, a.seats * seats.rows[0].priceKzt, a.idempotencyKey]);
    await run('bench_s5_event', `insert into booking_events (id, booking_id, status, actor_kind) values (gen_random_uuid(), $1, 'PENDING_PAYMENT', 'USER')`, [booking.rows[0].id]);
    await run('bench_commit', 'commit', []);
    return { createBooking: { __typename: 'BookingCreated' } };
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally { c.release(); }
}

const ROUTES: Record<string, (body: never) => Promise<Json>> = { '/s1': s1, '/s2': s2, '/s4': s4, '/s5': s5 };

async function readJson(req: IncomingMessage): Promise<never> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as never;
}

// Every failure becomes a 500 inside answer(), so the server has no rejection to handle.
async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (req.url === '/stats') { res.end(JSON.stringify({ statements: sql.stats.statements, requests })); return; }
  requests++;
  const route = ROUTES[req.url ?? ''];
  if (!route || req.method !== 'POST') { res.statusCode = 404; res.end('{"error":"no such route"}'); return; }
  try {
    res.end(JSON.stringify({ data: await route(await readJson(req)) }));
  } catch (e) {
    res.statusCode = 500;
    res.end(JSON.stringify({ error: (e as Error).name }));
  }
}

const server = createServer((req, res) => void answer(req, res));

server.listen(cfg.port, cfg.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`raw ready: http://${cfg.host}:${port}`);
});

async function stop(): Promise<void> {
  server.closeAllConnections();
  server.close();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
