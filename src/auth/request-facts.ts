import type { Principal } from './principal.js';

/** What authentication learned beyond the Principal: the caller's address and the token's session and expiry. */
export interface RequestFacts {
  clientAddress: string;
  sessionId: string | null;
  /** Seconds since the epoch; null for anonymous callers. */
  tokenExpiresAt: number | null;
}

const UNKNOWN: RequestFacts = Object.freeze({ clientAddress: 'unknown', sessionId: null, tokenExpiresAt: null });

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
