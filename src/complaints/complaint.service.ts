import type { Sql } from '../db/sql.js';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import type { AttachmentInput } from './complaint.input.js';
import type { Complaint, ComplaintStatus } from './complaint.type.js';

const MAX_SUBJECT = 200;
const MAX_BODY = 10_000;
const MAX_ATTACHMENTS = 10;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_TOTAL_BYTES = 25 * 1024 * 1024;
const MIME_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'text/plain']);
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,255}$/u;
const SHA256 = /^[0-9a-f]{64}$/;
const COLUMNS = 'id, subject, body, attachments, status, created_at as "createdAt", user_id as "userId"';

function text(value: string, field: string, max: number): string {
  const t = value.trim();
  if (!t || t.length > max) throw new BadInputError(`${field} must be 1 to ${max} characters`, field);
  return t;
}

// Messages name the field and the index only, never the rejected value.
function attachment(a: AttachmentInput, i: number): AttachmentInput {
  const at = `attachments[${i}]`;
  if (!FILE_NAME.test(a.name.trim())) throw new BadInputError(`${at}.name must be 1 to 255 characters without slashes or control characters`, `${at}.name`);
  const mimeType = a.mimeType.trim().toLowerCase();
  if (!MIME_TYPES.has(mimeType)) throw new BadInputError(`${at}.mimeType must be one of ${[...MIME_TYPES].join(', ')}`, `${at}.mimeType`);
  if (!Number.isInteger(a.sizeBytes) || a.sizeBytes < 1 || a.sizeBytes > MAX_FILE_BYTES) throw new BadInputError(`${at}.sizeBytes must be 1 to ${MAX_FILE_BYTES}`, `${at}.sizeBytes`);
  const sha256 = a.sha256.trim().toLowerCase();
  if (!SHA256.test(sha256)) throw new BadInputError(`${at}.sha256 must be 64 hex digits`, `${at}.sha256`);
  return { name: a.name.trim(), mimeType, sizeBytes: a.sizeBytes, sha256 };
}

export function validAttachments(list: AttachmentInput[]): AttachmentInput[] {
  if (list.length > MAX_ATTACHMENTS) throw new BadInputError(`At most ${MAX_ATTACHMENTS} attachments`, 'attachments');
  const checked = list.map(attachment);
  if (checked.reduce((n, a) => n + a.sizeBytes, 0) > MAX_TOTAL_BYTES) throw new BadInputError(`Attachments may total at most ${MAX_TOTAL_BYTES} bytes`, 'attachments');
  return checked;
}

export async function fileComplaint(sql: Sql, userId: string, subject: string, body: string, attachments: AttachmentInput[]): Promise<Complaint> {
  const row = { subject: text(subject, 'subject', MAX_SUBJECT), body: text(body, 'body', MAX_BODY), attachments: validAttachments(attachments) };
  const [saved] = await sql.rows<Complaint>('complaint_insert', `insert into complaints (id, user_id, subject, body, attachments, status, created_at)
    values (gen_random_uuid(), $1, $2, $3, $4::jsonb, 'RECEIVED', now()) returning ${COLUMNS}`, [userId, row.subject, row.body, JSON.stringify(row.attachments)]);
  return saved;
}

export function complaintsOfUser(sql: Sql, userId: string): Promise<Complaint[]> {
  return sql.rows<Complaint>('complaints_of_user', `select ${COLUMNS} from complaints where user_id = $1 order by created_at desc, id desc`, [userId]);
}

export function complaintsByStatus(sql: Sql, status: ComplaintStatus | null, limit: number): Promise<Complaint[]> {
  return sql.rows<Complaint>('complaints_by_status', `select ${COLUMNS} from complaints where ($1::text is null or status = $1)
    order by created_at, id limit $2`, [status, limit]);
}

export async function setComplaintStatus(ctx: GatewayContext, id: string, status: ComplaintStatus): Promise<Complaint> {
  if (!isUuid(id)) throw new NotFoundError('Complaint');
  const [row] = await ctx.services.sql.rows<Complaint>('complaint_set_status', `update complaints set status = $2 where id = $1 returning ${COLUMNS}`, [id, status]);
  if (!row) throw new NotFoundError('Complaint');
  return row;
}
