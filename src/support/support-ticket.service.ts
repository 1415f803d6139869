import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid, type KeyCursor } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { writerKeyOf } from '../users/user-key.service.js';
import { openTicketSubject, sealTicketSubject } from './support-ticket.codec.js';
import { TicketRefusalReason, type CloseTicketOutcome, type TakeTicketOutcome } from './support-ticket-result.type.js';
import type { MySupportTicket, SupportTicket, SupportTicketStatus } from './support-ticket.type.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

const MAX_SUBJECT = 500;
// What staff see of a ticket: no column holding what the traveller wrote.
const STAFF_COLUMNS = `t.id, t.reference, t.status, t.user_id as "userId", t.assigned_to_id as "assignedToId", t.assigned_at as "assignedAt",
  t.created_at as "createdAt", t.closed_at as "closedAt"`;

export interface QueuedTicket extends SupportTicket {
  createdKey: string;
}

const OPEN = statement<{ reference: string; createdAt: Date }, [id: string, userId: string, subjectEnc: string]>(
  'support_ticket_open',
  `insert into support_tickets (id, reference, user_id, subject_enc, status, created_at)
    values ($1, 'SUP-' || nextval('support_ticket_numbers'), $2, $3, 'OPEN', now())
    returning reference, created_at as "createdAt"`,
);
const OF_USER = statement<MySupportTicket & { subjectEnc: string | null; wrappedKey: string | null }, [userId: string]>(
  'support_tickets_of_user',
  `select t.id, t.reference, t.status, t.created_at as "createdAt", t.closed_at as "closedAt", t.subject_enc as "subjectEnc", k.wrapped_key as "wrappedKey"
    from support_tickets t left join keyring.user_keys k on k.user_id = t.user_id
    where t.user_id = $1 order by t.created_at desc, t.id desc`,
);
const QUEUE = statement<QueuedTicket, [agentId: string, mine: boolean, afterKey: string | null, afterId: string | null, limit: number]>(
  'support_queue',
  `select ${STAFF_COLUMNS}, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "createdKey"
    from support_tickets t where t.status = 'OPEN' and (not $2 or t.assigned_to_id = $1)
      and ${keysetAfter('asc', { key: 't.created_at', id: 't.id' }, { key: utcTime('$3'), id: '$4' })}
    order by t.created_at, t.id limit $5`,
);
const STATE = statement<{ status: string }, [id: string]>('support_ticket_state', 'select status from support_tickets where id = $1');
const TAKE = statement<SupportTicket, [id: string, agentId: string]>(
  'support_ticket_take',
  `update support_tickets t set assigned_to_id = $2,
      assigned_at = case when t.assigned_to_id = $2 then t.assigned_at else now() end
    where t.id = $1 and t.status = 'OPEN' and (t.assigned_to_id is null or t.assigned_to_id = $2
      or not exists (select 1 from users u where u.id = t.assigned_to_id and u.role = 'SUPPORT' and u.status = 'ACTIVE'))
    returning ${STAFF_COLUMNS}`,
);
const CLOSE = statement<SupportTicket, [id: string, agentId: string]>(
  'support_ticket_close',
  `update support_tickets t set status = 'CLOSED', closed_at = now()
    where t.id = $1 and t.status = 'OPEN' and t.assigned_to_id = $2 returning ${STAFF_COLUMNS}`,
);

/** A traveller opens a ticket; the subject is sealed under their data key and the database numbers the reference. */
export async function openSupportTicket(ctx: GatewayContext, userId: string, subject: string): Promise<MySupportTicket> {
  const text = subject.trim();
  if (!text || text.length > MAX_SUBJECT) throw new BadInputError(`subject must be 1 to ${MAX_SUBJECT} characters`, 'subject');
  const { sql, vault } = ctx.services;
  const id = randomUUID();
  const sealed = sealTicketSubject(vault, await writerKeyOf(ctx.em(), vault, userId), userId, id, text);
  const [row] = await sql.rows(OPEN, id, userId, sealed);
  return { id, reference: row.reference, subject: text, status: 'OPEN' as SupportTicketStatus, createdAt: row.createdAt, closedAt: null };
}

export async function ticketsOfUser(ctx: GatewayContext, userId: string): Promise<MySupportTicket[]> {
  const rows = await ctx.services.sql.rows(OF_USER, userId);
  return rows.map(({ subjectEnc, wrappedKey, ...t }) => ({ ...t, subject: openTicketSubject(ctx.services.vault, userId, wrappedKey, t.id, subjectEnc) }));
}

/** Open tickets, oldest first; `mine` keeps only those assigned to the caller. */
export function supportQueue(sql: Sql, agentId: string, mine: boolean, after: KeyCursor | null, limit: number): Promise<QueuedTicket[]> {
  return sql.rows(QUEUE, agentId, mine, after?.key ?? null, after?.id ?? null, limit);
}

// Why an update matched nothing: the ticket is closed, or else the caller does not hold it (`otherwise`).
async function refusal(sql: Sql, id: string, otherwise: TicketRefusalReason): Promise<TicketRefusalReason> {
  const [t] = await sql.rows(STATE, id);
  if (!t) throw new NotFoundError('Support ticket');
  return t.status === 'OPEN' ? otherwise : TicketRefusalReason.NOT_OPEN;
}

/**
 * Takes an open ticket nobody holds, or whose holder is no longer an active support agent (taking one's own again is a no-op);
 * a ticket another active agent holds is refused, never moved.
 */
export async function takeSupportTicket(sql: Sql, agentId: string, id: string): Promise<TakeTicketOutcome> {
  if (!isUuid(id)) throw new NotFoundError('Support ticket');
  const [ticket] = await sql.rows(TAKE, id, agentId);
  return ticket ? { ticket } : { reason: await refusal(sql, id, TicketRefusalReason.TAKEN_BY_ANOTHER) };
}

export async function closeSupportTicket(sql: Sql, agentId: string, id: string): Promise<CloseTicketOutcome> {
  if (!isUuid(id)) throw new NotFoundError('Support ticket');
  const [ticket] = await sql.rows(CLOSE, id, agentId);
  return ticket ? { ticket } : { reason: await refusal(sql, id, TicketRefusalReason.NOT_ASSIGNED_TO_YOU) };
}
