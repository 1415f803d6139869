import type { Config } from '../config/config.js';
import { statement, type Statements } from '../db/statement.js';
import { isUuid } from '../graphql/cursor.js';
import { issueAccessToken, type AccessTokenClaims } from '../oauth/access-token.js';
import { PRINCIPAL_KINDS, type PrincipalKind } from '../access/principal.js';
import { roleOfKind } from '../access/role-kind.js';
import { MOBILE_CLIENT_ID } from './session.service.js';
import type { KeyRing } from '../oauth/signing-keys.js';

// Development tokens from the gateway's own signing keys, for accounts and clients that exist, so the standing check accepts them.
const STAFF_CLIENT_ID = 'qaztracker-dev-cli';

/** A development token request that names no usable account or client; the message says why (ids only). */
export class DevTokenError extends Error {}

export interface DevTokenRequest {
  kind: string;
  /** An account id, for travellers and staff; else the first active account of the kind. */
  sub?: string;
  /** The partner (or provider) whose client the token is for; else the first enabled client of the kind. */
  partnerId?: string;
  /** A subset of the client's scopes; else all of them. */
  scope?: readonly string[];
}

export interface DevToken {
  token: string;
  claims: AccessTokenClaims;
  ttlSeconds: number;
}

type Kind = AccessTokenClaims['kind'];

function fail(message: string): never {
  throw new DevTokenError(message);
}

const FIRST_USER = statement<{ id: string }, [role: string | null, id: string | null]>(
  'dev_token_user',
  `select id from users where role = $1 and status = 'ACTIVE' and ($2::uuid is null or id = $2::uuid) order by created_at, id limit 1`,
);
const FIRST_CLIENT = statement<{ clientId: string; partnerId: string; scopes: string[] }, [kind: Kind, partnerId: string | null]>(
  'dev_token_client',
  `select client_id as "clientId", partner_id as "partnerId", scopes from api_clients
   where kind = $1 and disabled_at is null and ($2::uuid is null or partner_id = $2::uuid) order by created_at, client_id limit 1`,
);

async function userClaims(db: Statements, kind: Kind, sub: string | undefined, scope: readonly string[] | undefined): Promise<AccessTokenClaims> {
  const [user] = await db.rows(FIRST_USER, roleOfKind(kind), sub ?? null);
  if (!user) fail(sub ? `no active ${kind} account with id ${sub}` : `no active ${kind} account; seed the database or use npm run staff-account -- create`);
  return { sub: user.id, kind, clientId: kind === 'USER' ? MOBILE_CLIENT_ID : STAFF_CLIENT_ID, scope };
}

async function clientClaims(db: Statements, kind: Kind, partner: string | undefined, scope: readonly string[] | undefined): Promise<AccessTokenClaims> {
  const [client] = await db.rows(FIRST_CLIENT, kind, partner ?? null);
  if (!client) fail(`no enabled ${kind} client${partner ? ` of partner ${partner}` : ''}; use create-client`);
  if (scope && !scope.every((s) => client.scopes.includes(s))) fail(`client ${client.clientId} is registered for: ${client.scopes.join(' ')}`);
  return { sub: client.clientId, kind, clientId: client.clientId, partnerId: client.partnerId, scope: scope ?? client.scopes };
}

/** Mints a development access token; refuses in production whoever calls it. */
export async function mintDevToken(db: Statements, ring: KeyRing, cfg: Config, req: DevTokenRequest): Promise<DevToken> {
  if (cfg.env === 'production') fail('refused: development tokens are never minted with NODE_ENV=production');
  const kind = req.kind.toUpperCase() as PrincipalKind;
  if (kind === 'ANONYMOUS' || !PRINCIPAL_KINDS.includes(kind)) fail(`kind must be one of ${PRINCIPAL_KINDS.filter((k) => k !== 'ANONYMOUS').join(', ')}`);
  for (const id of [req.sub, req.partnerId]) if (id !== undefined && !isUuid(id)) fail(`not an id: ${id}`);
  const isClient = kind === 'PARTNER' || kind === 'PAYMENT_PROVIDER';
  if (isClient ? req.sub : req.partnerId) fail(isClient ? 'a client is chosen by its partner, not by an account id' : 'a partner is for PARTNER and PAYMENT_PROVIDER');
  const claims = isClient ? await clientClaims(db, kind, req.partnerId, req.scope) : await userClaims(db, kind, req.sub, req.scope);
  const ttlSeconds = cfg.jwt.accessTtlSeconds;
  return { token: await issueAccessToken(ring, cfg, claims, ttlSeconds), claims, ttlSeconds };
}
