import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { ToursPageDocument, TourByIdDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

function noStack(body: unknown): void {
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+|node_modules/);
}

describe('bad input gets clear errors, never a 500', () => {
  it('unknown tour id', async () => {
    const { status, body } = await gql(gw.url, TourByIdDocument, { id: '00000000-0000-4000-8000-000000000000' });
    expect(status).toBe(200);
    expect(body.errors![0].extensions!.code).toBe('NOT_FOUND');
    noStack(body);
  });

  it('an id that is not a uuid', async () => {
    const { body } = await gql(gw.url, TourByIdDocument, { id: "1' or 1=1 --" });
    expect(body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('malformed cursor', async () => {
    const { body } = await gql(gw.url, ToursPageDocument, { first: 5, after: 'not-a-cursor' });
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    noStack(body);
  });

  it('page size over the cap, and below one', async () => {
    for (const first of [101, 0, -3]) {
      const { body } = await gql(gw.url, ToursPageDocument, { first });
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('malformed date filter', async () => {
    const { body } = await gql(gw.url, ToursPageDocument, { first: 5, startsFrom: '2026-02-30' });
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsFrom' });
  });

  it('a depth 20 query', async () => {
    const query = `{ __schema { types { fields { type { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } } } } }`;
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/depth/);
    noStack(body);
  });

  it('too many aliases', async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: tours(first: 1) { pageInfo { hasNextPage } }`).join(' ')} }`;
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/aliases/i);
  });

  it('a query whose cost explodes through nested lists', async () => {
    const query = '{ tours(first: 100) { nodes { reviews(first: 100) { author { fullName } } } } } ';
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/cost/);
  });

  it('too many tokens', async () => {
    const query = `{ tours(first: 1) { nodes { ${'id '.repeat(3000)} } } }`;
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/token/i);
  });

  it('malformed JSON body', async () => {
    const { status, body } = await postRaw(gw.url, '{"query": "{ tours { nodes { id } } }"');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    noStack(body);
  });

  it('a syntax error', async () => {
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ tours(first: ) }' }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an unknown endpoint', async () => {
    const res = await fetch(`${gw.url}/nope`);
    expect(res.status).toBe(404);
  });
});
