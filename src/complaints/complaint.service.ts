import { randomUUID } from 'node:crypto';
import { statement } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid, keysetPage, timestampKeySql, type KeyCursor } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { authorReached, exposeFreeText } from '../privacy/free-text.exposure.js';
import { writerKeyOf } from '../users/user-key.service.js';
import { openComplaintTexts, sealComplaintTexts, type StoredComplaintTexts } from './complaint.codec.js';
import type { AttachmentInput } from './complaint.input.js';
import type { PageInfo } from '../tours/tour.type.js';
import type { Complaint, ComplaintStatus } from './complaint.type.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

const MAX_SUBJECT = 200;
const MAX_BODY = 10_000;
const MAX_ATTACHMENTS = 10;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_TOTAL_BYTES = 25 * 1024 * 1024;
const MIME_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'text/plain']);
// eslint-disable-next-line no-control-regex -- control characters are what a file name must not contain
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,255}$/u;
const SHA256 = /^[0-9a-f]{64}$/;
// Each row with its author's wrapped key, so a list is one statement; a gone key reads as the erased placeholder.
const COLUMNS = `c.id, c.user_id as "userId", c.subject_enc as "subjectEnc", c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc",
  c.status, c.created_at as "createdAt", k.wrapped_key as "wrappedKey"`;
const WITH_KEY = 'left join keyring.user_keys k on k.user_id = c.user_id';

interface StoredComplaint extends StoredComplaintTexts {
  status: ComplaintStatus;
  createdAt: Date;
}

const INSERT = statement<{ status: ComplaintStatus; createdAt: Date }, [id: string, userId: string, subjectEnc: string, bodyEnc: string, attachmentsEnc: string]>(
  'complaint_insert',
  `insert into complaints
    (id, user_id, subject_enc, body_enc, attachments_enc, status, created_at) values ($1, $2, $3, $4, $5, 'RECEIVED', now())
  returning status, created_at as "createdAt"`,
);
const OF_USER = statement<StoredComplaint, [userId: string]>(
  'complaints_of_user',
  `select ${COLUMNS} from complaints c ${WITH_KEY}
  where c.user_id = $1 order by c.created_at desc, c.id desc`,
);
const BY_STATUS = statement<StoredComplaint & { cursorKey: string }, [status: ComplaintStatus | null, limit: number, afterKey: string | null, afterId: string | null]>(
  'complaints_by_status',
  `select ${COLUMNS}, ${timestampKeySql('c.created_at')} as "cursorKey"
    from complaints c ${WITH_KEY}
    where ($1::text is null or c.status = $1) and ${keysetAfter('asc', { key: 'c.created_at', id: 'c.id' }, { key: utcTime('$3'), id: '$4' })}
    order by c.created_at, c.id limit $2`,
);
const SET_STATUS = statement<StoredComplaint, [id: string, status: ComplaintStatus]>(
  'complaint_set_status',
  `with c as (update complaints set status = $2 where id = $1 returning *) select ${COLUMNS} from c ${WITH_KEY}`,
);

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
  if (!Number.isInteger(a.sizeBytes) || a.sizeBytes < 1 || a.sizeBytes > MAX_FILE_BYTES)
    throw new BadInputError(`${at}.sizeBytes must be 1 to ${MAX_FILE_BYTES}`, `${at}.sizeBytes`);
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

function opened(ctx: GatewayContext, rows: StoredComplaint[]): Complaint[] {
  return rows.map((r) => ({ id: r.id, userId: r.userId, status: r.status, createdAt: r.createdAt, ...openComplaintTexts(ctx.services.vault, r) }));
}

// Staff read what someone else wrote: personal data in it, file names included, as the policy lets them see its author.
async function asStaffSees(ctx: GatewayContext, c: Complaint): Promise<Complaint> {
  const author = await authorReached(ctx, c.userId, c.id);
  const show = (t: string) => exposeFreeText(ctx, author, t);
  const attachments = await Promise.all(c.attachments.map(async (a) => ({ ...a, name: await show(a.name) })));
  return { ...c, subject: await show(c.subject), body: await show(c.body), attachments };
}

/** Sealed under the author's data key before it is stored; the caller gets back what they wrote. */
export async function fileComplaint(ctx: GatewayContext, userId: string, subject: string, body: string, attachments: AttachmentInput[]): Promise<Complaint> {
  const { sql, vault } = ctx.services;
  const texts = { subject: text(subject, 'subject', MAX_SUBJECT), body: text(body, 'body', MAX_BODY), attachments: validAttachments(attachments) };
  const id = randomUUID();
  const sealed = sealComplaintTexts(vault, await writerKeyOf(ctx.em(), vault, userId), userId, id, texts);
  const [saved] = await sql.rows(INSERT, id, userId, sealed.subjectEnc, sealed.bodyEnc, sealed.attachmentsEnc);
  return { id, userId, ...texts, ...saved };
}

export async function complaintsOfUser(ctx: GatewayContext, userId: string): Promise<Complaint[]> {
  return opened(ctx, await ctx.services.sql.rows(OF_USER, userId));
}

/** A page of complaints, oldest first, after a keyset position; only the page's rows are opened. */
export async function complaintsByStatus(
  ctx: GatewayContext,
  status: ComplaintStatus | null,
  after: KeyCursor | null,
  size: number,
): Promise<{ nodes: Complaint[]; pageInfo: PageInfo }> {
  const rows = await ctx.services.sql.rows(BY_STATUS, status, size + 1, after?.key ?? null, after?.id ?? null);
  const { nodes, pageInfo } = keysetPage(rows, size, (r) => ({ key: r.cursorKey, id: r.id }));
  return { nodes: await Promise.all(opened(ctx, nodes).map((c) => asStaffSees(ctx, c))), pageInfo };
}

export async function setComplaintStatus(ctx: GatewayContext, id: string, status: ComplaintStatus): Promise<Complaint> {
  if (!isUuid(id)) throw new NotFoundError('Complaint');
  const rows = await ctx.services.sql.rows(SET_STATUS, id, status);
  if (!rows.length) throw new NotFoundError('Complaint');
  return asStaffSees(ctx, opened(ctx, rows)[0]);
}
