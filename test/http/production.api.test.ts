import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { startProductionGateway } from '../support/gateway.js';
import { postRaw } from '../support/http.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startProductionGateway();
});
afterAll(async () => {
  await gw.close();
});

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
