import type { PrincipalKind, Purpose } from './privacy.vocabulary.js';

/** The caller as the policy sees it: who asks, why, and under which record; access's Principal adds how the caller signed in. */
export interface Recipient {
  readonly kind: PrincipalKind;
  readonly id: string | null;
  readonly partnerId: string | null;
  readonly scopes: readonly string[];
  readonly purpose: Purpose | null;
  /** Ticket, case or request number backing the purpose. */
  readonly purposeRef: string | null;
}
