import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DevTokenError, mintDevToken } from '../identity/dev-token.service.js';
import { loadOrCreateKeyRing } from '../oauth/signing-keys.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { Sql } from '../db/sql.js';

const USAGE =
  'usage: npm run -s token -- --role USER|SUPPORT|MODERATOR|ADMIN|ANALYST|AUDITOR|AUTHORITY|PARTNER|PAYMENT_PROVIDER [--sub USER_ID] [--partner PARTNER_ID] [--scope "a b"]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({ options: { role: { type: 'string' }, sub: { type: 'string' }, partner: { type: 'string' }, scope: { type: 'string' } } });
const cfg = loadConfig();
if (!values.role) fail(USAGE);

const db = await openDatabase(cfg, console.error, false);
try {
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  const scope = values.scope?.split(' ').filter(Boolean);
  const { token, claims, ttlSeconds } = await mintDevToken(new Sql(db.pool), ring, cfg, { kind: values.role, sub: values.sub, partnerId: values.partner, scope });
  console.error(`${claims.kind} token for ${claims.sub}, valid ${ttlSeconds} s`);
  process.stdout.write(`${token}\n`);
} catch (e) {
  if (!(e instanceof DevTokenError)) throw e;
  console.error(e.message);
  process.exitCode = 2;
} finally {
  await db.close();
}
