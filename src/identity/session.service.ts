import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Logger } from '../observability/logger.js';
import { User } from '../users/user.entity.js';
import { AppClient } from '../oauth/app-client.entity.js';
import { issueAccessToken } from '../oauth/access-token.js';
import { refreshTokenHash } from './auth-hmac.js';
import { RefreshFailureReason, type SessionTokens } from './login.type.js';
import type { Principal } from '../access/principal.js';
import type { RequestFacts } from '../access/request-facts.js';
import { ROLE_KIND } from '../access/role-kind.js';
import { Session } from './session.entity.js';
import type { KeyRing } from '../oauth/signing-keys.js';
import { revokeTokenId } from '../oauth/token-revocation.service.js';

/** The mobile app's public client id: the one a login names when it names none. */
export const MOBILE_CLIENT_ID = 'qaztracker-mobile';
const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
// Enough history to catch a replayed token over weeks of rotations without growing the row forever.
const KEPT_PREVIOUS_HASHES = 100;
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type Rotation = { ok: true; user: User; session: SessionRef; refreshToken: string } | { ok: false; reason: RefreshFailureReason };

function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new session row for the user, opened through a registered app client (persisted with the caller's transaction), and its first refresh token. */
export function openSession(tem: EntityManager, cfg: Config, user: User, clientId: string): { session: Session; refreshToken: string } {
  const refreshToken = newRefreshToken();
  const session = tem.create(Session, {
    user,
    client: tem.getReference(AppClient, clientId),
    refreshHash: refreshTokenHash(cfg, refreshToken),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  tem.persist(session);
  return { session, refreshToken };
}

/** The session a token is issued for: its id and the app client it was opened with. */
export interface SessionRef {
  id: string;
  clientId: string;
}

/** An access token for the account's current role, bound to the session and naming its app client, with the refresh token beside it. */
export async function sessionTokens(ring: KeyRing, cfg: Config, user: User, session: SessionRef, refreshToken: string): Promise<SessionTokens> {
  const ttl = cfg.jwt.accessTtlSeconds;
  const accessToken = await issueAccessToken(ring, cfg, { sub: user.id, kind: ROLE_KIND[user.role], clientId: session.clientId, sid: session.id }, ttl);
  return { accessToken, tokenType: 'Bearer', expiresInSeconds: ttl, refreshToken };
}

const fail = (reason: RefreshFailureReason): Rotation => ({ ok: false, reason });

/** Sessions opened by SMS code are for travellers; in production staff sign in only through the OpenID issuer. */
export function mayUseSmsSession(cfg: Config, user: User): boolean {
  return cfg.env !== 'production' || user.role === 'TRAVELER';
}

const REVOKE_REUSED = statement<{ id: string }, [hash: string]>(
  'session_revoke_reused',
  'update sessions set revoked_at = coalesce(revoked_at, now()) where previous_hashes @> array[$1]::text[] returning id',
);

/** Swaps a refresh token for a new one; a token seen before revokes its whole session (RFC 9700 4.14.2). */
export async function rotateRefreshToken(em: EntityManager, cfg: Config, logger: Logger, presented: string): Promise<Rotation> {
  if (!REFRESH_TOKEN.test(presented)) return fail(RefreshFailureReason.INVALID_TOKEN);
  const hash = refreshTokenHash(cfg, presented);
  return em.transactional(async (tem) => {
    const s = await tem.findOne(Session, { refreshHash: hash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!s) {
      const reused = await transactionStatements(tem).rows(REVOKE_REUSED, hash);
      if (reused.length) logger.warn({ sessionId: reused[0].id }, 'refresh token reused: session revoked');
      return fail(reused.length ? RefreshFailureReason.SESSION_REVOKED : RefreshFailureReason.INVALID_TOKEN);
    }
    if (s.revokedAt) return fail(RefreshFailureReason.SESSION_REVOKED);
    if (s.expiresAt <= new Date()) return fail(RefreshFailureReason.SESSION_EXPIRED);
    const user = await tem.findOneOrFail(User, s.user.id);
    if (user.status !== 'ACTIVE') {
      s.revokedAt = new Date();
      return fail(RefreshFailureReason.SESSION_REVOKED);
    }
    if (!mayUseSmsSession(cfg, user)) {
      s.revokedAt = new Date();
      return fail(RefreshFailureReason.STAFF_SIGN_IN_BY_OPENID);
    }
    const refreshToken = newRefreshToken();
    s.previousHashes = [...s.previousHashes, s.refreshHash].slice(-KEPT_PREVIOUS_HASHES);
    s.refreshHash = refreshTokenHash(cfg, refreshToken);
    return { ok: true, user, session: { id: s.id, clientId: s.client.clientId }, refreshToken };
  });
}

/** Logout: ends the token's session, if it has one, and revokes the presented access token itself. */
export async function endSession(em: EntityManager, principal: Principal, facts: RequestFacts): Promise<void> {
  if (!principal.tokenId || facts.tokenExpiresAt === null) throw new Error('endSession needs an authenticated principal');
  const { tokenId } = principal;
  const expiresAt = new Date(facts.tokenExpiresAt * 1000);
  await em.transactional(async (tem) => {
    if (facts.sessionId) await tem.nativeUpdate(Session, { id: facts.sessionId, user: principal.id, revokedAt: null }, { revokedAt: new Date() });
    await revokeTokenId(transactionStatements(tem), tokenId, expiresAt);
  });
}
