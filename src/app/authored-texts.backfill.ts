import type { KeyObject } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sealComplaintTexts, type AttachmentMeta } from '../complaints/complaint.codec.js';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Config } from '../config/config.js';
import { sealReportReason } from '../moderation/content-report.codec.js';
import { sealTicketSubject } from '../support/support-ticket.codec.js';
import { insertUserKeys } from '../users/user-key.service.js';
import { createPiiVault, type PiiVault } from '../privacy/pii-vault.js';

interface LegacyText {
  id: string;
  authorId: string;
  wrappedKey: string | null;
}
interface LegacyComplaint extends LegacyText {
  subject: string;
  body: string;
  attachments: AttachmentMeta[];
}
interface LegacyReport extends LegacyText {
  reason: string;
}
interface LegacyTicket extends LegacyText {
  subject: string;
}

// Live authors only: an erased author's texts were already overwritten by the erasure and go with the plain columns.
const ofLiveAuthor = (table: string, authorColumn: string, sealedColumn: string) => `from ${table} x
  join users u on u.id = x.${authorColumn} and u.status <> 'DELETED' left join keyring.user_keys k on k.user_id = u.id
  where x.${sealedColumn} is null for update of x`;
const LEGACY_COMPLAINTS = statement<LegacyComplaint>(
  'backfill_legacy_complaints',
  `select x.id, x.user_id as "authorId", k.wrapped_key as "wrappedKey", x.subject, x.body, x.attachments
  ${ofLiveAuthor('complaints', 'user_id', 'subject_enc')}`,
);
const LEGACY_REPORTS = statement<LegacyReport>(
  'backfill_legacy_reports',
  `select x.id, x.reporter_id as "authorId", k.wrapped_key as "wrappedKey", x.reason ${ofLiveAuthor('content_reports', 'reporter_id', 'reason_enc')}`,
);
const LEGACY_TICKETS = statement<LegacyTicket>(
  'backfill_legacy_tickets',
  `select x.id, x.user_id as "authorId", k.wrapped_key as "wrappedKey", x.subject ${ofLiveAuthor('support_tickets', 'user_id', 'subject_enc')}`,
);
// Each takes the sealed values as one JSON array of {id, ...}.
const SEAL_COMPLAINTS = statement<never, [sealed: string]>(
  'backfill_seal_complaints',
  `update complaints c
  set subject_enc = s."subjectEnc", body_enc = s."bodyEnc", attachments_enc = s."attachmentsEnc"
  from jsonb_to_recordset($1::jsonb) as s(id uuid, "subjectEnc" text, "bodyEnc" text, "attachmentsEnc" text) where c.id = s.id`,
);
const SEAL_REPORTS = statement<never, [sealed: string]>(
  'backfill_seal_reports',
  'update content_reports r set reason_enc = s.enc from jsonb_to_recordset($1::jsonb) as s(id uuid, enc text) where r.id = s.id',
);
const SEAL_TICKETS = statement<never, [sealed: string]>(
  'backfill_seal_tickets',
  'update support_tickets t set subject_enc = s.enc from jsonb_to_recordset($1::jsonb) as s(id uuid, enc text) where t.id = s.id',
);

// Each author's key unwrapped once; a live author without one (nothing of theirs was sealed yet) gets one, as every new account does.
async function authorKeys(tem: EntityManager, vault: PiiVault, rows: LegacyText[]): Promise<(r: LegacyText) => KeyObject> {
  const keys = new Map<string, KeyObject>();
  const created: { id: string; key: string }[] = [];
  for (const r of rows) {
    if (keys.has(r.authorId)) continue;
    if (r.wrappedKey) {
      keys.set(r.authorId, vault.subjectKey(r.authorId, r.wrappedKey));
      continue;
    }
    const fresh = vault.newSubjectKey(r.authorId);
    keys.set(r.authorId, fresh.key);
    created.push({ id: r.authorId, key: fresh.wrapped });
  }
  await insertUserKeys(tem, created);
  return (r) => keys.get(r.authorId)!;
}

/** Seals the texts of complaints, reports and tickets written before they were sealed, under their authors' keys; returns how many rows. */
export async function sealLegacyAuthoredTexts(orm: MikroORM, cfg: Config): Promise<number> {
  const vault = createPiiVault(cfg);
  return orm.em.fork().transactional(async (tem) => {
    const tx = transactionStatements(tem);
    const complaints = await tx.rows(LEGACY_COMPLAINTS);
    const reports = await tx.rows(LEGACY_REPORTS);
    const tickets = await tx.rows(LEGACY_TICKETS);
    const keyOf = await authorKeys(tem, vault, [...complaints, ...reports, ...tickets]);
    await tx.count(SEAL_COMPLAINTS, JSON.stringify(complaints.map((r) => ({ id: r.id, ...sealComplaintTexts(vault, keyOf(r), r.authorId, r.id, r) }))));
    await tx.count(SEAL_REPORTS, JSON.stringify(reports.map((r) => ({ id: r.id, enc: sealReportReason(vault, keyOf(r), r.authorId, r.id, r.reason) }))));
    await tx.count(SEAL_TICKETS, JSON.stringify(tickets.map((r) => ({ id: r.id, enc: sealTicketSubject(vault, keyOf(r), r.authorId, r.id, r.subject) }))));
    return complaints.length + reports.length + tickets.length;
  });
}
