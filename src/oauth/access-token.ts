import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config, OidcConfig, StaffKind } from '../config/config.js';
import { AuthError } from '../access/auth.errors.js';
import { SCOPE_TOKEN } from './client-credentials.js';
import { PRINCIPAL_KINDS, type PrincipalKind } from '../access/principal.js';
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
  /** For the external issuer's tokens, the staff kind its role claim maps to; null when a gateway token carries no kind. */
  kind: Exclude<PrincipalKind, 'ANONYMOUS'> | null;
  partnerId: string | null;
  sessionId: string | null;
  /** Signed by the external OpenID issuer: the subject is that issuer's, linked to a staff account (users.oidc_subject). */
  external: boolean;
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
  return (token, options) => verifyWith(getKey, { issuer: cfg.jwt.issuer, audience: cfg.jwt.audience, algorithms: [SIGNING_ALG] }, readClaims, token, options);
}

/** Verifier for access tokens from the external OpenID issuer: the same checks, and a staff kind only through the role map. */
export function createRemoteVerifier(cfg: Config, oidc: OidcConfig): AccessTokenVerifier {
  const getKey = createRemoteJWKSet(new URL(oidc.jwksUrl));
  const expected = { issuer: oidc.issuer, audience: cfg.jwt.audience, algorithms: oidc.algorithms };
  return (token, options) => verifyWith(getKey, expected, (p) => readStaffClaims(p, oidc), token, options);
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

type ClaimsReader = (payload: JWTPayload) => VerifiedAccessToken;
interface Expected {
  issuer: string;
  audience: string;
  algorithms: readonly string[];
}

async function verifyWith(getKey: JWTVerifyGetKey, expected: Expected, read: ClaimsReader, token: string, options: VerifyOptions = {}): Promise<VerifiedAccessToken> {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, requireKid(getKey), {
      algorithms: [...expected.algorithms],
      typ: ACCESS_TOKEN_TYP,
      issuer: expected.issuer,
      audience: expected.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: REQUIRED_CLAIMS,
      currentDate: new Date(now * 1000),
    }));
  } catch (err) {
    throw toAuthError(err);
  }
  const verified = read(payload);
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

const isString = (s: unknown): s is string => typeof s === 'string';

function readClaims(p: JWTPayload): VerifiedAccessToken {
  const { sub, jti, iat, exp, client_id: clientId, kind, aud } = p;
  const strings = [sub, jti, clientId, p.iss];
  if (!strings.every((s) => typeof s === 'string' && s) || typeof iat !== 'number' || typeof exp !== 'number') throw new AuthError('TOKEN_CLAIMS');
  // jose only looks for our audience among the values; anything but strings beside it is a malformed token.
  if (!isString(aud) && !(Array.isArray(aud) && aud.every(isString))) throw new AuthError('TOKEN_AUDIENCE');
  if (kind !== undefined && (kind === 'ANONYMOUS' || !PRINCIPAL_KINDS.includes(kind as PrincipalKind))) throw new AuthError('TOKEN_CLAIMS');
  const scope = optionalString(p.scope);
  return {
    issuer: p.iss as string,
    audience: isString(aud) ? [aud] : aud,
    subject: sub as string,
    tokenId: jti as string,
    clientId: clientId as string,
    issuedAt: iat,
    expiresAt: exp,
    scopes: scope ? scope.split(' ').filter(Boolean) : [],
    kind: (kind as VerifiedAccessToken['kind']) ?? null,
    partnerId: optionalString(p.partner_id),
    sessionId: optionalString(p.sid),
    external: false,
  };
}

/** The one staff kind the role claim maps to; unmapped values are ignored, none or two different kinds refuse the token. */
function mappedStaffKind(claim: unknown, roleMap: ReadonlyMap<string, StaffKind>): StaffKind {
  const values = isString(claim) ? [claim] : Array.isArray(claim) && claim.every(isString) ? claim : [];
  const kinds = new Set(values.flatMap((v) => roleMap.get(v) ?? []));
  if (kinds.size !== 1) throw new AuthError('TOKEN_ROLE');
  return [...kinds][0];
}

// Partner ids, scopes and kinds are the gateway's to grant: the external issuer names staff roles and nothing else.
function readStaffClaims(p: JWTPayload, oidc: OidcConfig): VerifiedAccessToken {
  const t = readClaims(p);
  if (p.partner_id !== undefined) throw new AuthError('TOKEN_CLAIMS');
  const kind = mappedStaffKind(p[oidc.roleClaim], oidc.roleMap);
  if (t.kind !== null && t.kind !== kind) throw new AuthError('TOKEN_CLAIMS');
  // The issuer's session id names none of our sessions.
  return { ...t, kind, scopes: [], sessionId: null, external: true };
}
