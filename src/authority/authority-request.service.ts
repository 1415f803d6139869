import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { isUuid, keysetPage, timestampKeySql, type KeyCursor } from '../graphql/cursor.js';
import type { PageInfo } from '../tours/tour.type.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { ApprovalRefusalReason, type ApprovalRefused, type AuthorityRequest, type AuthorityRequestApproved, type RequestedPiiKind } from './authority-request.type.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

const MAX_TEXT = 500;
const CASE_NUMBER = /^[0-9A-Za-z][0-9A-Za-z/._-]{0,63}$/;
const MAX_TERM_DAYS = 365;
const MAX_CONFIDENTIAL_DAYS = 5 * 365;
const COLUMNS = `id, agency, legal_basis as "legalBasis", case_number as "caseNumber", subject_id as "subjectId", kinds, expires_at as "expiresAt",
  status, recorded_by_id as "recordedById", approved_by_id as "approvedById", created_at as "createdAt", addressed_to_id as "addressedToId",
  confidential_until as "confidentialUntil"`;

export interface AuthorityRequestInput {
  agency: string;
  legalBasis: string;
  caseNumber: string;
  subjectId: string;
  kinds: RequestedPiiKind[];
  expiresAt: Date;
  addressedToId: string;
  confidentialUntil: Date | null;
}

function text(value: string, field: string): string {
  const t = value.trim();
  if (!t || t.length > MAX_TEXT) throw new BadInputError(`${field} must be 1 to ${MAX_TEXT} characters`, field);
  return t;
}

function validate(input: AuthorityRequestInput): AuthorityRequestInput {
  const caseNumber = input.caseNumber.trim();
  // The authority presents the case number in X-Purpose-Ref, so it must be a valid header reference.
  if (!CASE_NUMBER.test(caseNumber)) throw new BadInputError('caseNumber must be 1 to 64 letters, digits, /, ., _ or -', 'caseNumber');
  if (!isUuid(input.subjectId)) throw new NotFoundError('Person');
  if (!isUuid(input.addressedToId)) throw new BadInputError('addressedToId must name an authority account', 'addressedToId');
  const secretDays = input.confidentialUntil === null ? null : (input.confidentialUntil.getTime() - Date.now()) / 86_400_000;
  if (secretDays !== null && !(secretDays > 0 && secretDays <= MAX_CONFIDENTIAL_DAYS)) {
    throw new BadInputError(`confidentialUntil must be in the future and within ${MAX_CONFIDENTIAL_DAYS} days`, 'confidentialUntil');
  }
  if (input.kinds.length === 0) throw new BadInputError('kinds must name at least one kind of data', 'kinds');
  const days = (input.expiresAt.getTime() - Date.now()) / 86_400_000;
  if (!(days > 0 && days <= MAX_TERM_DAYS)) throw new BadInputError(`expiresAt must be in the future and within ${MAX_TERM_DAYS} days`, 'expiresAt');
  return {
    agency: text(input.agency, 'agency'),
    legalBasis: text(input.legalBasis, 'legalBasis'),
    caseNumber,
    subjectId: input.subjectId,
    kinds: [...new Set(input.kinds)].sort(),
    expiresAt: input.expiresAt,
    addressedToId: input.addressedToId,
    confidentialUntil: input.confidentialUntil,
  };
}

const INSERT = statement<
  AuthorityRequest,
  [
    agency: string,
    legalBasis: string,
    caseNumber: string,
    subjectId: string,
    kinds: RequestedPiiKind[],
    expiresAt: Date,
    adminId: string,
    addressedToId: string,
    confidentialUntil: Date | null,
  ]
