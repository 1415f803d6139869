import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { isLoopback } from '../../src/playground/playground-dev.route.js';
import { DisclosureLogDocument, PartnerBookingsDocument } from '../generated/operations.js';
import { startProductionGateway, startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer } from '../support/tokens.js';

const PARTNER_8 = 'b0000000-0000-4000-8000-000000000008';
const DEV_PATHS = ['/playground/dev/principals', '/playground/dev/token'];

let dev: RunningGateway;
let prod: RunningGateway;
let prodWithPage: RunningGateway;
let devOff: RunningGateway;
beforeAll(async () => {
  [dev, prod, prodWithPage, devOff] = await Promise.all([
    startTestGateway(),
    startProductionGateway(),
    startProductionGateway({ PLAYGROUND: 'on' }),
    startTestGateway({ PLAYGROUND: 'off' }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev, prod, prodWithPage, devOff].map((g) => g?.close()));
});

async function get(gw: RunningGateway, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function mint(gw: RunningGateway, body: unknown, contentType = 'application/json') {
  return fetch(`${gw.url}/playground/dev/token`, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) });
}

async function tokenOf(gw: RunningGateway, body: unknown): Promise<string> {
  const res = await mint(gw, body);
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const settingsOf = (html: string) => JSON.parse(/<script id="playground-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]);

describe('the playground in development', () => {
  it('serves the page and its bundle from the gateway itself, with its settings written in and nothing from elsewhere', async () => {
    const page = await get(dev, '/playground');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(settingsOf(page.text)).toMatchObject({ devTokens: true, schemaPath: '/playground/schema.graphql', purposes: { PARTNER: ['TOUR_BOOKING'] } });
    expect(page.text).not.toMatch(/https?:\/\//);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const path of assets) {
      expect(path).toMatch(/^\/playground\/assets\/[\w.-]+\.(js|css)$/);
      const asset = await get(dev, path);
      expect(asset.status).toBe(200);
      expect(asset.type).toMatch(/^text\/(javascript|css); charset=utf-8$/);
    }
  });

  it('is what a browser opening /graphql lands on, instead of Apollo Sandbox from a CDN', async () => {
    const landing = await get(dev, '/graphql', { accept: 'text/html' });
    expect(landing.status).toBe(200);
    expect(landing.text).toBe((await get(dev, '/playground')).text);
    expect(landing.text).not.toMatch(/sandbox|apollographql/i);
  });

  it("serves no file but the bundle's own assets", async () => {
    for (const path of ['/playground/assets/..%2F..%2F..%2Fpackage.json', '/playground/assets/.hidden.js', '/playground/assets/nothing-here.js', '/playground/assets/index.html']) {
      expect((await get(dev, path)).status).toBe(404);
    }
  });

  it("gives the page the schema with its @pii fields, which GraphiQL's own introspection query is too deep to read", async () => {
    const schema = await get(dev, '/playground/schema.graphql');
    expect(schema.status).toBe(200);
    expect(schema.text).toContain('iin: String @pii(kind: IIN)');
  });

  it('lists the demo clients with their scopes, the staff kinds that have an account and the references they hold', async () => {
    const res = await get(dev, '/playground/dev/principals');
    expect(res.status).toBe(200);
    const principals = JSON.parse(res.text);
    expect(principals.clients).toContainEqual(
      expect.objectContaining({ clientId: 'demo-operator-08', kind: 'PARTNER', partnerId: PARTNER_8, scopes: expect.arrayContaining(['travelers:read']) }),
    );
    expect(principals.staffKinds).toEqual(expect.arrayContaining(['SUPPORT', 'ADMIN', 'AUDITOR', 'AUTHORITY']));
    expect(principals.references).toContainEqual({ kind: 'SUPPORT', purpose: 'SUPPORT', reference: 'SUP-1001' });
  });

  it("mints real tokens: partner 8 sees its travellers' IINs only with travelers:read, and the auditor reads the rows that very request wrote", async () => {
    const partner = await tokenOf(dev, { kind: 'PARTNER', partnerId: PARTNER_8, scope: ['bookings:read', 'travelers:read'] });
    const res = await gql(dev.url, PartnerBookingsDocument, { first: 50 }, bearer(partner));
    expect(res.body.errors).toBeUndefined();
    const full = res.body.data!.partnerBookings.nodes.filter((n) => n.traveller.iin !== null);
    expect(full.length).toBeGreaterThan(0);
    for (const n of full) expect(n.traveller.iin).toMatch(/^\d{12}$/);

    const requestId = res.headers.get('x-request-id')!;
    const auditor = await tokenOf(dev, { kind: 'AUDITOR' });
    const log = await gql(dev.url, DisclosureLogDocument, { first: 100, filter: { requestId } }, bearer(auditor));
    expect(log.body.errors).toBeUndefined();
    const rows = log.body.data!.disclosureLog.nodes;
    expect(rows.map((r) => r.referenceId).sort()).toEqual(full.map((n) => n.id).sort());
    for (const r of rows) {
      expect(r).toMatchObject({ requestId, recipientId: 'demo-operator-08', edge: 'BOOKING_TRAVELLER', referenceKind: 'BOOKING', purpose: 'TOUR_BOOKING' });
      expect(r.kinds).toContain('IIN');
    }

    const withoutScope = await tokenOf(dev, { kind: 'PARTNER', partnerId: PARTNER_8, scope: ['bookings:read'] });
    const masked = await gql(dev.url, PartnerBookingsDocument, { first: 50 }, bearer(withoutScope));
    expect(masked.body.data!.partnerBookings.nodes.every((n) => n.traveller.iin === null)).toBe(true);
    expect(masked.body.extensions?.privacy).toMatchObject({
      withheld: expect.arrayContaining([expect.objectContaining({ kind: 'IIN', exposure: 'NONE', reason: 'SCOPE_MISSING' })]),
    });
  });

  it('refuses tokens the seeds cannot back, and anything but a JSON POST', async () => {
    const outside = await mint(dev, { kind: 'PARTNER', partnerId: PARTNER_8, scope: ['payments:write'] });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ errors: [{ message: expect.stringContaining('demo-operator-08 is registered for'), extensions: { code: 'BAD_USER_INPUT' } }] });
    for (const body of [{ kind: 'ANONYMOUS' }, { kind: 'USER', partnerId: PARTNER_8 }, { kind: 'USER', sub: 'not-an-id' }, { kind: 7 }]) {
      expect((await mint(dev, body)).status).toBe(400);
    }
    expect((await mint(dev, { kind: 'AUDITOR' }, 'text/plain')).status).toBe(415);
    expect((await get(dev, '/playground/dev/token')).status).toBe(405);
  });
});

