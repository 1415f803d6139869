import type { KeyObject } from 'node:crypto';
import { ForbiddenError } from '../graphql/errors.js';
import type { PiiVault } from './pii-vault.js';

/** What a text reads as once its author's data key is gone (erased account), in the live row or in a copy restored from a backup. */
export const ERASED_TEXT = '[removed on account deletion]';

/** Texts users write (complaints, reports, tickets) sealed under their author's data key, so erasing the account shreds every copy. */
export class AuthorKeys {
  private readonly keys = new Map<string, KeyObject>();
  constructor(readonly vault: PiiVault) {}

  /** The author's data key, unwrapped once; null when there is no author or their key is gone. */
  key(authorId: string | null, wrappedKey: string | null): KeyObject | null {
    if (!authorId || !wrappedKey) return null;
    let key = this.keys.get(authorId);
    if (!key) { key = this.vault.subjectKey(authorId, wrappedKey); this.keys.set(authorId, key); }
    return key;
  }

  /** The key of an author who is writing now; a missing key means the account was erased. */
  writerKey(authorId: string, wrappedKey: string | undefined): KeyObject {
    const key = this.key(authorId, wrappedKey ?? null);
    if (!key) throw new ForbiddenError('The account is not active', 'ACCOUNT_NOT_ACTIVE');
    return key;
  }

  /** The text, or null when it or its author's key is gone; a value moved from another row or column fails authentication. */
  open(authorId: string | null, wrappedKey: string | null, slot: string, sealed: string | null): string | null {
    const key = this.key(authorId, wrappedKey);
    return key && sealed !== null ? this.vault.open(key, authorId!, slot, sealed) : null;
  }
}
