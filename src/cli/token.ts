import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { issueAccessToken, type AccessTokenClaims } from '../auth/access-token.js';
import { PRINCIPAL_KINDS, type PrincipalKind } from '../auth/principal.js';
import { roleOfKind } from '../auth/role-kind.js';
import { MOBILE_CLIENT_ID } from '../auth/session.service.js';
import { loadOrCreateKeyRing } from '../auth/signing-keys.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { isUuid } from '../graphql/cursor.js';

// Development tokens from the gateway's own signing keys, for accounts and clients that exist, so the standing check accepts them.
const USAGE = 'usage: npm run -s token -- --role USER|SUPPORT|MODERATOR|ADMIN|ANALYST|AUDITOR|AUTHORITY|PARTNER|PAYMENT_PROVIDER [--sub USER_ID] [--partner PARTNER_ID] [--scope "a b"]';
const STAFF_CLIENT_ID = 'qaztracker-dev-cli';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

type Kind = AccessTokenClaims['kind'];

async function userClaims(em: EntityManager, kind: Kind, sub: string | undefined, scope: string[] | undefined): Promise<AccessTokenClaims> {
  const [user] = await em.execute<{ id: string }[]>(
    `select id from users where role = ? and status = 'ACTIVE' and (?::uuid is null or id = ?::uuid) order by created_at, id limit 1`,
    [roleOfKind(kind), sub ?? null, sub ?? null]);
  if (!user) fail(sub ? `no active ${kind} account with id ${sub}` : `no active ${kind} account; seed the database or use npm run staff-account -- create`);
  return { sub: user.id, kind, clientId: kind === 'USER' ? MOBILE_CLIENT_ID : STAFF_CLIENT_ID, scope };
}

async function clientClaims(em: EntityManager, kind: Kind, partner: string | undefined, scope: string[] | undefined): Promise<AccessTokenClaims> {
  const [client] = await em.execute<{ clientId: string; partnerId: string; scopes: string[] }[]>(
    `select client_id as "clientId", partner_id as "partnerId", scopes from api_clients
     where kind = ? and disabled_at is null and (?::uuid is null or partner_id = ?::uuid) order by created_at, client_id limit 1`,
    [kind, partner ?? null, partner ?? null]);
  if (!client) fail(`no enabled ${kind} client${partner ? ` of partner ${partner}` : ''}; use create-client`);
  if (scope && !scope.every((s) => client.scopes.includes(s))) fail(`client ${client.clientId} is registered for: ${client.scopes.join(' ')}`);
  return { sub: client.clientId, kind, clientId: client.clientId, partnerId: client.partnerId, scope: scope ?? client.scopes };
}

const { values } = parseArgs({ options: { role: { type: 'string' }, sub: { type: 'string' }, partner: { type: 'string' }, scope: { type: 'string' } } });
const cfg = loadConfig();
if (cfg.env === 'production') fail('refused: development tokens are never minted with NODE_ENV=production');
const kind = values.role?.toUpperCase() as PrincipalKind | undefined;
if (!kind || kind === 'ANONYMOUS' || !PRINCIPAL_KINDS.includes(kind)) fail(USAGE);
for (const id of [values.sub, values.partner]) if (id !== undefined && !isUuid(id)) fail(`not an id: ${id}`);
const scope = values.scope?.split(' ').filter(Boolean);
const isClient = kind === 'PARTNER' || kind === 'PAYMENT_PROVIDER';
if (isClient ? values.sub : values.partner) fail(isClient ? '--sub is for accounts; use --partner' : '--partner is for PARTNER and PAYMENT_PROVIDER');

const db = await openDatabase(cfg, console.error, false);
try {
  const em = db.orm.em.fork();
  const claims = isClient ? await clientClaims(em, kind, values.partner, scope) : await userClaims(em, kind, values.sub, scope);
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  const token = await issueAccessToken(ring, cfg, claims, cfg.jwt.accessTtlSeconds);
  console.error(`${kind} token for ${claims.sub}, valid ${cfg.jwt.accessTtlSeconds} s`);
  process.stdout.write(`${token}\n`);
} finally {
  await db.close();
}
