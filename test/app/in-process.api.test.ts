import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { clientHeaders, OPERATORS } from '../bookings/booking.fixtures.js';
import { PartnerTravellersDocument, PersonByIdDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, staff } from '../support/principals.js';
import { bearer, tokenFor } from '../support/tokens.js';

// The fast tier stands in for HTTP only while both give the same answer and log the same disclosures.
let gw: RunningGateway;
let app: InProcessApp;
beforeAll(async () => {
  [gw, app] = await Promise.all([startTestGateway(), openApp()]);
});
afterAll(async () => {
  await Promise.all([gw.close(), app.close()]);
});

const disclosures = (requestId: string | null) =>
  gw.services.sql.rows(
    't_parity_disclosures',
    `select subject_id, kinds, edge, reference_kind, reference_id,
    recipient_kind, recipient_partner_id, recipient_country, purpose from disclosures where request_id = $1 order by subject_id, edge, reference_id`,
    [requestId],
  );

describe('an operation run in process answers as the same caller over HTTP', () => {
  it('a partner listing its travellers: the same data and withheld fields, the same disclosures logged', async () => {
    const http = await gql(gw.url, PartnerTravellersDocument, { first: 30 }, await clientHeaders(gw, 'PARTNER', OPERATORS[0]));
    const local = await app.run(await client(app, 'PARTNER', OPERATORS[0]), PartnerTravellersDocument, { first: 30 });
    expect(http.body.errors).toBeUndefined();
    expect(local.body).toEqual(http.body);
    const logged = await disclosures(http.headers.get('x-request-id'));
    expect(logged.length).toBeGreaterThan(0);
    expect(await disclosures(local.requestId)).toEqual(logged);
  });

  it('support declaring its ticket: the same exposure of the ticket user', async () => {
    const ticket = DEMO_TICKETS.find((t) => t.status === 'OPEN')!;
    const token = await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id });
    const http = await gql(gw.url, PersonByIdDocument, { id: ticket.userId }, bearer(token, { 'x-purpose-ref': ticket.reference }));
    const local = await app.run(await staff(app, 'support', { reference: ticket.reference }), PersonByIdDocument, { id: ticket.userId });
    expect(http.body.data!.person!.phone).not.toBeNull();
    expect(local.body).toEqual(http.body);
    expect(await disclosures(local.requestId)).toEqual(await disclosures(http.headers.get('x-request-id')));
  });

  it('a refused anonymous lookup: the same error, in the language asked for', async () => {
    const http = await gql(gw.url, PersonByIdDocument, { id: DEMO_TICKETS[0].userId }, { 'accept-language': 'ru' });
    const local = await app.run(anonymous, PersonByIdDocument, { id: DEMO_TICKETS[0].userId }, { language: 'ru' });
    expect(http.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(local.body).toEqual(http.body);
  });
});
