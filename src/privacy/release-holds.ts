import type { Recipient } from './privacy.recipient.js';

/** Recipients whose FULL releases an open incident holds: answered from memory, so deciding costs no statement per request. */
export interface ReleaseHolds {
  isHeld(recipient: Recipient): boolean;
  /** Re-reads the held recipients now, after this instance changed a hold; the others catch up at their next refresh. */
  refresh(): Promise<void>;
}