>(
  'authority_request_insert',
  `insert into authority_requests
      (id, agency, legal_basis, case_number, subject_id, kinds, expires_at, recorded_by_id, status, created_at, addressed_to_id, confidential_until)
    select gen_random_uuid(), $1, $2, $3, u.id, $5, $6, $7, 'RECORDED', now(), a.id, $9 from users u, users a
    where u.id = $4 and a.id = $8 and a.role = 'AUTHORITY' and a.status = 'ACTIVE'
    on conflict (case_number) do nothing returning ${COLUMNS}`,
);
const PARTIES = statement<{ subject: boolean; authority: boolean }, [subjectId: string, addressedToId: string]>(
  'authority_request_parties',
  `select exists(select 1 from users where id = $1) as subject,
    exists(select 1 from users where id = $2 and role = 'AUTHORITY' and status = 'ACTIVE') as authority`,
);

/** Records a request addressed to one authority account; nothing is readable until a second administrator approves it. */
export async function recordAuthorityRequest(sql: Sql, adminId: string, input: AuthorityRequestInput): Promise<AuthorityRequest> {
  const r = validate(input);
  const [row] = await sql.rows(INSERT, r.agency, r.legalBasis, r.caseNumber, r.subjectId, r.kinds, r.expiresAt, adminId, r.addressedToId, r.confidentialUntil);
  if (row) return row;
  const [state] = await sql.rows(PARTIES, r.subjectId, r.addressedToId);
  if (!state.subject) throw new NotFoundError('Person');
  if (!state.authority) throw new BadInputError('addressedToId must name an active authority account', 'addressedToId');
  throw new BadInputError('A request with this case number is already recorded', 'caseNumber');
}

const APPROVE = statement<AuthorityRequest, [id: string, adminId: string]>(
  'authority_request_approve',
  `update authority_requests
    set status = 'APPROVED', approved_by_id = $2
    where id = $1 and status = 'RECORDED' and recorded_by_id <> $2 and expires_at > now() returning ${COLUMNS}`,
);
const STATE = statement<{ status: string; recordedById: string; expired: boolean }, [id: string]>(
  'authority_request_state',
  'select status, recorded_by_id as "recordedById", expires_at <= now() as expired from authority_requests where id = $1',
);

/** Four eyes: only an administrator other than the recorder approves; the table's check constraint holds the same line. */
export async function approveAuthorityRequest(sql: Sql, adminId: string, id: string): Promise<AuthorityRequestApproved | ApprovalRefused> {
  if (!isUuid(id)) throw new NotFoundError('Authority request');
  const [row] = await sql.rows(APPROVE, id, adminId);
  if (row) return { request: row };
  const [current] = await sql.rows(STATE, id);
  if (!current) throw new NotFoundError('Authority request');
  if (current.status !== 'RECORDED') return { reason: ApprovalRefusalReason.NOT_PENDING };
  if (current.recordedById === adminId) return { reason: ApprovalRefusalReason.SAME_ADMIN };
  return { reason: ApprovalRefusalReason.EXPIRED };
}

const LIST = statement<AuthorityRequest & { cursorKey: string }, [limit: number, afterKey: string | null, afterId: string | null]>(
  'authority_requests_list',
  `select ${COLUMNS}, ${timestampKeySql('created_at')} as "cursorKey"
    from authority_requests where ${keysetAfter('desc', { key: 'created_at', id: 'id' }, { key: utcTime('$2'), id: '$3' })}
    order by created_at desc, id desc limit $1`,
);

/** A page of requests, newest first, after a keyset position. */
export async function authorityRequests(sql: Sql, after: KeyCursor | null, size: number): Promise<{ nodes: AuthorityRequest[]; pageInfo: PageInfo }> {
  const rows = await sql.rows(LIST, size + 1, after?.key ?? null, after?.id ?? null);
  return keysetPage(rows, size, (r) => ({ key: r.cursorKey, id: r.id }));
}

const ADDRESSED = statement<AuthorityRequest, [authorityId: string, limit: number]>(
  'authority_requests_addressed',
  `select ${COLUMNS} from authority_requests where addressed_to_id = $1 order by created_at desc, id desc limit $2`,
);

/** An authority's own requests: only those addressed to its account, whatever their state. */
export function requestsAddressedTo(sql: Sql, authorityId: string, limit: number): Promise<AuthorityRequest[]> {
  return sql.rows(ADDRESSED, authorityId, limit);
}
