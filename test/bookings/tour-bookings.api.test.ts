import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { postQuery, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { busiestPartner, LOADED_PER_FIELD, MASKED_SCOPES, WITH_LIST } from './tour-bookings.fixtures.js';

// Statements are counted on the gateway's /metrics, which only the HTTP tier serves.
let gw: RunningGateway;
let masked: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  masked = bearer(await tokenFor(gw, 'PARTNER', { partnerId: await busiestPartner(gw), scope: MASKED_SCOPES }));
});
afterAll(async () => {
  await gw.close();
});

async function statementsOf(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<{ body: any; statements: number }> {
  const before = await sqlStatementsTotal(gw.url);
  const { body } = await postQuery(gw.url, query, variables, headers);
  expect(body.errors).toBeUndefined();
  return { body, statements: (await sqlStatementsTotal(gw.url)) - before };
}

describe("a partner's tours with their bookings and travellers", () => {
  it('reads tours, bookings and travellers in one statement whatever the list size', async () => {
    await statementsOf(WITH_LIST, { n: 1, b: 1 }, masked);
    const counts: number[] = [];
    const bookings: number[] = [];
    for (const n of [1, 5, 50]) {
      const { body, statements } = await statementsOf(WITH_LIST, { n, b: 20 }, masked);
      bookings.push(body.data.partnerTours.nodes.flatMap((t: any) => t.bookings.nodes).length);
      counts.push(statements);
    }
    expect(bookings[0]).toBeLessThan(bookings[2]);
    // Nothing shown in full, so no disclosure rows to write: the one statement is all.
    expect(counts).toEqual([1, 1, 1]);
    const perField = await statementsOf(LOADED_PER_FIELD, { n: 50, b: 20 }, masked);
    expect(perField.statements).toBe(3);
  });
});
