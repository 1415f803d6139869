import type { KeyObject } from 'node:crypto';
import { sealComplaintTexts } from '../src/complaints/complaint.codec.js';
import { sealFraudReason } from '../src/fraud/fraud-case.codec.js';
import { sealReportReason } from '../src/moderation/content-report.codec.js';
import type { PiiVault } from '../src/privacy/pii-vault.js';
import { sealTicketSubject } from '../src/support/support-ticket.codec.js';
import { newPersonalRecord } from '../src/users/personal-data.codec.js';
import { normalizePassport } from '../src/users/passport.js';
import type { DemoData, DemoRows, PlainUserRow, UserKeyRow, UserRow } from './demo.types.js';

function sealedUser(vault: PiiVault, u: PlainUserRow): { user: UserRow; key: UserKeyRow; dataKey: KeyObject } {
  const { dataKey, wrappedKey, sealed } = newPersonalRecord(vault, u.id, {
    phone: u.phone,
    surname: u.surname,
    firstName: u.first_name,
    patronymic: u.patronymic,
    email: u.email,
    messengers: u.messengers,
    iin: u.iin,
    passport: u.passport === null ? null : normalizePassport(u.passport),
  });
  return {
    user: {
      id: u.id,
      pii_enc: sealed.piiEnc,
      phone_bidx: sealed.phoneBidx!,
      iin_bidx: sealed.iinBidx,
      passport_bidx: sealed.passportBidx,
      gender: u.gender,
      role: u.role,
      status: u.status,
      created_at: u.created_at,
    },
    key: { user_id: u.id, wrapped_key: wrappedKey, created_at: u.created_at },
    dataKey,
  };
}

/**
 * Replaces every personal value and client secret with what may be stored: values and the texts users wrote sealed under
 * each user's own key, blind indexes, hashes.
 */
export function toDatabaseRows(data: DemoData, vault: PiiVault, secretHashes: ReadonlyMap<string, string>): DemoRows {
  const users = data.users.map((u) => sealedUser(vault, u));
  const dataKeys = new Map(users.map((u) => [u.user.id, u.dataKey]));
  const keyOf = (userId: string) => {
    const key = dataKeys.get(userId);
    if (!key) throw new Error(`no data key for user ${userId}`);
    return key;
  };
  return {
    ...data,
    users: users.map((u) => u.user),
    userKeys: users.map((u) => u.key),
    apiClients: data.apiClients.map(({ client_secret: _secret, ...c }) => {
      const hash = secretHashes.get(c.client_id);
      if (!hash) throw new Error(`no secret hash for client ${c.client_id}`);
      return { ...c, secret_hash: hash };
    }),
    supportTickets: data.supportTickets.map(({ subject, ...t }) => ({ ...t, subject_enc: sealTicketSubject(vault, keyOf(t.user_id), t.user_id, t.id, subject) })),
    contentReports: data.contentReports.map(({ reason, ...r }) => ({ ...r, reason_enc: sealReportReason(vault, keyOf(r.reporter_id), r.reporter_id, r.id, reason) })),
    complaints: data.complaints.map(({ subject, body, attachments, ...c }) => {
      const sealed = sealComplaintTexts(vault, keyOf(c.user_id), c.user_id, c.id, { subject, body, attachments });
      return { ...c, subject_enc: sealed.subjectEnc, body_enc: sealed.bodyEnc, attachments_enc: sealed.attachmentsEnc };
    }),
    fraudCases: data.fraudCases.map(({ reason, ...c }) => ({ ...c, reason_enc: sealFraudReason(vault, keyOf(c.opened_by_id), c.opened_by_id, c.id, reason) })),
  };
}
