import { createHash, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import { decodeJwt } from 'jose';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import type { RunningGateway } from '../../src/gateway.js';
import {
  MyAccountDocument,
  RefreshSessionDocument,
  RegisterApiClientDocument,
  RequestLoginCodeDocument,
  TourByIdDocument,
  ToursPageDocument,
  VerifyLoginCodeDocument,
} from '../generated/operations.js';
import { cli } from '../support/cli.js';
import { DEV_LOGIN_CODE, startTestGateway, nextStandingChange } from '../support/gateway.js';
import { gql, postRaw, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

const OPERATOR = 'b0000000-0000-4000-8000-000000000003';
// The texts as graphql-codegen prints them; their ids are the sha256 of these exact texts.
const TOURS = print(ToursPageDocument);
const TOUR = print(TourByIdDocument);
const ACCOUNT = print(MyAccountDocument);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const PAGE = { first: 2 };
// Tests that run the CLI several times: each run is a new Node process.
const CLI_TEST_MS = 120_000;

let gw: RunningGateway;
let admin: Record<string, string>;
let dir: string;
let tourId: string;

/** A persisted-documents.json as graphql-codegen's client preset writes it: sha256 of each text -> text. */
function manifest(entries: Record<string, string>): string {
  const file = join(dir, `${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(entries, null, 2));
  return file;
}
const manifestOf = (...texts: string[]) => manifest(Object.fromEntries(texts.map((t) => [sha256(t), t])));

/** The CLI in its own process; returns once the gateway has been told of the change (instances keep a client's standing). */
async function documents(...args: string[]): Promise<string> {
  const told = nextStandingChange(gw);
  const run = await cli('documents', args);
  if (run.code !== 0) throw new Error(`documents ${args.join(' ')} failed: ${run.stderr}`);
  await told;
  return run.stdout;
}

/** A new partner client, registered by an administrator, and a token from POST /oauth/token with its credentials. */
async function partnerClient(): Promise<{ clientId: string; token: string }> {
  const made = await gql(
    gw.url,
    RegisterApiClientDocument,
    {
      name: `documents ${randomUUID()}`,
      partnerId: OPERATOR,
      kind: 'PARTNER',
      scopes: ['tours:read', 'bookings:read'],
      purpose: 'TOUR_BOOKING',
    },
    admin,
  );
  const {
    client: { clientId },
    clientSecret: secret,
  } = made.body.data!.registerApiClient;
  const res = await fetch(`${gw.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  return { clientId, token: ((await res.json()) as { access_token: string }).access_token };
}

/** A partner client held to the given documents. */
async function restrictedClient(...texts: string[]): Promise<{ clientId: string; token: string }> {
  const client = await partnerClient();
  await documents('upload', '--client', client.clientId, '--manifest', manifestOf(...texts));
  await documents('enforce', '--client', client.clientId);
  return client;
}

const post = (body: object, token: string) => postRaw(gw.url, JSON.stringify(body), bearer(token));
const codeOf = (r: { body: any }) => r.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  // No booking jobs: the statement counts below are this file's requests only.
  gw = await startTestGateway({ JOBS_INTERVAL_SECONDS: '0' });
  admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
  dir = mkdtempSync(join(tmpdir(), 'qaz-documents-'));
  [{ id: tourId }] = await gw.services.sql.rows<{ id: string }>('t_docs_tour', 'select id from tours order by id limit 1');
});
afterAll(async () => {
  await gw.close();
});

describe('a partner client held to its registered documents', () => {
  let client: { clientId: string; token: string };
  beforeAll(async () => {
    client = await restrictedClient(TOURS);
  });

  it('runs a registered document named by documentId, with or without the sha256: prefix, by persisted-query hash and over GET', async () => {
    const id = sha256(TOURS);
    for (const body of [
      { documentId: id, variables: PAGE },
      { documentId: `sha256:${id}`, variables: PAGE },
      { extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables: PAGE },
    ]) {
      const r = await post(body, client.token);
      expect([r.status, r.body.errors]).toEqual([200, undefined]);
      expect(r.body.data.tours.nodes).toHaveLength(2);
    }
    const search = new URLSearchParams({ documentId: id, variables: JSON.stringify(PAGE) });
    const get = await fetch(`${gw.url}/graphql?${search.toString()}`, { headers: bearer(client.token, { 'apollo-require-preflight': 'true' }) });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { tours: { nodes: unknown[] } } }).data.tours.nodes).toHaveLength(2);
  });

  it('refuses free-form queries with 403 TRUSTED_DOCUMENTS_ONLY, a registered text sent as a query included', async () => {
    for (const query of ['{ __typename }', TOURS]) {
      const r = await post({ query, variables: PAGE }, client.token);
      expect(r.status).toBe(403);
      expect(r.body.errors).toEqual([
        { message: expect.stringContaining('registered documents only'), extensions: { code: 'TRUSTED_DOCUMENTS_ONLY', requestId: expect.any(String) } },
      ]);
    }
    const get = await fetch(`${gw.url}/graphql?${new URLSearchParams({ query: '{ __typename }' }).toString()}`, {
      headers: bearer(client.token, { 'apollo-require-preflight': 'true' }),
    });
    expect(get.status).toBe(403);
  });

  it('refuses ids it did not register with PERSISTED_DOCUMENT_NOT_FOUND: unknown, malformed, or a persisted query it tries to register', async () => {
    const other = sha256('query Other { __typename }');
    for (const body of [
      { documentId: other },
      { documentId: 'not-an-id' },
      { query: 'query Other { __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: other } } },
    ]) {
      const r = await post(body, client.token);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        { message: 'No document registered for this client has that id', extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', requestId: expect.any(String) } },
      ]);
    }
  });

  it('runs the registered text when a query is sent beside a registered id', async () => {
    const r = await post({ documentId: sha256(TOURS), query: '{ __schema { types { name } } }', variables: PAGE }, client.token);
    expect(r.body.errors).toBeUndefined();
    expect(Object.keys(r.body.data)).toEqual(['tours']);
  });

  it('costs no SQL statement once its documents are in memory, and two after they change (the standing and the documents)', async () => {
    const free = (await partnerClient()).token;
    const statements = async (body: object, token: string) => {
      const before = await sqlStatementsTotal(gw.url);
      expect((await post(body, token)).body.errors).toBeUndefined();
      return (await sqlStatementsTotal(gw.url)) - before;
    };
    const byId = { documentId: sha256(TOURS), variables: PAGE };
    await statements(byId, client.token);
    await statements({ query: TOURS, variables: PAGE }, free);
    const unrestricted = await statements({ query: TOURS, variables: PAGE }, free);
    expect(await statements(byId, client.token)).toBe(unrestricted);
    await documents('upload', '--client', client.clientId, '--manifest', manifestOf(TOURS));
    expect(await statements(byId, client.token)).toBe(unrestricted + 2);
    expect(await statements(byId, client.token)).toBe(unrestricted);
  });
});

