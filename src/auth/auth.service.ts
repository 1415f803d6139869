import type { IncomingMessage } from 'node:http';
import type { Config } from '../config/config.js';
import type { ChangeFeed } from '../db/change-feed.js';
import { statement } from '../db/statement.js';
import type { CoreServices } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import type { Authenticate, RouteHandler } from '../http/app.js';
import type { AfterMutation } from '../access/standing-writes.js';
import { createLocalVerifier, createRemoteVerifier, verifierByIssuer, type VerifiedAccessToken } from '../oauth/access-token.js';
import { AuthError } from '../access/auth.errors.js';
import { parseAuthorization } from './bearer.js';
import { oauthTokenRoute } from '../oauth/oauth-token.route.js';
import { ANONYMOUS_PRINCIPAL, isStaffKind, type Principal, type PrincipalKind, type Purpose } from '../access/principal.js';
import { declaredPurpose } from './purpose-header.js';
import type { Authenticated } from '../access/request-facts.js';
import { ROLE_KIND } from '../access/role-kind.js';
import { loadOrCreateKeyRing, type KeyRing } from '../oauth/signing-keys.js';
import { StandingCache } from './standing-cache.service.js';
import { keepVerifiedTokens } from './verified-token-cache.service.js';
import { createThrottles, type Throttles } from './throttle.service.js';
import { clientAddressResolver } from '../http/client-address.js';

export interface AuthModule {
  ring: KeyRing;
  authenticate: Authenticate;
  routes: Map<string, RouteHandler>;
  throttles: Throttles;
  /**
   * After a write on this instance, so that its next request reads what the write changed: a traveller or client can change only
   * its own tokens' standing, and only through the mutations marked so; staff and anonymous writes (sign-in, refresh) forget all.
   */
  forgetStandingsAfterWrite: AfterMutation;
}

// Resolvers reach the running gateway's module as ctx.services.auth.
declare module '../graphql/context.js' {
  interface FeatureServices {
    auth: AuthModule;
  }
}

interface Standing {
  revoked: boolean;
  accountId: string | null;
  role: string | null;
  clientKind: string | null;
  clientPartnerId: string | null;
  clientScopes: string[] | null;
  clientPurpose: string | null;
  documentsEnforced: boolean | null;
  documentsVersion: number | null;
}

// One statement answers every revocation question (token id, client, session, account status) and reads the client, its registered
// documents' state and the account once. Both keys are unique; a missing client or account revokes nothing and names no role, kind or
// purpose. The account is found by id for the gateway's tokens, by the issuer's subject for external staff tokens (the subquery runs only then).
const STANDING = statement<Standing, [tokenId: string, clientId: string, issuedAt: number, sessionId: string | null, accountId: string | null, oidcSubject: string | null]>(
  'auth_standing',
  `select
      exists(select 1 from revoked_tokens where jti = $1)
      or coalesce(c.disabled_at is not null or c.tokens_valid_after > to_timestamp($3), false)
      or exists(select 1 from sessions s where s.id = $4::uuid and s.revoked_at is not null)
      or coalesce(u.status <> 'ACTIVE', false) as revoked,
      u.id as "accountId", u.role, c.kind as "clientKind", c.partner_id as "clientPartnerId", c.scopes as "clientScopes",
      c.purpose as "clientPurpose", d.enforced as "documentsEnforced", d.version as "documentsVersion"
    from (select) one left join api_clients c on c.client_id = $2
      left join trusted_document_sets d on d.client_id = $2
      left join users u on u.id = coalesce($5::uuid, (select id from users where oidc_subject = $6))`,
);

async function standing(services: CoreServices, t: VerifiedAccessToken): Promise<Standing> {
  // Partners' subjects are client ids, not user ids; a typed key keeps the users lookup on its primary key.
  const [row] = await services.sql.rows(
    STANDING,
    t.tokenId,
    t.clientId,
    t.issuedAt,
    t.sessionId,
    !t.external && isUuid(t.subject) ? t.subject : null,
    t.external ? t.subject : null,
  );
  return row;
}

type Caller = Pick<Principal, 'kind' | 'id' | 'partnerId'>;

// A partner or payment provider is a registered, enabled client of that kind, and its token asks no more than the client holds.
function clientCaller(t: VerifiedAccessToken, s: Standing): Caller {
  const registered =
    s.clientKind === t.kind &&
    t.subject === t.clientId &&
    s.clientPartnerId !== null &&
    (t.partnerId === null || t.partnerId === s.clientPartnerId) &&
    t.scopes.every((x) => s.clientScopes!.includes(x));
  if (!registered) throw new AuthError('TOKEN_CLIENT');
  return { kind: t.kind as PrincipalKind, id: t.subject, partnerId: s.clientPartnerId };
}

