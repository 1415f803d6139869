import type { KeyObject } from 'node:crypto';
import type { PiiVault } from '../privacy/pii-vault.js';

// The row id is bound with the user's id, so a sealed subject cannot be moved to another ticket.
export const ticketSubjectSlot = (id: string) => `support-ticket:${id}:subject`;

/** The subject as the user wrote it, sealed under their data key (the gateway itself never reads it back). */
export function sealTicketSubject(vault: PiiVault, key: KeyObject, userId: string, id: string, subject: string): string {
  return vault.seal(key, userId, ticketSubjectSlot(id), subject);
}