describe('a change made by the CLI, another process', () => {
  it(
    'counts from the next request: an upload, relax, enforce and a --replace',
    async () => {
      const { clientId, token } = await restrictedClient(TOURS);
      const tour = { documentId: sha256(TOUR), variables: { id: tourId } };
      expect(codeOf(await post(tour, token))).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      expect(await documents('upload', '--client', clientId, '--manifest', manifestOf(TOUR))).toContain('1 documents uploaded; 2 documents, enforced');
      expect((await post(tour, token)).body.data.tour.id).toBe(tourId);

      await documents('relax', '--client', clientId);
      expect((await post({ query: '{ __typename }' }, token)).body).toEqual({ data: { __typename: 'Query' } });
      await documents('enforce', '--client', clientId);
      expect((await post({ query: '{ __typename }' }, token)).status).toBe(403);

      expect(await documents('upload', '--client', clientId, '--manifest', manifestOf(TOUR), '--replace')).toContain('1 documents, enforced');
      expect(codeOf(await post({ documentId: sha256(TOURS), variables: PAGE }, token))).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      expect((await post(tour, token)).body.data.tour.id).toBe(tourId);
    },
    CLI_TEST_MS,
  );
});

describe('clients not held to documents behave as before', () => {
  it('a client without documents sends free-form queries; documentId means nothing to it, as before', async () => {
    const token = await tokenFor(gw, 'PARTNER', { partnerId: OPERATOR });
    const free = await post({ query: TOURS, variables: PAGE }, token);
    expect([free.status, free.body.errors, free.body.data.tours.nodes.length]).toEqual([200, undefined, 2]);
    const byId = await post({ documentId: sha256(TOURS), variables: PAGE }, token);
    expect([byId.status, codeOf(byId)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('a client whose documents are not enforced may send either', async () => {
    const { clientId, token } = await partnerClient();
    await documents('upload', '--client', clientId, '--manifest', manifestOf(TOURS));
    expect((await post({ query: '{ __typename }' }, token)).body).toEqual({ data: { __typename: 'Query' } });
    expect((await post({ documentId: sha256(TOURS), variables: PAGE }, token)).body.data.tours.nodes).toHaveLength(2);
    expect(codeOf(await post({ documentId: sha256(TOUR) }, token))).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });
});

describe("the mobile app's client", () => {
  const freshPhone = () => `+7708${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

  async function signIn(clientId?: string) {
    const phone = freshPhone();
    await gql(gw.url, RequestLoginCodeDocument, { phone });
    const r = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE, clientId })).body.data!.verifyLoginCode;
    if (r.__typename !== 'LoginSucceeded') throw new Error('login failed');
    return r.tokens;
  }

  it(
    'is the registered app client named at login, bound into every token of the session, and can be held to its documents',
    async () => {
      const app = `test-app-${randomInt(0, 1e9)}`;
      expect((await cli('create-client', ['--kind', 'APP', '--client-id', app, '--name', 'Test app'])).code).toBe(0);
      const tokens = await signIn(app);
      expect(decodeJwt(tokens.accessToken).client_id).toBe(app);
      const refreshed = (await gql(gw.url, RefreshSessionDocument, { refreshToken: tokens.refreshToken })).body.data!.refreshSession;
      if (refreshed.__typename !== 'SessionRefreshed') throw new Error('refresh failed');
      expect(decodeJwt(refreshed.tokens.accessToken).client_id).toBe(app);

      await documents('upload', '--client', app, '--manifest', manifestOf(ACCOUNT));
      await documents('enforce', '--client', app);
      const traveller = refreshed.tokens.accessToken;
      expect((await post({ query: '{ me { id } }' }, traveller)).status).toBe(403);
      const mine = await post({ documentId: sha256(ACCOUNT) }, traveller);
      expect([mine.status, mine.body.data.me.id]).toEqual([200, decodeJwt(traveller).sub]);

      // The default app client is not held to anything.
      const mobile = await signIn();
      expect(decodeJwt(mobile.accessToken).client_id).toBe('qaztracker-mobile');
      expect((await post({ query: '{ me { id } }' }, mobile.accessToken)).body.data.me.id).toBe(decodeJwt(mobile.accessToken).sub);
    },
    CLI_TEST_MS,
  );

  it('refuses a login naming an app client that is not registered', async () => {
    const phone = freshPhone();
    await gql(gw.url, RequestLoginCodeDocument, { phone });
    for (const clientId of ['unknown-app', 'demo-operator-01', 'Not An Id!']) {
      const r = await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE, clientId });
      expect(r.body.errors?.[0]).toMatchObject({ message: 'Not a registered app client', extensions: { code: 'BAD_USER_INPUT', field: 'clientId' } });
    }
  });
});

describe('the documents CLI', () => {
  const stored = async (clientId: string) => (await gw.services.sql.rows('t_docs_stored', 'select 1 from trusted_documents where client_id = $1', [clientId])).length;

  it('refuses a manifest in which an id is not the sha256 of its document, and stores none of it', async () => {
    const { clientId } = await partnerClient();
    const wrong = sha256(`${TOURS} `);
    const run = await cli('documents', ['upload', '--client', clientId, '--manifest', manifest({ [sha256(TOUR)]: TOUR, [wrong]: TOURS })]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`manifest refused, nothing stored:\n  ${wrong}: not the sha256 of its document (that is ${sha256(TOURS)})`);
    expect(await stored(clientId)).toBe(0);
  });

  it('refuses documents that do not parse, do not validate against the schema, or hold no operation', async () => {
    const { clientId } = await partnerClient();
    const texts = ['query {', 'query Nope { noSuchField }', 'fragment F on Query { __typename }'];
    const run = await cli('documents', ['upload', '--client', clientId, '--manifest', manifestOf(...texts)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${sha256(texts[0])}: does not parse: Syntax Error`);
    expect(run.stderr).toContain(`${sha256(texts[1])}: Cannot query field "noSuchField" on type "Query".`);
    expect(run.stderr).toContain(`${sha256(texts[2])}: holds no operation`);
    expect(await stored(clientId)).toBe(0);
  });

  it(
    'refuses a client that is not registered, and enforcing before any upload',
    async () => {
      const unknown = await cli('documents', ['upload', '--client', 'nobody', '--manifest', manifestOf(TOURS)]);
      expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('no API client or app client nobody') });
      const { clientId } = await partnerClient();
      const early = await cli('documents', ['enforce', '--client', clientId]);
      expect(early).toMatchObject({ code: 1, stderr: expect.stringContaining('upload a manifest first') });
      expect(await cli('documents', ['upload', '--client', clientId])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
    },
    CLI_TEST_MS,
  );
});
