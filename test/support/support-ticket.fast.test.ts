import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { resolveReference } from '../../src/privacy/reference.service.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { CloseSupportTicketDocument, MySupportTicketsDocument, OpenSupportTicketDocument, SupportQueueDocument, TakeSupportTicketDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from './in-process.js';
import { insertPerson } from './persons.js';
import { anonymous, principalOf, staff, traveller as travellerOf } from './principals.js';
import { bareTraveller } from './users.js';

let app: InProcessApp;
let traveller: string;
let agent: Principal;
let otherAgentId: string;
let otherAgent: Principal;
const SUBJECT = 'Не могу войти, мой номер +77017654321';

beforeAll(async () => {
  app = await openApp();
  traveller = await bareTraveller(app);
  agent = await staff(app, 'support');
  otherAgentId = await insertPerson(app, { role: 'SUPPORT', firstName: 'Екінші', surname: 'Көмекші' });
  otherAgent = await principalOf(app, { kind: 'SUPPORT', accountId: otherAgentId });
});
afterAll(async () => {
  await app.close();
});

const supportCaller = (id: string, ref: string): Principal => ({
  kind: 'SUPPORT',
  id,
  partnerId: null,
  scopes: [],
  purpose: 'SUPPORT',
  purposeRef: ref,
  tokenId: null,
  clientId: null,
});

async function openTicket(userId = traveller, subject = SUBJECT) {
  const res = await app.run(await travellerOf(app, userId), OpenSupportTicketDocument, { subject });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.openSupportTicket;
}