describe("the development endpoints' callers", () => {
  it("are this machine only, by the socket's peer address", () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['10.0.0.5', '::ffff:10.0.0.5', '192.168.1.127', '1127.0.0.1', 'fe80::1', '', undefined]) expect(isLoopback(a)).toBe(false);
  });
});

describe('where the playground is off, and in production', () => {
  it('is off in production unless enabled: no page, no schema, no token endpoint, and /graphql lands on nothing', async () => {
    for (const path of ['/playground', '/playground/schema.graphql', '/playground/assets/index.js', '/playground/dev/principals']) {
      expect((await get(prod, path)).status).toBe(404);
    }
    expect((await mint(prod, { kind: 'ADMIN' })).status).toBe(404);
    expect((await get(prod, '/graphql', { accept: 'text/html' })).text).not.toContain('playground');
  });

  it('enabled in production, serves the page for pasted tokens but never mints any nor hands out the schema', async () => {
    const page = await get(prodWithPage, '/playground');
    expect(page.status).toBe(200);
    expect(settingsOf(page.text)).toMatchObject({ devTokens: false, schemaPath: null });
    for (const path of [...DEV_PATHS, '/playground/schema.graphql']) expect((await get(prodWithPage, path)).status).toBe(404);
    expect((await mint(prodWithPage, { kind: 'ADMIN' })).status).toBe(404);
  });

  it('turned off in development, has no page and no token endpoint', async () => {
    for (const path of ['/playground', ...DEV_PATHS]) expect((await get(devOff, path)).status).toBe(404);
    expect((await mint(devOff, { kind: 'ADMIN' })).status).toBe(404);
    expect((await get(devOff, '/graphql', { accept: 'text/html' })).text).not.toMatch(/playground|sandbox/i);
  });
});
