import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client } from '../support/principals.js';
import { busiestPartner, LOADED_PER_FIELD, MASKED_SCOPES, READER_SCOPES, WITH_LIST } from './tour-bookings.fixtures.js';

let app: InProcessApp;
let reader: Principal;
let masked: Principal;
beforeAll(async () => {
  app = await openApp();
  const partnerId = await busiestPartner(app);
  reader = await client(app, 'PARTNER', partnerId, { scopes: READER_SCOPES });
  masked = await client(app, 'PARTNER', partnerId, { scopes: MASKED_SCOPES });
});
afterAll(async () => {
  await app.close();
});

const run = async (principal: Principal, query: string, variables: Record<string, unknown>): Promise<any> => (await app.run(principal, query, variables)).body;

// What was withheld is listed as the fields resolve, which the two ways do in a different order: compared as a set.
function comparable(body: any): unknown {
  const withheld = body.extensions?.privacy?.withheld;
  return withheld
    ? { ...body, extensions: { ...body.extensions, privacy: { ...body.extensions.privacy, withheld: withheld.map((w: unknown) => JSON.stringify(w)).sort() } } }
    : body;
}

describe("a partner's tours with their bookings and travellers", () => {
  it('answer exactly as when each field loads its own rows: tours, bookings pages, cursors and what each traveller shows', async () => {
    for (const principal of [reader, masked]) {
      for (const variables of [
        { n: 30, b: 2 },
        { n: 3, b: 1 },
        { n: 50, b: 20 },
      ]) {
        const one = await run(principal, WITH_LIST, variables);
        const each = await run(principal, LOADED_PER_FIELD, variables);
        expect(one.errors).toBeUndefined();
        expect(comparable(one)).toEqual(comparable(each));
        // The next pages of tours, and of each tour's bookings, agree as well.
        const tours = one.data.partnerTours;
        const withBookings = tours.nodes.find((t: any) => t.bookings.pageInfo.hasNextPage);
        const next = { ...variables, after: tours.pageInfo.endCursor, bAfter: withBookings?.bookings.pageInfo.endCursor ?? null };
        expect(comparable(await run(principal, WITH_LIST, next))).toEqual(comparable(await run(principal, LOADED_PER_FIELD, next)));
      }
    }
  });

  it('refuse a bookings argument as when each field loads its own rows', async () => {
    for (const variables of [
      { n: 3, b: 1, bAfter: 'bm9wZQ' },
      { n: 3, b: 0 },
    ]) {
      const one = await run(reader, WITH_LIST, variables);
      expect(one.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(comparable(one)).toEqual(comparable(await run(reader, LOADED_PER_FIELD, variables)));
    }
  });

  it('shows some travellers in full to the reader and none to the partner without travelers:read', async () => {
    const full = (body: any) => {
      expect(body.errors).toBeUndefined();
      return body.data.partnerTours.nodes.flatMap((t: any) => t.bookings.nodes).filter((b: any) => b.traveller.phone !== null).length;
    };
    expect(full(await run(reader, WITH_LIST, { n: 50, b: 20 }))).toBeGreaterThan(0);
    expect(full(await run(masked, WITH_LIST, { n: 50, b: 20 }))).toBe(0);
  });

  it("open no traveller's sealed values where every personal field read is withheld, whether the list or each field reads them", async () => {
    const open = jest.spyOn(app.services.vault, 'open');
    try {
      const opened = async (principal: Principal, query: string) => {
        open.mockClear();
        const body = await run(principal, query, { n: 50, b: 20 });
        expect(body.errors).toBeUndefined();
        return open.mock.calls.length;
      };
      const withheld = (q: string) => q.replace('fullName ', '');
      for (const query of [WITH_LIST, LOADED_PER_FIELD]) {
        expect(await opened(masked, withheld(query))).toBe(0);
        // The masked name is made from the values, and the reader sees them: both open the records.
        expect(await opened(masked, query)).toBeGreaterThan(0);
        expect(await opened(reader, withheld(query))).toBeGreaterThan(0);
      }
    } finally {
      open.mockRestore();
    }
  });
});
