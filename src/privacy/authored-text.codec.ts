import type { KeyObject } from 'node:crypto';
import { ForbiddenError } from '../graphql/errors.js';
import type { PiiVault } from './pii-vault.js';

/** What a text reads as once its author's data key is gone (erased account), in the live row or in a copy restored from a backup. */
export const ERASED_TEXT = '[removed on account deletion]';

// Texts users write (complaints, reports, tickets) are sealed under their author's data key, so erasing the account shreds every copy.

/** The key of an author who is writing now; a missing key means the account was erased. */
export function writerKey(vault: PiiVault, authorId: string, wrappedKey: string | undefined): KeyObject {
  if (!wrappedKey) throw new ForbiddenError('The account is not active', 'ACCOUNT_NOT_ACTIVE');
  return vault.subjectKey(authorId, wrappedKey);
}

/** The text, or null when it or its author's key is gone; a value moved from another row or column fails authentication. */
export function openAuthored(vault: PiiVault, authorId: string | null, wrappedKey: string | null, slot: string, sealed: string | null): string | null {
  if (!authorId || !wrappedKey || sealed === null) return null;
  return vault.open(vault.subjectKey(authorId, wrappedKey), authorId, slot, sealed);
}
