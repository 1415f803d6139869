import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditServer } from 'graphql-http';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

// The README's table of accepted warnings, one row per audit id with the reason it is accepted.
const accepted = [...readFileSync(new URL('../../README.md', import.meta.url), 'utf8').matchAll(/^\| `([0-9A-Z]{4})` \| [^|]+ \| [^|]*\S[^|]* \|$/gm)].map((m) => m[1]);

describe('GraphQL over HTTP: the graphql-http server audit against the development configuration', () => {
  it('fails no MUST, and warns exactly where the README says why it is accepted', async () => {
    const results = await auditServer({ url: `${gw.url}/graphql` });
    expect(results.length).toBeGreaterThan(40);
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`)).toEqual([]);
    expect(
      results
        .filter((r) => r.status === 'warn')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...accepted].sort());
  });
});
