import type { KeyObject } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sealComplaintTexts, type AttachmentMeta } from '../complaints/complaint.codec.js';
import type { Config } from '../config/config.js';
import { sealReportReason } from '../moderation/content-report.codec.js';
import { decryptField } from '../privacy/field-crypto.js';
import { createPiiVault, masterKeys, type PiiVault } from '../privacy/pii-vault.js';
import { sealTicketSubject } from '../support/support-ticket.codec.js';
import { newPersonalRecord, type Messengers, type PersonalData } from './personal-data.codec.js';

interface LegacyRow {
  id: string; phone: string | null; surname: string | null; first_name: string | null; patronymic: string | null; email: string | null;
  messengers: Messengers | null; iin_enc: string | null; passport_enc: string | null;
}

const LEGACY = `select id, phone, surname, first_name, patronymic, email, messengers, iin_enc, passport_enc from users
  where pii_enc is null and status <> 'DELETED'
    and coalesce(phone, surname, first_name, patronymic, email, iin_enc, passport_enc, messengers::text) is not null for update`;

/** Seals the values of users written before per-user keys (plain columns, IIN and passport under the master key); returns how many. */
export async function sealLegacyPersonalData(orm: MikroORM, cfg: Config): Promise<number> {
  const vault = createPiiVault(cfg);
  const master = masterKeys(cfg);
  return orm.em.fork().transactional(async (tem) => {
    const rows = await tem.execute<LegacyRow[]>(LEGACY);
    if (rows.length === 0) return 0;
    const records = rows.map((r) => {
      const data: PersonalData = {
        phone: r.phone, surname: r.surname, firstName: r.first_name, patronymic: r.patronymic, email: r.email, messengers: r.messengers,
        iin: r.iin_enc && decryptField(master, r.iin_enc, r.id), passport: r.passport_enc && decryptField(master, r.passport_enc, r.id),
      };
      return { id: r.id, ...newPersonalRecord(vault, r.id, data) };
    });
    // One JSON parameter: the driver would spread a JS array into a list of parameters.
    const batch = JSON.stringify(records.map((r) => ({ id: r.id, key: r.wrappedKey, ...r.sealed })));
    await tem.execute('insert into keyring.user_keys (user_id, wrapped_key) select id, key from jsonb_to_recordset(?::jsonb) as s(id uuid, key text)', [batch]);
    await tem.execute(`update users u set pii_enc = s."piiEnc", phone_bidx = s."phoneBidx", iin_bidx = s."iinBidx", passport_bidx = s."passportBidx"
      from jsonb_to_recordset(?::jsonb) as s(id uuid, "piiEnc" text, "phoneBidx" text, "iinBidx" text, "passportBidx" text) where u.id = s.id`, [batch]);
    return records.length;
  });
}

interface LegacyText { id: string; authorId: string; wrappedKey: string | null }
interface LegacyComplaint extends LegacyText { subject: string; body: string; attachments: AttachmentMeta[] }
interface LegacyReport extends LegacyText { reason: string }
interface LegacyTicket extends LegacyText { subject: string }

// Live authors only: an erased author's texts were already overwritten by the erasure and go with the plain columns.
const ofLiveAuthor = (table: string, authorColumn: string, sealedColumn: string) => `from ${table} x
  join users u on u.id = x.${authorColumn} and u.status <> 'DELETED' left join keyring.user_keys k on k.user_id = u.id
  where x.${sealedColumn} is null for update of x`;
const LEGACY_COMPLAINTS = `select x.id, x.user_id as "authorId", k.wrapped_key as "wrappedKey", x.subject, x.body, x.attachments
  ${ofLiveAuthor('complaints', 'user_id', 'subject_enc')}`;
const LEGACY_REPORTS = `select x.id, x.reporter_id as "authorId", k.wrapped_key as "wrappedKey", x.reason ${ofLiveAuthor('content_reports', 'reporter_id', 'reason_enc')}`;
const LEGACY_TICKETS = `select x.id, x.user_id as "authorId", k.wrapped_key as "wrappedKey", x.subject ${ofLiveAuthor('support_tickets', 'user_id', 'subject_enc')}`;

// Each author's key unwrapped once; a live author without one (nothing of theirs was sealed yet) gets one, as every new account does.
async function authorKeys(tem: EntityManager, vault: PiiVault, rows: LegacyText[]): Promise<(r: LegacyText) => KeyObject> {
  const keys = new Map<string, KeyObject>();
  const created: { id: string; key: string }[] = [];
  for (const r of rows) {
    if (keys.has(r.authorId)) continue;
    if (r.wrappedKey) { keys.set(r.authorId, vault.subjectKey(r.authorId, r.wrappedKey)); continue; }
    const fresh = vault.newSubjectKey(r.authorId);
    keys.set(r.authorId, fresh.key);
    created.push({ id: r.authorId, key: fresh.wrapped });
  }
  if (created.length) {
    await tem.execute('insert into keyring.user_keys (user_id, wrapped_key) select id, key from jsonb_to_recordset(?::jsonb) as s(id uuid, key text)', [JSON.stringify(created)]);
  }
  return (r) => keys.get(r.authorId)!;
}

/** Seals the texts of complaints, reports and tickets written before they were sealed, under their authors' keys; returns how many rows. */
export async function sealLegacyAuthoredTexts(orm: MikroORM, cfg: Config): Promise<number> {
  const vault = createPiiVault(cfg);
  return orm.em.fork().transactional(async (tem) => {
    const complaints = await tem.execute<LegacyComplaint[]>(LEGACY_COMPLAINTS);
    const reports = await tem.execute<LegacyReport[]>(LEGACY_REPORTS);
    const tickets = await tem.execute<LegacyTicket[]>(LEGACY_TICKETS);
    const keyOf = await authorKeys(tem, vault, [...complaints, ...reports, ...tickets]);
    const batch = (rows: object[]) => [JSON.stringify(rows)];
    await tem.execute(`update complaints c set subject_enc = s."subjectEnc", body_enc = s."bodyEnc", attachments_enc = s."attachmentsEnc"
      from jsonb_to_recordset(?::jsonb) as s(id uuid, "subjectEnc" text, "bodyEnc" text, "attachmentsEnc" text) where c.id = s.id`,
    batch(complaints.map((r) => ({ id: r.id, ...sealComplaintTexts(vault, keyOf(r), r.authorId, r.id, r) }))));
    await tem.execute('update content_reports r set reason_enc = s.enc from jsonb_to_recordset(?::jsonb) as s(id uuid, enc text) where r.id = s.id',
      batch(reports.map((r) => ({ id: r.id, enc: sealReportReason(vault, keyOf(r), r.authorId, r.id, r.reason) }))));
    await tem.execute('update support_tickets t set subject_enc = s.enc from jsonb_to_recordset(?::jsonb) as s(id uuid, enc text) where t.id = s.id',
      batch(tickets.map((r) => ({ id: r.id, enc: sealTicketSubject(vault, keyOf(r), r.authorId, r.id, r.subject) }))));
    return complaints.length + reports.length + tickets.length;
  });
}
