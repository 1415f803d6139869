import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import type { Authenticate, RouteHandler } from '../http/app.js';
import { createLocalVerifier, createRemoteVerifier, verifierByIssuer, type VerifiedAccessToken } from './access-token.js';
import { AuthError } from './auth.errors.js';
import { parseAuthorization } from './bearer.js';
import { oauthTokenRoute } from './oauth-token.route.js';
import { ANONYMOUS_PRINCIPAL, type Principal, type PrincipalKind, type Purpose } from './principal.js';
import { declaredPurpose } from './purpose-header.js';
import { withFacts } from './request-facts.js';
import { ROLE_KIND } from './role-kind.js';
import { loadOrCreateKeyRing, type KeyRing } from './signing-keys.js';
import { consoleSmsSender, type SmsSender } from './sms-sender.js';
import { createThrottles, type Throttles } from './throttle.service.js';

export interface AuthModule {
  ring: KeyRing;
  authenticate: Authenticate;
  routes: Map<string, RouteHandler>;
  throttles: Throttles;
  /** Replaceable: the console sender stands in until an SMS provider is wired. */
  sms: SmsSender;
}

// Resolvers reach the module through their services; one module per running gateway.
const modules = new WeakMap<AppServices, AuthModule>();

export function authOf(services: AppServices): AuthModule {
  const auth = modules.get(services);
  if (!auth) throw new Error('createAuth has not run for these services');
  return auth;
}

interface Standing { revoked: boolean; role: string | null; clientPurpose: string | null }

// One statement answers every revocation question: token id, client, session, account status.
async function standing(services: AppServices, t: VerifiedAccessToken): Promise<Standing> {
  // Client and account are each read once (both keys are unique); a missing one revokes nothing and names no role or purpose.
  const [row] = await services.sql.rows<Standing>('auth_standing', `select
      exists(select 1 from revoked_tokens where jti = $1)
      or coalesce(c.disabled_at is not null or c.tokens_valid_after > to_timestamp($3), false)
      or exists(select 1 from sessions s where s.id = $4::uuid and s.revoked_at is not null)
      or coalesce(u.status <> 'ACTIVE', false) as revoked,
      u.role, c.purpose as "clientPurpose"
    from (select) one left join api_clients c on c.client_id = $2 left join users u on u.id = $5::uuid`,
  // Partners' subjects are client ids, not user ids; a typed key keeps the users lookup on its primary key.
  [t.tokenId, t.clientId, t.issuedAt, t.sessionId, isUuid(t.subject) ? t.subject : null]);
  return row;
}

function kindOf(t: VerifiedAccessToken, s: Standing): PrincipalKind {
  if (t.kind === 'PARTNER' || t.kind === 'PAYMENT_PROVIDER') return t.kind;
  // Users and staff: the account's role decides, whatever the token says.
  const kind = s.role ? (ROLE_KIND as Record<string, PrincipalKind>)[s.role] : undefined;
  if (!kind || (t.kind !== null && t.kind !== kind)) throw new AuthError('TOKEN_REVOKED');
  return kind;
}

export async function createAuth(services: AppServices): Promise<AuthModule> {
  const { cfg } = services;
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  const local = createLocalVerifier(ring, cfg);
  const { oidcIssuer, oidcJwksUrl } = cfg.jwt;
  // Staff tokens from the external OpenID issuer are routed by their iss; ours by the gateway's.
  const verify = oidcIssuer && oidcJwksUrl
    ? verifierByIssuer(new Map([[cfg.jwt.issuer, local], [oidcIssuer, createRemoteVerifier(cfg, oidcIssuer, oidcJwksUrl)]]))
    : local;

  async function authenticate(req: IncomingMessage): Promise<Principal> {
    const clientAddress = req.socket.remoteAddress ?? 'unknown';
    const token = parseAuthorization(req.headersDistinct.authorization);
    // A fresh object per request, so that request facts attach to this request only.
    if (token === null) return withFacts(Object.freeze({ ...ANONYMOUS_PRINCIPAL }), { clientAddress, sessionId: null, tokenExpiresAt: null });
    const verified = await verify(token);
    const s = await standing(services, verified);
    if (s.revoked) throw new AuthError('TOKEN_REVOKED');
    const kind = kindOf(verified, s);
    const { purpose, ref } = declaredPurpose(req, kind, (s.clientPurpose as Purpose | null) ?? null);
    const principal: Principal = Object.freeze({
      kind, id: verified.subject, partnerId: verified.partnerId, scopes: Object.freeze(verified.scopes), purpose, purposeRef: ref,
      tokenId: verified.tokenId, clientId: verified.clientId,
    });
    return withFacts(principal, { clientAddress, sessionId: verified.sessionId, tokenExpiresAt: verified.expiresAt });
  }

  const throttles = createThrottles();
  const routes = new Map<string, RouteHandler>([
    ['/oauth/token', oauthTokenRoute(services, ring, throttles.clientAuthFailures)],
    ['/.well-known/jwks.json', async (_req, res) => {
      res.setHeader('content-type', 'application/jwk-set+json');
      res.setHeader('cache-control', 'public, max-age=300');
      res.end(JSON.stringify(ring.publicJwks()));
    }],
  ]);
  const auth: AuthModule = { ring, authenticate, routes, throttles, sms: consoleSmsSender(cfg, services.logger) };
  modules.set(services, auth);
  return auth;
}
