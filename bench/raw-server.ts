// The 100% line: plain node:http and pg running the gateway's own statements, no GraphQL, no privacy layer.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { partnerToursWithBookings } from '../src/bookings/booking.service.js';
import { createBooking } from '../src/bookings/booking-create.service.js';
import { loadConfig } from '../src/config/config.js';
import { Sql } from '../src/db/sql.js';
import { createPiiVault } from '../src/privacy/pii-vault.js';
import { toursByIds, type TourRow } from '../src/tours/tour.service.js';
import { openPerson, type PersonRow } from '../src/users/user.service.js';
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

// The gateway's one statement for a partner's tours with their bookings and travellers; the sealed records opened as it opens them.
async function s1(body: { partnerId: string; after: KeyCursor | null; first: number; bookings: number }): Promise<Json> {
  const read = await partnerToursWithBookings(sql, body.partnerId, body.after, body.first + 1, body.first, { after: null, limit: body.bookings }, true);
  const people = new Map(read.travellers.map((p) => [p.id, openPerson(vault, p)]));
  // The gateway pages a tour's bookings, so raw answers in the same shape.
  const nodes = read.tours.slice(0, body.first).map((t) => ({
    id: t.id,
    title: t.title,
    bookings: { nodes: (read.bookings.get(t.id) ?? []).map((b) => ({ id: b.id, seats: b.seats, traveller: traveller(people.get(b.userId)!) })) },
  }));
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

// The gateway's own createBooking: the seats, the booking and its first event in one statement.
async function s5(a: S5Args): Promise<Json> {
  const out = await createBooking(sql, { userId: a.userId, tourId: a.tourId, seats: a.seats, idempotencyKey: a.idempotencyKey });
  return { createBooking: { __typename: 'booking' in out ? 'BookingCreated' : 'NotBooked' } };
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
  if (req.url === '/stats') {
    res.end(JSON.stringify({ statements: sql.stats.statements, requests }));
    return;
  }
  requests++;
  const route = ROUTES[req.url ?? ''];
  if (!route || req.method !== 'POST') {
    res.statusCode = 404;
    res.end('{"error":"no such route"}');
    return;
  }
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
