import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DeleteMyAccountDocument, ExportMyDataDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshTraveller, grantConsents, paidUpcomingBooking } from './fresh-user.fixtures.js';

// A token issued before the erasure and its standing afterwards exist only over HTTP; the rest is in erasure.fast.test.ts.
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('deleteMyAccount: erasure with a paid upcoming booking under a legal hold', () => {
  let token: string;

  beforeAll(async () => {
    const u = await freshTraveller(gw);
    await grantConsents(gw, u.id, ['TOUR_BOOKING', 'COMMUNICATION']);
    await paidUpcomingBooking(gw, u.id);
    token = await tokenFor(gw, 'USER', { sub: u.id });
    const res = await gql(gw.url, DeleteMyAccountDocument, undefined, bearer(token));
    expect(res.body.errors).toBeUndefined();
  });

  it("refuses the deleted account's token: a second deletion and an export get 401 TOKEN_REVOKED", async () => {
    for (const res of [await gql(gw.url, DeleteMyAccountDocument, undefined, bearer(token)), await gql(gw.url, ExportMyDataDocument, undefined, bearer(token))]) {
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors![0].extensions!.code).toBe('TOKEN_REVOKED');
    }
  });
});
