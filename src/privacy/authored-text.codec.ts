import type { PiiVault } from './pii-vault.js';

/** What a text reads as once its author's data key is gone (erased account), in the live row or in a copy restored from a backup. */
export const ERASED_TEXT = '[removed on account deletion]';

// Texts users write (complaints, reports, tickets) are sealed under their author's data key, so erasing the account shreds every copy.

/** The text, or null when it or its author's key is gone; a value moved from another row or column fails authentication. */
export function openAuthored(vault: PiiVault, authorId: string | null, wrappedKey: string | null, slot: string, sealed: string | null): string | null {
  if (!authorId || !wrappedKey || sealed === null) return null;
  return vault.open(vault.subjectKey(authorId, wrappedKey), authorId, slot, sealed);
}
