import type { KeyObject } from 'node:crypto';
import { openAuthored } from '../privacy/authored-text.codec.js';
import type { PiiVault } from '../privacy/pii-vault.js';

// The row id is bound with the user's id, so a sealed subject cannot be moved to another ticket.
export const ticketSubjectSlot = (id: string) => `support-ticket:${id}:subject`;

/** The subject as the user wrote it, sealed under their data key (read back only for the user). */
export function sealTicketSubject(vault: PiiVault, key: KeyObject, userId: string, id: string, subject: string): string {
  return vault.seal(key, userId, ticketSubjectSlot(id), subject);
}

/** The subject for its author only; null once the author's key is gone. */
export function openTicketSubject(vault: PiiVault, userId: string, wrappedKey: string | null, id: string, sealed: string | null): string | null {
  return openAuthored(vault, userId, wrappedKey, ticketSubjectSlot(id), sealed);
}
