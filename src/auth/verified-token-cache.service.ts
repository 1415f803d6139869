import { decodeProtectedHeader } from 'jose';
import { LruCache } from '../cache/lru-cache.js';
import { AuthError } from '../access/auth.errors.js';
import { CLOCK_TOLERANCE_SECONDS, type AccessTokenVerifier, type VerifiedAccessToken } from '../oauth/access-token.js';
import type { KeyRing } from '../oauth/signing-keys.js';

interface Kept {
  token: VerifiedAccessToken;
  kid: string;
}

/**
 * A signature checked once stays good: a token seen before skips the ECDSA verification (a fifth of a small request's CPU),
 * never the expiry or the retirement of the key that signed it. Keyed by the whole token, so a changed byte is a new token.
 */
export function keepVerifiedTokens(verify: AccessTokenVerifier, ring: KeyRing, entries: number, nowSeconds = () => Date.now() / 1000): AccessTokenVerifier {
  const kept = new LruCache<string, Kept>(entries);
  return async (token, options) => {
    // Callers with their own clock or revocation check get the full verification.
    if (options) return verify(token, options);
    const hit = kept.get(token);
    if (hit && ring.hasKey(hit.kid)) {
      // jose's rule: expired once exp <= now - tolerance.
      if (hit.token.expiresAt > nowSeconds() - CLOCK_TOLERANCE_SECONDS) return hit.token;
      throw new AuthError('TOKEN_EXPIRED');
    }
    const verified = Object.freeze(await verify(token));
    kept.set(token, { token: verified, kid: decodeProtectedHeader(token).kid as string });
    return verified;
  };
}
