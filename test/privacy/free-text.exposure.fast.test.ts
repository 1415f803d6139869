import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { openFraudCaseFor } from '../fraud/fraud-case.fixtures.js';
import { FileComplaintDocument, OpenSupportTicketDocument, StaffComplaintsDocument, TakeSupportTicketDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let u: FreshUser;
let complaintId: string;
let ticketRef: string;
const written = (p: FreshUser) => `Звоните ${p.phone}, пишите ${p.email}, ИИН ${p.iin}, паспорт ${p.passport}`;

beforeAll(async () => {
  gw = await startTestGateway();
  u = await freshTraveller(gw);
  const user = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
  const filed = await gql(gw.url, FileComplaintDocument, { subject: 'Мои данные', body: written(u) }, user);
  expect(filed.body.errors).toBeUndefined();
  complaintId = filed.body.data!.fileComplaint.id;
  const ticket = await gql(gw.url, OpenSupportTicketDocument, { subject: 'Жалоба' }, user);
  ticketRef = ticket.body.data!.openSupportTicket.reference;
  const taken = await gql(gw.url, TakeSupportTicketDocument, { id: ticket.body.data!.openSupportTicket.id }, bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id })));
  expect(taken.body.data!.takeSupportTicket.__typename).toBe('TicketTaken');
});
afterAll(async () => { await gw.close(); });

async function readAs(headers: Record<string, string>): Promise<{ body: string; logged: string[] }> {
  const res = await gql(gw.url, StaffComplaintsDocument, {}, headers);
  expect(res.body.errors).toBeUndefined();
  const c = res.body.data!.complaints.nodes.find((x) => x.id === complaintId)!;
  const rows = await gw.services.sql.rows<{ kinds: string[] }>('t_ft_exposure_log', 'select kinds from disclosures where request_id = $1 and subject_id = $2',
    [res.headers.get('x-request-id'), u.id]);
  return { body: c.body, logged: rows.flatMap((r) => r.kinds).sort() };
}

describe('free text about its author follows the exposure decision for that author', () => {
  it('support without the author\'s ticket reads it masked, and nothing is logged', async () => {
    const { body, logged } = await readAs(bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id })));
    expect(body).toBe('Звоните [phone hidden], пишите [e-mail hidden], ИИН [IIN hidden], паспорт [document hidden]');
    expect(logged).toEqual([]);
  });

  it('support holding the author\'s open ticket reads phone and e-mail as written (FULL, logged); IIN and passport stay masked', async () => {
    const headers = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }), { 'x-purpose': 'SUPPORT', 'x-purpose-ref': ticketRef });
    const { body, logged } = await readAs(headers);
    expect(body).toBe(`Звоните ${u.phone}, пишите ${u.email}, ИИН [IIN hidden], паспорт [document hidden]`);
    expect(logged).toEqual(['EMAIL', 'PHONE']);
  });

  it('an administrator with a fraud case naming the author reads it all as written, and the release is logged', async () => {
    const ref = await openFraudCaseFor(gw, [u.id]);
    const headers = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }), { 'x-purpose': 'FRAUD_PREVENTION', 'x-purpose-ref': ref });
    const { body, logged } = await readAs(headers);
    expect(body).toBe(written(u));
    expect(logged).toEqual(['EMAIL', 'IIN', 'PASSPORT', 'PHONE']);
  });
});
