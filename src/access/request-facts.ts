import type { Principal } from './principal.js';

/** A client's registered documents as the token check read them: whether they are all it may send, and their version. */
export interface TrustedDocumentsRule {
  enforced: boolean;
  version: number;
}

/** What authentication learned beyond the Principal: the caller's address, the token's session and expiry, its client's documents. */
export interface RequestFacts {
  clientAddress: string;
  sessionId: string | null;
  /** Seconds since the epoch; null for anonymous callers. */
  tokenExpiresAt: number | null;
  /** Null when the token's client registered no documents (or the token is not the gateway's). */
  trustedDocuments: TrustedDocumentsRule | null;
}

/** What authentication returns for one request; the request's context carries both. */
export interface Authenticated {
  readonly principal: Principal;
  readonly facts: Readonly<RequestFacts>;
}
