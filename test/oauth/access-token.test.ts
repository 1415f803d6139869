import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { loadConfig, type OidcConfig } from '../../src/config/config.js';
import {
  CLOCK_TOLERANCE_SECONDS,
  createLocalVerifier,
  createRemoteVerifier,
  issueAccessToken,
  verifierByIssuer,
  verifyAccessToken,
  type AccessTokenClaims,
} from '../../src/oauth/access-token.js';
import { AuthError, type AuthErrorCode } from '../../src/access/auth.errors.js';
import { loadOrCreateKeyRing, type KeyRing } from '../../src/oauth/signing-keys.js';

const cfg = loadConfig({ NODE_ENV: 'test' });
const claims: AccessTokenClaims = { sub: 'user-1', kind: 'USER', clientId: 'mobile-app', scope: ['profile:read', 'bookings:write'], sid: 'sess-1' };
const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

let root: string;
let ring: KeyRing;
let otherRing: KeyRing;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'qaz-at-'));
  ring = await loadOrCreateKeyRing(join(root, 'main'));
  otherRing = await loadOrCreateKeyRing(join(root, 'other'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function standardPayload(overrides: JWTPayload = {}): JWTPayload {
  const t = now();
  return { iss: cfg.jwt.issuer, aud: cfg.jwt.audience, sub: 'user-1', client_id: 'mobile-app', jti: 'jti-1', iat: t, nbf: t, exp: t + 300, ...overrides };
}

function signWith(signer: KeyRing, payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const { kid, key } = signer.signingKey();
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid, ...header }).sign(key);
}

async function refusal(token: string, options?: Parameters<typeof verifyAccessToken>[3]): Promise<AuthErrorCode> {
  try {
    await verifyAccessToken(ring, cfg, token, options);
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    const secretPart = token.split('.')[1] || token;
    if (secretPart) expect((err as AuthError).message).not.toContain(secretPart);
    return (err as AuthError).code;
  }
  throw new Error('token was accepted');
}

