import type { KeyObject } from 'node:crypto';
import { ERASED_TEXT, openAuthored } from '../privacy/authored-text.codec.js';
import type { PiiVault } from '../privacy/pii-vault.js';

/** A stored report's reason with its reporter's wrapped key (both null once the reporter's account is erased). */
export interface StoredReportReason {
  id: string;
  reporterId: string | null;
  wrappedKey: string | null;
  reasonEnc: string | null;
}

// The row id is bound with the reporter's id, so a sealed reason cannot be moved to another report.
export const reportReasonSlot = (id: string) => `content-report:${id}:reason`;

/** The reason as the reporter wrote it, sealed under their data key. */
export function sealReportReason(vault: PiiVault, key: KeyObject, reporterId: string, id: string, reason: string): string {
  return vault.seal(key, reporterId, reportReasonSlot(id), reason);
}

export function openReportReason(vault: PiiVault, r: StoredReportReason): string {
  return openAuthored(vault, r.reporterId, r.wrappedKey, reportReasonSlot(r.id), r.reasonEnc) ?? ERASED_TEXT;
}
