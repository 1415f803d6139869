import type { Principal } from './principal.js';

/** A client's registered documents as the token check read them: whether they are all it may send, and their version. */
export interface TrustedDocumentsRule { enforced: boolean; version: number }

/** What authentication learned beyond the Principal: the caller's address, the token's session and expiry, its client's documents. */
export interface RequestFacts {
  clientAddress: string;
  sessionId: string | null;
  /** Seconds since the epoch; null for anonymous callers. */
  tokenExpiresAt: number | null;
  /** Null when the token's client registered no documents (or the token is not the gateway's). */
  trustedDocuments: TrustedDocumentsRule | null;
}

const UNKNOWN: RequestFacts = Object.freeze({ clientAddress: 'unknown', sessionId: null, tokenExpiresAt: null, trustedDocuments: null });

// Keyed by the per-request Principal object, so the facts live exactly as long as the request.
const facts = new WeakMap<Principal, RequestFacts>();

export function withFacts(principal: Principal, f: RequestFacts): Principal {
  facts.set(principal, Object.freeze(f));
  return principal;
}

/** Principals made outside the HTTP path (unit tests, scripts) share one unknown address. */
export function factsOf(principal: Principal): RequestFacts {
  return facts.get(principal) ?? UNKNOWN;
}