function callerOf(cfg: Config, t: VerifiedAccessToken, s: Standing): Caller {
  if (!t.external && (t.kind === 'PARTNER' || t.kind === 'PAYMENT_PROVIDER')) return clientCaller(t, s);
  // Travellers and staff: the account's role decides, whatever the token says; an external token's mapped kind must match it.
  const kind = s.role ? (ROLE_KIND as Record<string, PrincipalKind>)[s.role] : undefined;
  if (!kind || (t.kind !== null && t.kind !== kind)) throw new AuthError('TOKEN_REVOKED');
  // In production staff sign in only through the external issuer; gateway-signed staff tokens (SMS sessions) are refused.
  if (cfg.env === 'production' && !t.external && isStaffKind(kind)) throw new AuthError('TOKEN_ISSUER');
  return { kind, id: s.accountId, partnerId: null };
}

// Everything the standing statement reads from the token, so two tokens never share a kept standing.
const standingKey = (t: VerifiedAccessToken) => [t.issuer, t.tokenId, t.subject, t.clientId, t.sessionId ?? '', t.issuedAt].join('\0');

/** `changes`: the feed of the standing channel; without it (or with a cache of 0 entries) every request reads its standing. */
export async function createAuth(services: CoreServices, changes: ChangeFeed | null = null): Promise<AuthModule> {
  const { cfg } = services;
  const kept = changes && cfg.authTokenCacheEntries > 0 ? new StandingCache<Standing>(changes, cfg.authTokenCacheEntries) : null;
  const standingOf = (t: VerifiedAccessToken) => (kept ? kept.get(standingKey(t), t.subject, () => standing(services, t)) : standing(services, t));
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  const entries = cfg.authTokenCacheEntries;
  const local = entries > 0 ? keepVerifiedTokens(createLocalVerifier(ring, cfg), ring, entries) : createLocalVerifier(ring, cfg);
  const { oidc } = cfg.jwt;
  // Staff tokens from the external OpenID issuer are routed by their iss; ours by the gateway's.
  const verify = oidc
    ? verifierByIssuer(
        new Map([
          [cfg.jwt.issuer, local],
          [oidc.issuer, createRemoteVerifier(cfg, oidc)],
        ]),
      )
    : local;

  const addressOf = clientAddressResolver(cfg.trustProxy);
  async function authenticate(req: IncomingMessage): Promise<Authenticated> {
    const clientAddress = addressOf(req);
    const token = parseAuthorization(req.headersDistinct.authorization);
    if (token === null) return { principal: ANONYMOUS_PRINCIPAL, facts: Object.freeze({ clientAddress, sessionId: null, tokenExpiresAt: null, trustedDocuments: null }) };
    const verified = await verify(token);
    const s = await standingOf(verified);
    if (s.revoked) throw new AuthError('TOKEN_REVOKED');
    const { kind, id, partnerId } = callerOf(cfg, verified, s);
    // Only a client principal works under its client's registered purpose.
    const { purpose, ref } = declaredPurpose(req, kind, partnerId ? (s.clientPurpose as Purpose) : null);
    const principal: Principal = Object.freeze({
      kind,
      id,
      partnerId,
      scopes: Object.freeze(verified.scopes),
      purpose,
      purposeRef: ref,
      tokenId: verified.tokenId,
      clientId: verified.clientId,
    });
    // Documents are registered for the gateway's clients (API and app clients); the staff issuer's client ids name none of them.
    const trustedDocuments = verified.external || s.documentsVersion === null ? null : { enforced: s.documentsEnforced === true, version: s.documentsVersion };
    return { principal, facts: Object.freeze({ clientAddress, sessionId: verified.sessionId, tokenExpiresAt: verified.expiresAt, trustedDocuments }) };
  }

  const throttles = createThrottles(services.store, services.limitCounters);
  const routes = new Map<string, RouteHandler>([
    ['/oauth/token', oauthTokenRoute(services, ring, throttles.clientAuthFailures)],
    [
      '/.well-known/jwks.json',
      async (_req, res) => {
        res.setHeader('content-type', 'application/jwk-set+json');
        res.setHeader('cache-control', 'public, max-age=300');
        res.end(JSON.stringify(ring.publicJwks()));
      },
    ],
  ]);
  const forgetStandingsAfterWrite: AfterMutation = (by, changedOwn) => {
    if (by.kind === 'ANONYMOUS' || isStaffKind(by.kind) || by.id === null) kept?.forget();
    else if (changedOwn) kept?.forgetSubject(by.id);
  };
  return { ring, authenticate, routes, throttles, forgetStandingsAfterWrite };
}
