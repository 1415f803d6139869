import type { KeyObject } from 'node:crypto';
import { openAuthored } from '../privacy/authored-text.codec.js';
import type { PiiVault } from '../privacy/pii-vault.js';

// The case id is bound with the opener's id, so a sealed reason cannot be moved to another case.
export const fraudReasonSlot = (id: string) => `fraud-case:${id}:reason`;

/** The reason as the administrator wrote it (it is about people), sealed under that administrator's data key. */
export function sealFraudReason(vault: PiiVault, key: KeyObject, openerId: string, id: string, reason: string): string {
  return vault.seal(key, openerId, fraudReasonSlot(id), reason);
}

export function openFraudReason(vault: PiiVault, openerId: string, wrappedKey: string | null, id: string, sealed: string | null): string | null {
  return openAuthored(vault, openerId, wrappedKey, fraudReasonSlot(id), sealed);
}
