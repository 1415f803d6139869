import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A stand-in for the staff OpenID issuer: its own key, its JWKS served over real HTTP on 127.0.0.1. */
export interface TestIssuer {
  issuer: string;
  env: Record<string, string>;
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export const ISSUER_ROLE_MAP = 'qaz-support=SUPPORT,qaz-moderation=MODERATOR,qaz-admin=ADMIN,qaz-analytics=ANALYST,qaz-audit=AUDITOR,qaz-authority=AUTHORITY';

export async function startTestIssuer(audience: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `idp-${randomUUID()}`;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] });
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = 'https://login.qaztracker.example';
  const key: CryptoKey = privateKey;
  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: ISSUER_ROLE_MAP,
    },
    sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, aud: audience, iat: now, nbf: now, exp: now + 300, jti: randomUUID(), client_id: 'staff-portal', ...claims })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
        .sign(key);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