describe('access tokens', () => {
  it('round-trips an RFC 9068 token', async () => {
    const token = await issueAccessToken(ring, cfg, claims, 600);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: ring.activeKid });
    const verified = await verifyAccessToken(ring, cfg, token);
    expect(verified).toMatchObject({
      issuer: cfg.jwt.issuer,
      audience: [cfg.jwt.audience],
      subject: 'user-1',
      clientId: 'mobile-app',
      scopes: ['profile:read', 'bookings:write'],
      kind: 'USER',
      partnerId: null,
      sessionId: 'sess-1',
    });
    expect(verified.expiresAt - verified.issuedAt).toBe(600);
    expect(verified.tokenId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives every token a fresh jti', async () => {
    const a = await verifyAccessToken(ring, cfg, await issueAccessToken(ring, cfg, claims, 60));
    const b = await verifyAccessToken(ring, cfg, await issueAccessToken(ring, cfg, claims, 60));
    expect(a.tokenId).not.toBe(b.tokenId);
  });

  it('verifies against a published JWKS as well as the ring', async () => {
    const token = await issueAccessToken(ring, cfg, { sub: 'p-1', kind: 'PARTNER', partnerId: 'partner-9', clientId: 'op-1' }, 60);
    const verified = await verifyAccessToken(ring.publicJwks(), cfg, token);
    expect(verified).toMatchObject({ kind: 'PARTNER', partnerId: 'partner-9', scopes: [] });
  });

  it('refuses to issue for the anonymous kind or a bad ttl', async () => {
    await expect(issueAccessToken(ring, cfg, { ...claims, kind: 'ANONYMOUS' as 'USER' }, 60)).rejects.toThrow(TypeError);
    await expect(issueAccessToken(ring, cfg, claims, 0)).rejects.toThrow(TypeError);
    await expect(issueAccessToken(ring, cfg, { ...claims, scope: ['a b'] }, 60)).rejects.toThrow(TypeError);
  });

  it('TOKEN_ALGORITHM: alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'at+jwt', kid: ring.activeKid })}.${b64(standardPayload())}.`;
    expect(await refusal(token)).toBe('TOKEN_ALGORITHM');
  });

  it('TOKEN_ALGORITHM: HS256 keyed with the public key', async () => {
    const jwk = ring.publicJwks().keys[0];
    const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    const input = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: ring.activeKid })}.${b64(standardPayload())}`;
    for (const secret of [pem, JSON.stringify(jwk)]) {
      const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      expect(await refusal(token)).toBe('TOKEN_ALGORITHM');
    }
  });

  it('TOKEN_EXPIRED: past expiry plus tolerance', async () => {
    const token = await issueAccessToken(ring, cfg, claims, 60);
    expect(await refusal(token, { nowSeconds: now() + 60 + CLOCK_TOLERANCE_SECONDS + 1 })).toBe('TOKEN_EXPIRED');
  });

  it('accepts expiry and nbf within the clock tolerance', async () => {
    const token = await issueAccessToken(ring, cfg, claims, 60);
    await expect(verifyAccessToken(ring, cfg, token, { nowSeconds: now() + 60 + CLOCK_TOLERANCE_SECONDS - 5 })).resolves.toBeDefined();
    const early = await signWith(ring, standardPayload({ nbf: now() + CLOCK_TOLERANCE_SECONDS - 5 }));
    await expect(verifyAccessToken(ring, cfg, early)).resolves.toBeDefined();
  });

  it('TOKEN_NOT_YET_VALID: nbf or iat beyond the tolerance', async () => {
    expect(await refusal(await signWith(ring, standardPayload({ nbf: now() + CLOCK_TOLERANCE_SECONDS + 30 })))).toBe('TOKEN_NOT_YET_VALID');
    const issuedLater = standardPayload({ iat: now() + CLOCK_TOLERANCE_SECONDS + 30, nbf: undefined });
    expect(await refusal(await signWith(ring, issuedLater))).toBe('TOKEN_NOT_YET_VALID');
  });

  it('keeps the clock tolerance at 60 seconds or less', () => {
    expect(CLOCK_TOLERANCE_SECONDS).toBeLessThanOrEqual(60);
  });

  it('TOKEN_AUDIENCE: wrong or missing aud', async () => {
    expect(await refusal(await signWith(ring, standardPayload({ aud: 'another-api' })))).toBe('TOKEN_AUDIENCE');
    expect(await refusal(await signWith(ring, standardPayload({ aud: undefined })))).toBe('TOKEN_AUDIENCE');
  });

  it('TOKEN_AUDIENCE: aud beside our audience that is not a string', async () => {
    for (const odd of [{}, 7, null, ['x'], true]) {
      expect(await refusal(await signWith(ring, standardPayload({ aud: [odd, cfg.jwt.audience] as string[] })))).toBe('TOKEN_AUDIENCE');
    }
    const both = await verifyAccessToken(ring, cfg, await signWith(ring, standardPayload({ aud: ['another-api', cfg.jwt.audience] })));
    expect(both.audience).toEqual(['another-api', cfg.jwt.audience]);
  });

  it('TOKEN_ISSUER: wrong iss', async () => {
    expect(await refusal(await signWith(ring, standardPayload({ iss: 'https://evil.example' })))).toBe('TOKEN_ISSUER');
  });

  it('TOKEN_UNKNOWN_KEY: kid not in the ring, or no kid', async () => {
    expect(await refusal(await signWith(otherRing, standardPayload()))).toBe('TOKEN_UNKNOWN_KEY');
    expect(await refusal(await signWith(ring, standardPayload(), { kid: undefined }))).toBe('TOKEN_UNKNOWN_KEY');
  });

  it('TOKEN_SIGNATURE: signed by another key under our kid', async () => {
    expect(await refusal(await signWith(otherRing, standardPayload(), { kid: ring.activeKid }))).toBe('TOKEN_SIGNATURE');
  });

  it('TOKEN_SIGNATURE: payload altered after signing', async () => {
    const [h, , s] = (await issueAccessToken(ring, cfg, claims, 60)).split('.');
    const forged = `${h}.${b64(standardPayload({ sub: 'admin-1', kind: 'ADMIN' }))}.${s}`;
    expect(await refusal(forged)).toBe('TOKEN_SIGNATURE');
  });

  it('TOKEN_TYPE: an ID token (typ JWT) or no typ', async () => {
    expect(await refusal(await signWith(ring, standardPayload(), { typ: 'JWT' }))).toBe('TOKEN_TYPE');
    expect(await refusal(await signWith(ring, standardPayload(), { typ: undefined }))).toBe('TOKEN_TYPE');
  });

  it('TOKEN_CLAIMS: missing jti, sub, iat, exp or client_id; bad kind', async () => {
    for (const missing of ['jti', 'sub', 'iat', 'exp', 'client_id']) {
      expect(await refusal(await signWith(ring, standardPayload({ [missing]: undefined })))).toBe('TOKEN_CLAIMS');
    }
    expect(await refusal(await signWith(ring, standardPayload({ kind: 'ANONYMOUS' })))).toBe('TOKEN_CLAIMS');
    expect(await refusal(await signWith(ring, standardPayload({ kind: 'ROOT' })))).toBe('TOKEN_CLAIMS');
    expect(await refusal(await signWith(ring, standardPayload({ scope: ['a'] })))).toBe('TOKEN_CLAIMS');
  });

  it('TOKEN_MALFORMED: not a compact JWS', async () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', `${b64('{not json')}.${b64(standardPayload())}.sig`]) {
      expect(await refusal(token)).toBe('TOKEN_MALFORMED');
    }
  });

  it('TOKEN_REVOKED: the caller hook sees jti, client and session', async () => {
    const token = await issueAccessToken(ring, cfg, claims, 60);
    const seen: unknown[] = [];
    const code = await refusal(token, {
      isRevoked: async (jti, clientId, sid) => {
        seen.push(jti, clientId, sid);
        return true;
      },
    });
    expect(code).toBe('TOKEN_REVOKED');
    expect(seen.slice(1)).toEqual(['mobile-app', 'sess-1']);
    await expect(verifyAccessToken(ring, cfg, token, { isRevoked: () => false })).resolves.toBeDefined();
  });

  it('answers with 401 and a fixed message', async () => {
    const err = new AuthError('TOKEN_EXPIRED');
    expect(err.status).toBe(401);
    expect(new AuthError('INSUFFICIENT_SCOPE').status).toBe(403);
    expect(err.wwwAuthenticate).toBe('Bearer realm="qaztracker", error="invalid_token", error_description="The access token has expired"');
  });
});

describe('key rotation', () => {
  it('keeps old tokens valid after rotate and refuses them after retire', async () => {
    const rotating = await loadOrCreateKeyRing(join(root, 'rotating'));
    const oldKid = rotating.activeKid;
    const oldToken = await issueAccessToken(rotating, cfg, claims, 600);
    await rotating.rotate();
    const newToken = await issueAccessToken(rotating, cfg, claims, 600);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString()).kid).toBe(rotating.activeKid);
    await expect(verifyAccessToken(rotating, cfg, oldToken)).resolves.toBeDefined();
    await expect(verifyAccessToken(rotating.publicJwks(), cfg, oldToken)).resolves.toBeDefined();
    await rotating.retire(oldKid);
    await expect(verifyAccessToken(rotating, cfg, oldToken)).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    await expect(verifyAccessToken(rotating, cfg, newToken)).resolves.toBeDefined();
  });
});

describe('external OpenID issuer', () => {
  const idp = 'https://idp.example';
  const idpCfg = loadConfig({ NODE_ENV: 'test', JWT_ISSUER: idp });
  const roleMap = new Map([
    ['qaz-support', 'SUPPORT'],
    ['qaz-admin', 'ADMIN'],
    ['helpdesk', 'SUPPORT'],
  ] as const);
  let server: Server;
  let oidc: OidcConfig;
  const staff = (overrides: JWTPayload) => signWith(otherRing, standardPayload({ iss: idp, sub: 'idp-subject-1', client_id: 'staff-portal', ...overrides }));

  let rsa: CryptoKey;

  beforeAll(async () => {
    // Most issuers sign RS256: the issuer here publishes an RSA key beside an EC one.
    const pair = await generateKeyPair('RS256', { extractable: true });
    rsa = pair.privateKey;
    const keys = [...otherRing.publicJwks().keys, { ...(await exportJWK(pair.publicKey)), kid: 'idp-rsa', alg: 'RS256' }];
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    oidc = { issuer: idp, jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, roleClaim: 'groups', roleMap, algorithms: ['RS256', 'ES256'] };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies tokens signed by the issuer with the same checks', async () => {
    const verify = createRemoteVerifier(cfg, oidc);
    const token = await staff({ groups: ['employees', 'qaz-support'] });
    await expect(verify(token)).resolves.toMatchObject({ issuer: idp, subject: 'idp-subject-1', kind: 'SUPPORT', external: true });
    await expect(verify(await issueAccessToken(otherRing, cfg, claims, 60))).rejects.toMatchObject({ code: 'TOKEN_ISSUER' });
    await expect(verify(await signWith(ring, standardPayload({ iss: idp, groups: 'qaz-admin' })))).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    await expect(verify(await signWith(otherRing, standardPayload({ iss: idp, groups: 'qaz-admin' }), { typ: 'JWT' }))).rejects.toMatchObject({ code: 'TOKEN_TYPE' });
  });

  it('accepts the configured public-key algorithms only', async () => {
    const payload = standardPayload({ iss: idp, sub: 'idp-subject-2', groups: 'qaz-admin' });
    const rs256 = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'idp-rsa' }).sign(rsa);
    await expect(createRemoteVerifier(cfg, oidc)(rs256)).resolves.toMatchObject({ kind: 'ADMIN', subject: 'idp-subject-2' });
    await expect(createRemoteVerifier(cfg, { ...oidc, algorithms: ['ES256'] })(rs256)).rejects.toMatchObject({ code: 'TOKEN_ALGORITHM' });
    const hs256 = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'idp-rsa' }).sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(createRemoteVerifier(cfg, oidc)(hs256)).rejects.toMatchObject({ code: 'TOKEN_ALGORITHM' });
  });

  it('maps the role claim through the configured map only, to exactly one staff kind', async () => {
    const verify = createRemoteVerifier(cfg, oidc);
    await expect(verify(await staff({ groups: 'qaz-admin' }))).resolves.toMatchObject({ kind: 'ADMIN' });
    await expect(verify(await staff({ groups: ['qaz-support', 'helpdesk'] }))).resolves.toMatchObject({ kind: 'SUPPORT' });
    for (const groups of [undefined, 'employees', [], ['qaz-support', 'qaz-admin'], 'PARTNER', 'ADMIN', [1], { admin: true }]) {
      await expect(verify(await staff({ groups }))).rejects.toMatchObject({ code: 'TOKEN_ROLE' });
    }
  });

  it('grants no partner, scope or session of its own: a PARTNER claim is refused, scopes are dropped', async () => {
    const verify = createRemoteVerifier(cfg, oidc);
    const partnerClaims = { kind: 'PARTNER', partner_id: 'b0000000-0000-4000-8000-000000000008', scope: 'bookings:read travelers:read' };
    await expect(verify(await staff({ ...partnerClaims, groups: 'qaz-support' }))).rejects.toMatchObject({ code: 'TOKEN_CLAIMS' });
    await expect(verify(await staff({ kind: 'PARTNER', groups: 'qaz-support' }))).rejects.toMatchObject({ code: 'TOKEN_CLAIMS' });
    await expect(verify(await staff({ ...partnerClaims }))).rejects.toMatchObject({ code: 'TOKEN_CLAIMS' });
    const ok = await verify(await staff({ kind: 'SUPPORT', scope: 'bookings:read travelers:read', sid: 'idp-session', groups: 'qaz-support' }));
    expect(ok).toMatchObject({ kind: 'SUPPORT', scopes: [], sessionId: null, partnerId: null });
  });

  it('routes each token to the verifier of the issuer it names', async () => {
    const verify = verifierByIssuer(
      new Map([
        [cfg.jwt.issuer, createLocalVerifier(ring, cfg)],
        [idp, createRemoteVerifier(cfg, oidc)],
      ]),
    );
    await expect(verify(await issueAccessToken(ring, cfg, claims, 60))).resolves.toMatchObject({ issuer: cfg.jwt.issuer, external: false });
    await expect(verify(await staff({ groups: 'qaz-admin' }))).resolves.toMatchObject({ issuer: idp, external: true });
    await expect(verify(await issueAccessToken(otherRing, idpCfg, claims, 60))).rejects.toMatchObject({ code: 'TOKEN_ROLE' });
    await expect(verify(await issueAccessToken(otherRing, cfg, claims, 60))).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    await expect(verify(await signWith(ring, standardPayload({ iss: 'https://evil.example' })))).rejects.toMatchObject({ code: 'TOKEN_ISSUER' });
    await expect(verify('not-a-token')).rejects.toMatchObject({ code: 'TOKEN_MALFORMED' });
  });

  it('reports an unreachable JWKS as an outage, not a bad token', async () => {
    const verify = createRemoteVerifier(cfg, { ...oidc, jwksUrl: 'http://127.0.0.1:1/jwks' });
    await expect(verify(await staff({ groups: 'qaz-admin' }))).rejects.toMatchObject({ code: 'KEYS_UNAVAILABLE', status: 503 });
  });
});
