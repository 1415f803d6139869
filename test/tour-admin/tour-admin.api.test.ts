import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CreateTourDocument, type TourInput } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { clientHeaders, OPERATORS, PROVIDERS, travellers, userHeaders } from '../bookings/booking.fixtures.js';

const A = OPERATORS[3];
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

const INPUT: TourInput = { title: 'Бурабай: озёра и скалы', region: 'AKMOLA', startsOn: inDays(20), endsOn: inDays(23), priceKzt: 85_000, capacity: 12 };

// Token scopes and the 401 of a scope the client is not registered for are the wire's; the rest is in tour-admin.fast.test.ts.
describe('partner tour management', () => {
  it('needs a partner client with tours:write', async () => {
    const cases = [
      await clientHeaders(gw, 'PARTNER', A, ['tours:read', 'bookings:read']),
      await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write']),
      await userHeaders(gw, (await travellers(gw.services.sql, 1, 30))[0]),
    ];
    for (const headers of cases) {
      const { body } = await gql(gw.url, CreateTourDocument, { input: INPUT }, headers);
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    // A scope the provider's client is not registered for does not even authenticate.
    const beyond = await gql(gw.url, CreateTourDocument, { input: INPUT }, await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write', 'tours:write']));
    expect(beyond).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'TOKEN_CLIENT' } }] } });
    const anonymous = await gql(gw.url, CreateTourDocument, { input: INPUT });
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
