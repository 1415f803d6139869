import { randomBytes } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Config } from '../config/config.js';
import { AuthError } from './auth.errors.js';
import { SCOPE_TOKEN } from './client-credentials.js';
import { PRINCIPAL_KINDS, type PrincipalKind } from './principal.js';
import { KeyRing, SIGNING_ALG } from './signing-keys.js';

export const ACCESS_TOKEN_TYP = 'at+jwt';
export const CLOCK_TOLERANCE_SECONDS = 30;
const REQUIRED_CLAIMS = ['sub', 'exp', 'iat', 'jti', 'client_id'];

export interface AccessTokenClaims {
  sub: string;
  kind: Exclude<PrincipalKind, 'ANONYMOUS'>;
  /** RFC 9068 makes client_id mandatory, so every token names its client. */
  clientId: string;
  partnerId?: string;
  scope?: readonly string[];
  sid?: string;
}

export interface VerifiedAccessToken {
  issuer: string;
  audience: string[];
  subject: string;
  tokenId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  scopes: string[];
  /** Null for tokens from an external issuer, which do not carry our kind claim. */
  kind: Exclude<PrincipalKind, 'ANONYMOUS'> | null;
  partnerId: string | null;
  sessionId: string | null;
}

export type RevocationCheck = (jti: string, clientId: string, sid: string | null) => boolean | Promise<boolean>;

export interface VerifyOptions {
  nowSeconds?: number;
  isRevoked?: RevocationCheck;
}

export type AccessTokenVerifier = (token: string, options?: VerifyOptions) => Promise<VerifiedAccessToken>;

export async function issueAccessToken(ring: KeyRing, cfg: Config, claims: AccessTokenClaims, ttlSeconds: number): Promise<string> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new TypeError('ttlSeconds must be a positive integer');
  if ((claims.kind as string) === 'ANONYMOUS' || !PRINCIPAL_KINDS.includes(claims.kind)) throw new TypeError('invalid principal kind');
  const scope = claims.scope ?? [];
  if (!scope.every((s) => SCOPE_TOKEN.test(s))) throw new TypeError('invalid scope token');
  const { kid, key } = ring.signingKey();
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = { client_id: claims.clientId, kind: claims.kind };
  if (scope.length) payload.scope = scope.join(' ');
  if (claims.partnerId) payload.partner_id = claims.partnerId;
  if (claims.sid) payload.sid = claims.sid;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: SIGNING_ALG, typ: ACCESS_TOKEN_TYP, kid })
    .setIssuer(cfg.jwt.issuer)
    .setAudience(cfg.jwt.audience)
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .setJti(randomBytes(16).toString('base64url'))
    .sign(key);
}

export function createLocalVerifier(keys: KeyRing | JSONWebKeySet, cfg: Config): AccessTokenVerifier {
  // Late-bound so that a rotation or retirement takes effect on the next token.
  const getKey = keys instanceof KeyRing ? (...a: Parameters<JWTVerifyGetKey>) => keys.resolveKey(...a) : createLocalJWKSet(keys);
  return (token, options) => verifyWith(getKey, cfg.jwt.issuer, cfg.jwt.audience, token, options);
}

/** Verifier for access tokens from an external OpenID issuer, with the same checks. */
export function createRemoteVerifier(cfg: Config, issuer: string, jwksUrl: string): AccessTokenVerifier {
  const url = new URL(jwksUrl);
  if (cfg.env === 'production' && url.protocol !== 'https:') throw new TypeError('the OpenID JWKS URL must use https in production');
  const getKey = createRemoteJWKSet(url);
  return (token, options) => verifyWith(getKey, issuer, cfg.jwt.audience, token, options);
}

/** Routes on the unverified iss claim; the chosen verifier then checks everything, iss included. */
export function verifierByIssuer(verifiers: ReadonlyMap<string, AccessTokenVerifier>): AccessTokenVerifier {
  return async (token, options) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new AuthError('TOKEN_MALFORMED');
    }
    const verify = typeof issuer === 'string' ? verifiers.get(issuer) : undefined;
    if (!verify) throw new AuthError('TOKEN_ISSUER');
    return verify(token, options);
  };
}

export function verifyAccessToken(keys: KeyRing | JSONWebKeySet, cfg: Config, token: string, options?: VerifyOptions): Promise<VerifiedAccessToken> {
  return createLocalVerifier(keys, cfg)(token, options);
}

async function verifyWith(getKey: JWTVerifyGetKey, issuer: string, audience: string, token: string, options: VerifyOptions = {}): Promise<VerifiedAccessToken> {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, requireKid(getKey), {
      algorithms: [SIGNING_ALG],
      typ: ACCESS_TOKEN_TYP,
      issuer,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: REQUIRED_CLAIMS,
      currentDate: new Date(now * 1000),
    }));
  } catch (err) {
    throw toAuthError(err);
  }
  const verified = readClaims(payload);
  if (verified.issuedAt > now + CLOCK_TOLERANCE_SECONDS) throw new AuthError('TOKEN_NOT_YET_VALID');
  if (await options.isRevoked?.(verified.tokenId, verified.clientId, verified.sessionId)) throw new AuthError('TOKEN_REVOKED');
  return verified;
}

function requireKid(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, input) => {
    if (typeof header.kid !== 'string' || !header.kid) throw new AuthError('TOKEN_UNKNOWN_KEY');
    try {
      return await getKey(header, input);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw new AuthError('TOKEN_UNKNOWN_KEY');
      // A JWKS fetch failure is our outage, not a bad token: do not send the client to re-authenticate.
      throw new AuthError('KEYS_UNAVAILABLE', { cause: err });
    }
  };
}

const CLAIM_CODES: Record<string, AuthError['code']> = {
  nbf: 'TOKEN_NOT_YET_VALID',
  iss: 'TOKEN_ISSUER',
  aud: 'TOKEN_AUDIENCE',
  typ: 'TOKEN_TYPE',
};

function toAuthError(err: unknown): unknown {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) return new AuthError('TOKEN_EXPIRED');
  if (err instanceof errors.JWTClaimValidationFailed) return new AuthError(CLAIM_CODES[err.claim] ?? 'TOKEN_CLAIMS');
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthError('TOKEN_ALGORITHM');
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthError('TOKEN_SIGNATURE');
  if (err instanceof errors.JOSEError) return new AuthError('TOKEN_MALFORMED');
  return err;
}

function optionalString(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !value) throw new AuthError('TOKEN_CLAIMS');
  return value;
}

function readClaims(p: JWTPayload): VerifiedAccessToken {
  const { sub, jti, iat, exp, client_id: clientId, kind } = p;
  const strings = [sub, jti, clientId, p.iss];
  if (!strings.every((s) => typeof s === 'string' && s) || typeof iat !== 'number' || typeof exp !== 'number') throw new AuthError('TOKEN_CLAIMS');
  if (kind !== undefined && (kind === 'ANONYMOUS' || !PRINCIPAL_KINDS.includes(kind as PrincipalKind))) throw new AuthError('TOKEN_CLAIMS');
  const scope = optionalString(p.scope);
  return {
    issuer: p.iss as string,
    audience: typeof p.aud === 'string' ? [p.aud] : (p.aud as string[]),
    subject: sub as string,
    tokenId: jti as string,
    clientId: clientId as string,
    issuedAt: iat,
    expiresAt: exp,
    scopes: scope ? scope.split(' ').filter(Boolean) : [],
    kind: (kind as VerifiedAccessToken['kind']) ?? null,
    partnerId: optionalString(p.partner_id),
    sessionId: optionalString(p.sid),
  };
}
