import { randomUUID } from 'node:crypto';
import { statement } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid, type KeyCursor } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { writerKeyOf } from '../users/user-key.service.js';
import { openFraudReason, sealFraudReason } from './fraud-case.codec.js';
import { FraudCaseRefusalReason, type CloseFraudCaseOutcome, type OpenFraudCaseOutcome } from './fraud-case-result.type.js';
import { FraudCaseStatus, type FraudCase } from './fraud-case.type.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

const MAX_REASON = 2000;
const MAX_SUBJECTS = 50;
// The opener's wrapped key rides along, so a list opens its reasons without another statement.
const COLUMNS = `c.id, c.reference, c.status, c.opened_by_id as "openedById", c.assigned_to_id as "assignedToId", c.created_at as "createdAt",
  c.closed_at as "closedAt", c.reason_enc as "reasonEnc", k.wrapped_key as "wrappedKey",
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "createdKey",
  array(select s.subject_id from fraud_case_subjects s where s.case_id = c.id order by s.subject_id) as "subjectIds"`;
const WITH_KEY = 'left join keyring.user_keys k on k.user_id = c.opened_by_id';

export interface StoredFraudCase extends Omit<FraudCase, 'reason'> {
  reasonEnc: string | null;
  wrappedKey: string | null;
  createdKey: string;
}
export interface OpenFraudCaseInput {
  reason: string;
  subjectIds: string[];
  assignedToId: string | null;
}

/** The reason is opened only for the administrators the case belongs to; everyone else sees that there is one, not what it says. */
export function toFraudCase(ctx: GatewayContext, r: StoredFraudCase): FraudCase {
  const { reasonEnc, wrappedKey, createdKey: _key, ...rest } = r;
  const me = ctx.principal.id;
  const own = me === r.openedById || me === r.assignedToId;
  return { ...rest, reason: own ? openFraudReason(ctx.services.vault, r.openedById, wrappedKey, r.id, reasonEnc) : null };
}

function reasonText(reason: string): string {
  const t = reason.trim();
  if (!t || t.length > MAX_REASON) throw new BadInputError(`reason must be 1 to ${MAX_REASON} characters`, 'reason');
  return t;
}

const OPEN = statement<
  Pick<FraudCase, 'id' | 'reference' | 'status' | 'openedById' | 'assignedToId' | 'createdAt' | 'closedAt'> & { found: number; adminOk: boolean },
  [id: string, subjectIds: string[], reasonEnc: string, assigneeId: string, adminId: string, subjectCount: number]
>(
  'fraud_case_open',
  `with
      subj as (select id from users where id = any($2::uuid[])),
      assignee as (select id from users where id = $4 and role = 'ADMIN' and status = 'ACTIVE'),
      c as (insert into fraud_cases (id, reference, reason_enc, opened_by_id, assigned_to_id, status, created_at)
        select $1, 'FC-' || to_char(now() at time zone 'Asia/Almaty', 'YYYY') || '-' || lpad(nextval('fraud_case_numbers')::text, 6, '0'), $3, $5, a.id, 'OPEN', now()
        from assignee a where (select count(*) from subj) = $6 returning *),
      s as (insert into fraud_case_subjects (case_id, subject_id) select c.id, subj.id from c, subj)
    select c.id, c.reference, c.status, c.opened_by_id as "openedById", c.assigned_to_id as "assignedToId", c.created_at as "createdAt", c.closed_at as "closedAt",
      (select count(*)::int from subj) as found, exists(select 1 from assignee) as "adminOk"
    from (select 1) one left join c on true`,
);

/** An administrator opens a case naming existing accounts, assigned to itself or another active administrator; the database numbers it. */
export async function openFraudCase(ctx: GatewayContext, adminId: string, input: OpenFraudCaseInput): Promise<OpenFraudCaseOutcome> {
  const reason = reasonText(input.reason);
  const subjects = [...new Set(input.subjectIds)];
  if (subjects.length === 0 || subjects.length > MAX_SUBJECTS) throw new BadInputError(`subjectIds must name 1 to ${MAX_SUBJECTS} people`, 'subjectIds');
  if (!subjects.every(isUuid)) return { reason: FraudCaseRefusalReason.UNKNOWN_SUBJECT };
  const assignee = input.assignedToId ?? adminId;
  if (!isUuid(assignee)) return { reason: FraudCaseRefusalReason.ASSIGNEE_NOT_ADMIN };
  const { sql, vault } = ctx.services;
  const id = randomUUID();
  const sealed = sealFraudReason(vault, await writerKeyOf(ctx.em(), vault, adminId), adminId, id, reason);
  const [row] = await sql.rows(OPEN, id, subjects, sealed, assignee, adminId, subjects.length);
  if (row.found !== subjects.length) return { reason: FraudCaseRefusalReason.UNKNOWN_SUBJECT };
  if (!row.adminOk) return { reason: FraudCaseRefusalReason.ASSIGNEE_NOT_ADMIN };
  return {
    fraudCase: {
      id,
      reference: row.reference,
      status: row.status,
      subjectIds: subjects.sort(),
      openedById: adminId,
      assignedToId: assignee,
      reason,
      createdAt: row.createdAt,
      closedAt: null,
    },
  };
}

const CLOSE = statement<StoredFraudCase, [id: string, adminId: string]>(
  'fraud_case_close',
  `with c as (update fraud_cases
      set status = 'CLOSED', closed_at = now()
      where id = $1 and status = 'OPEN' and (assigned_to_id = $2 or opened_by_id = $2) returning *)
    select ${COLUMNS} from c ${WITH_KEY}`,
);
const STATE = statement<{ status: FraudCaseStatus }, [id: string]>('fraud_case_state', 'select status from fraud_cases where id = $1');

/** Closing ends what the reference shows at once; only the opener or the assignee closes a case. */
export async function closeFraudCase(ctx: GatewayContext, adminId: string, id: string): Promise<CloseFraudCaseOutcome> {
  if (!isUuid(id)) throw new NotFoundError('Fraud case');
  const { sql } = ctx.services;
  const [row] = await sql.rows(CLOSE, id, adminId);
  if (row) return { fraudCase: toFraudCase(ctx, row) };
  const [current] = await sql.rows(STATE, id);
  if (!current) throw new NotFoundError('Fraud case');
  return { reason: current.status === FraudCaseStatus.OPEN ? FraudCaseRefusalReason.NOT_YOURS : FraudCaseRefusalReason.NOT_OPEN };
}

const LIST = statement<StoredFraudCase, [status: FraudCaseStatus | null, afterKey: string | null, afterId: string | null, limit: number]>(
  'fraud_cases_list',
  `select ${COLUMNS} from fraud_cases c ${WITH_KEY}
    where ($1::text is null or c.status = $1)
      and ${keysetAfter('desc', { key: 'c.created_at', id: 'c.id' }, { key: utcTime('$2'), id: '$3' })}
    order by c.created_at desc, c.id desc limit $4`,
);

export function fraudCases(ctx: GatewayContext, status: FraudCaseStatus | null, after: KeyCursor | null, limit: number): Promise<StoredFraudCase[]> {
  return ctx.services.sql.rows(LIST, status, after?.key ?? null, after?.id ?? null, limit);
}
