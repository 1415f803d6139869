import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { openFraudCaseIn } from '../fraud/fraud-case.fixtures.js';
import { FileComplaintDocument, OpenSupportTicketDocument, StaffComplaintsDocument, TakeSupportTicketDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { staff, traveller } from '../support/principals.js';

let app: InProcessApp;
let u: FreshUser;
let complaintId: string;
let ticketRef: string;
const written = (p: FreshUser) => `Звоните ${p.phone}, пишите ${p.email}, ИИН ${p.iin}, паспорт ${p.passport}`;

beforeAll(async () => {
  app = await openApp();
  u = await freshTraveller(app);
  const user = await traveller(app, u.id);
  const filed = await app.run(user, FileComplaintDocument, { subject: 'Мои данные', body: written(u) });
  expect(filed.body.errors).toBeUndefined();
  complaintId = filed.body.data!.fileComplaint.id;
  const ticket = await app.run(user, OpenSupportTicketDocument, { subject: 'Жалоба' });
  ticketRef = ticket.body.data!.openSupportTicket.reference;
  const taken = await app.run(await staff(app, 'support'), TakeSupportTicketDocument, { id: ticket.body.data!.openSupportTicket.id });
  expect(taken.body.data!.takeSupportTicket.__typename).toBe('TicketTaken');
});
afterAll(async () => {
  await app.close();
});

async function readAs(caller: Principal): Promise<{ body: string; logged: string[] }> {
  const res = await app.run(caller, StaffComplaintsDocument, {});
  expect(res.body.errors).toBeUndefined();
  const c = res.body.data!.complaints.nodes.find((x) => x.id === complaintId)!;
  const rows = await app.services.sql.rows<{ kinds: string[] }>('t_ft_exposure_log', 'select kinds from disclosures where request_id = $1 and subject_id = $2', [
    res.requestId,
    u.id,
  ]);
  return { body: c.body, logged: rows.flatMap((r) => r.kinds).sort() };
}

describe('free text about its author follows the exposure decision for that author', () => {
  it("support without the author's ticket reads it masked, and nothing is logged", async () => {
    const { body, logged } = await readAs(await staff(app, 'support'));
    expect(body).toBe('Звоните [phone hidden], пишите [e-mail hidden], ИИН [IIN hidden], паспорт [document hidden]');
    expect(logged).toEqual([]);
  });

  it("support holding the author's open ticket reads phone and e-mail as written (FULL, logged); IIN and passport stay masked", async () => {
    const { body, logged } = await readAs(await staff(app, 'support', { purpose: 'SUPPORT', reference: ticketRef }));
    expect(body).toBe(`Звоните ${u.phone}, пишите ${u.email}, ИИН [IIN hidden], паспорт [document hidden]`);
    expect(logged).toEqual(['EMAIL', 'PHONE']);
  });

  it('an administrator with a fraud case naming the author reads it all as written, and the release is logged', async () => {
    const ref = await openFraudCaseIn(app, [u.id]);
    const { body, logged } = await readAs(await staff(app, 'admin', { purpose: 'FRAUD_PREVENTION', reference: ref }));
    expect(body).toBe(written(u));
    expect(logged).toEqual(['EMAIL', 'IIN', 'PASSPORT', 'PHONE']);
  });
});
