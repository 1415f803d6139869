import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { CloseSupportTicketDocument, OpenSupportTicketDocument, SupportPersonDocument, SupportQueueUsersDocument, TakeSupportTicketDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from './in-process.js';
import { insertPerson } from './persons.js';
import { principalOf, traveller as travellerOf } from './principals.js';

let app: InProcessApp;
let traveller: FreshUser;
let otherAgentId: string;
let ticket: { id: string; reference: string };

beforeAll(async () => {
  app = await openApp();
  traveller = await freshTraveller(app);
  otherAgentId = await insertPerson(app, { role: 'SUPPORT', firstName: 'Үшінші', surname: 'Көмекші' });
  const opened = await app.run(await travellerOf(app, traveller.id), OpenSupportTicketDocument, { subject: 'Не приходит чек' });
  ticket = opened.body.data!.openSupportTicket;
});
afterAll(async () => {
  await app.close();
});

function agent(agentId: string, ref?: string) {
  return principalOf(app, { kind: 'SUPPORT', accountId: agentId, reference: ref });
}

async function read(agentId: string, id: string, ref?: string) {
  const res = await app.run(await agent(agentId, ref), SupportPersonDocument, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.person!;
}

describe('SUPPORT reads through an open ticket assigned to the caller', () => {
  it('before anyone takes the ticket its reference gives what no reference gives', async () => {
    const none = await read(DEMO_STAFF.support.id, traveller.id);
    expect(none.phone).not.toBe(traveller.phone);
    expect(await read(DEMO_STAFF.support.id, traveller.id, ticket.reference)).toEqual(none);
    expect(await read(DEMO_STAFF.support.id, traveller.id, 'SUP-999999999')).toEqual(none);
  });

  it("the agent who took it sees the ticket's user as the policy allows support (name, phone, e-mail full; IIN masked), logged against the ticket", async () => {
    const taken = await app.run(await agent(DEMO_STAFF.support.id), TakeSupportTicketDocument, { id: ticket.id });
    expect(taken.body.data!.takeSupportTicket.__typename).toBe('TicketTaken');
    const person = await read(DEMO_STAFF.support.id, traveller.id, ticket.reference);
    expect(person).toMatchObject({ fullName: `${traveller.firstName} ${traveller.patronymic} ${traveller.surname}`, phone: traveller.phone, email: traveller.email });
    expect(person.iin).toBe(`********${traveller.iin.slice(-4)}`);
    const logged = await app.services.sql.rows<{ edge: string; referenceKind: string; referenceId: string }>(
      't_sup_logged',
      `select edge, reference_kind as "referenceKind", reference_id::text as "referenceId" from disclosures where subject_id = $1`,
      [traveller.id],
    );
    expect(logged).toEqual([{ edge: 'TICKET_SUBJECT', referenceKind: 'SUPPORT_TICKET', referenceId: ticket.id }]);
  });

  it("another agent's ticket gives nothing more, in person(id) and in the queue", async () => {
    const none = await read(otherAgentId, traveller.id);
    expect(await read(otherAgentId, traveller.id, ticket.reference)).toEqual(none);
    const queue = await app.run(await agent(otherAgentId, ticket.reference), SupportQueueUsersDocument, { first: 100 });
    expect(queue.body.data!.supportQueue.nodes.find((n) => n.id === ticket.id)!.user.phone).not.toBe(traveller.phone);
  });

  it("in the queue only the declared ticket's user is shown in full", async () => {
    const queue = await app.run(await agent(DEMO_STAFF.support.id, ticket.reference), SupportQueueUsersDocument, { first: 100 });
    expect(queue.body.errors).toBeUndefined();
    const nodes = queue.body.data!.supportQueue.nodes;
    expect(nodes.find((n) => n.id === ticket.id)!.user).toMatchObject({ id: traveller.id, phone: traveller.phone });
    const [aigerim, erlan] = DEMO_TRAVELERS;
    for (const n of nodes.filter((x) => x.id !== ticket.id)) expect([aigerim.phone, erlan.phone]).not.toContain(n.user.phone);
  });

  it("the demo support account reads SUP-1001's user; the queued SUP-1002 gives nothing more", async () => {
    const [assigned, queued] = DEMO_TICKETS;
    const aigerim = DEMO_TRAVELERS.find((t) => t.id === assigned.userId)!;
    expect(await read(DEMO_STAFF.support.id, aigerim.id, assigned.reference)).toMatchObject({ phone: aigerim.phone });
    const erlan = DEMO_TRAVELERS.find((t) => t.id === queued.userId)!;
    expect((await read(DEMO_STAFF.support.id, erlan.id, queued.reference)).phone).not.toBe(erlan.phone);
  });

  it('a closed ticket gives nothing more', async () => {
    const none = await read(DEMO_STAFF.support.id, traveller.id);
    const closed = await app.run(await agent(DEMO_STAFF.support.id), CloseSupportTicketDocument, { id: ticket.id });
    expect(closed.body.data!.closeSupportTicket.__typename).toBe('TicketClosed');
    expect(await read(DEMO_STAFF.support.id, traveller.id, ticket.reference)).toEqual(none);
  });
});
