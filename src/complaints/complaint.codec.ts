import type { KeyObject } from 'node:crypto';
import { ERASED_TEXT, openAuthored } from '../privacy/authored-text.codec.js';
import type { PiiVault } from '../privacy/pii-vault.js';

export interface AttachmentMeta {
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** What the complainant wrote; it exists in clear only in memory. */
export interface ComplaintTexts {
  subject: string;
  body: string;
  attachments: AttachmentMeta[];
}

/** The columns a complaint stores for those texts, sealed under the author's data key. */
export interface SealedComplaintTexts {
  subjectEnc: string;
  bodyEnc: string;
  attachmentsEnc: string;
}

/** A stored complaint's sealed texts (null once the account is erased) with its author's wrapped key (null when the key is gone). */
export interface StoredComplaintTexts {
  id: string;
  userId: string;
  wrappedKey: string | null;
  subjectEnc: string | null;
  bodyEnc: string | null;
  attachmentsEnc: string | null;
}

// The row id and column are bound with the author's id, so a sealed text cannot be moved to another complaint or column.
export const complaintSlot = (id: string, column: keyof ComplaintTexts) => `complaint:${id}:${column}`;

export function sealComplaintTexts(vault: PiiVault, key: KeyObject, userId: string, id: string, t: ComplaintTexts): SealedComplaintTexts {
  return {
    subjectEnc: vault.seal(key, userId, complaintSlot(id, 'subject'), t.subject),
    bodyEnc: vault.seal(key, userId, complaintSlot(id, 'body'), t.body),
    attachmentsEnc: vault.seal(key, userId, complaintSlot(id, 'attachments'), JSON.stringify(t.attachments)),
  };
}

/** An erased author's texts read as ERASED_TEXT, their attachments as none. */
export function openComplaintTexts(vault: PiiVault, r: StoredComplaintTexts): ComplaintTexts {
  const open = (column: keyof ComplaintTexts, sealed: string | null) => openAuthored(vault, r.userId, r.wrappedKey, complaintSlot(r.id, column), sealed);
  const attachments = open('attachments', r.attachmentsEnc);
  return {
    subject: open('subject', r.subjectEnc) ?? ERASED_TEXT,
    body: open('body', r.bodyEnc) ?? ERASED_TEXT,
    attachments: attachments === null ? [] : (JSON.parse(attachments) as AttachmentMeta[]),
  };
}