describe('support tickets: travellers open them, support takes and closes them', () => {
  it('a traveller opens a ticket with a SUP- reference; the subject is sealed and shown back only to its author', async () => {
    const t = await openTicket();
    expect(t).toMatchObject({ subject: SUBJECT, status: 'OPEN', closedAt: null });
    expect(t.reference).toMatch(/^SUP-\d{6,}$/);
    const [row] = await app.services.sql.rows<{ subjectEnc: string; assignedToId: string | null }>(
      't_sup_row',
      'select subject_enc as "subjectEnc", assigned_to_id as "assignedToId" from support_tickets where id = $1',
      [t.id],
    );
    expect(row.assignedToId).toBeNull();
    expect(row.subjectEnc).not.toContain('7654321');
    const mine = await app.run(await travellerOf(app, traveller), MySupportTicketsDocument);
    expect(mine.body.data!.mySupportTickets).toContainEqual({ id: t.id, reference: t.reference, subject: SUBJECT, status: 'OPEN' });
    const stranger = await app.run(await travellerOf(app, await bareTraveller(app)), MySupportTicketsDocument);
    expect(stranger.body.data!.mySupportTickets).toEqual([]);
    const blank = await app.run(await travellerOf(app, traveller), OpenSupportTicketDocument, { subject: ' ' });
    expect(blank.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
  });

  it('support sees the open queue oldest first, without what travellers wrote', async () => {
    const t = await openTicket();
    const seen: { id: string; reference: string }[] = [];
    let after: string | null | undefined;
    do {
      const res = await app.run(agent, SupportQueueDocument, { first: 2, after });
      expect(res.body.errors).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('7654321');
      seen.push(...res.body.data!.supportQueue.nodes);
      after = res.body.data!.supportQueue.pageInfo.hasNextPage ? res.body.data!.supportQueue.pageInfo.endCursor : null;
    } while (after);
    expect(seen.find((n) => n.id === t.id)).toMatchObject({ reference: t.reference, status: 'OPEN', userId: traveller, assignedToId: null });
    expect(seen.map((n) => n.reference)).toEqual(expect.arrayContaining(DEMO_TICKETS.filter((d) => d.status === 'OPEN').map((d) => d.reference)));
    expect(seen.map((n) => n.reference)).not.toContain(DEMO_TICKETS.find((d) => d.status === 'CLOSED')!.reference);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
  });

  it('only an open ticket assigned to the calling agent resolves as its reference, naming only its user', async () => {
    const t = await openTicket();
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, t.reference))).toBeNull();

    const taken = await app.run(agent, TakeSupportTicketDocument, { id: t.id });
    expect(taken.body.data!.takeSupportTicket).toEqual({
      __typename: 'TicketTaken',
      ticket: { id: t.id, reference: t.reference, status: 'OPEN', assignedToId: DEMO_STAFF.support.id },
    });
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, t.reference))).toEqual({
      kind: 'SUPPORT_TICKET',
      id: t.id,
      subjects: new Map([[traveller, null]]),
    });
    // Another agent can neither use, take nor close it; a made-up reference resolves to nothing.
    expect(await resolveReference(app.services.sql, supportCaller(otherAgentId, t.reference))).toBeNull();
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, 'SUP-0'))).toBeNull();
    expect((await app.run(otherAgent, TakeSupportTicketDocument, { id: t.id })).body.data!.takeSupportTicket).toEqual({
      __typename: 'TicketRefused',
      reason: 'TAKEN_BY_ANOTHER',
    });
    expect((await app.run(otherAgent, CloseSupportTicketDocument, { id: t.id })).body.data!.closeSupportTicket).toEqual({
      __typename: 'TicketRefused',
      reason: 'NOT_ASSIGNED_TO_YOU',
    });
    const mine = await app.run(agent, SupportQueueDocument, { mine: true, first: 50 });
    expect(mine.body.data!.supportQueue.nodes.every((n) => n.assignedToId === DEMO_STAFF.support.id)).toBe(true);
    expect(mine.body.data!.supportQueue.nodes.map((n) => n.id)).toContain(t.id);

    const closed = await app.run(agent, CloseSupportTicketDocument, { id: t.id });
    expect(closed.body.data!.closeSupportTicket).toMatchObject({ __typename: 'TicketClosed', ticket: { id: t.id, status: 'CLOSED' } });
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, t.reference))).toBeNull();
    expect((await app.run(agent, TakeSupportTicketDocument, { id: t.id })).body.data!.takeSupportTicket).toEqual({ __typename: 'TicketRefused', reason: 'NOT_OPEN' });
    expect((await app.run(agent, TakeSupportTicketDocument, { id: randomUUID() })).body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('a ticket whose agent is no longer active can be taken over', async () => {
    const t = await openTicket();
    const leaverId = await insertPerson(app, { role: 'SUPPORT', firstName: 'Кеткен', surname: 'Көмекші' });
    const leaver = await principalOf(app, { kind: 'SUPPORT', accountId: leaverId });
    expect((await app.run(leaver, TakeSupportTicketDocument, { id: t.id })).body.data!.takeSupportTicket.__typename).toBe('TicketTaken');
    expect((await app.run(agent, TakeSupportTicketDocument, { id: t.id })).body.data!.takeSupportTicket).toEqual({ __typename: 'TicketRefused', reason: 'TAKEN_BY_ANOTHER' });
    await app.services.sql.rows('t_sup_leave', "update users set status = 'BLOCKED' where id = $1", [leaverId]);
    const taken = await app.run(agent, TakeSupportTicketDocument, { id: t.id });
    expect(taken.body.data!.takeSupportTicket).toMatchObject({ __typename: 'TicketTaken', ticket: { id: t.id, assignedToId: DEMO_STAFF.support.id } });
    expect(await resolveReference(app.services.sql, supportCaller(leaverId, t.reference))).toBeNull();
  });

  it('the demo support account holds SUP-1001; an unassigned demo ticket resolves for nobody', async () => {
    const [assigned, queued] = DEMO_TICKETS;
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, assigned.reference))).toEqual({
      kind: 'SUPPORT_TICKET',
      id: assigned.id,
      subjects: new Map([[assigned.userId, null]]),
    });
    expect(await resolveReference(app.services.sql, supportCaller(DEMO_STAFF.support.id, queued.reference))).toBeNull();
  });

  it('travellers cannot work the queue and staff cannot open tickets', async () => {
    const user = await travellerOf(app, traveller);
    for (const res of [await app.run(user, SupportQueueDocument, {}), await app.run(user, TakeSupportTicketDocument, { id: DEMO_TICKETS[1].id })]) {
      expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const admin = await staff(app, 'admin');
    expect((await app.run(admin, SupportQueueDocument, {})).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await app.run(agent, OpenSupportTicketDocument, { subject: 'x' })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await app.run(anonymous, SupportQueueDocument, {})).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
