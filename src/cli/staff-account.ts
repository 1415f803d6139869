import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createStaffAccount, disableStaffAccount } from '../identity/staff-account.service.js';
import { loadConfig, STAFF_KINDS, type StaffKind } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { isUuid } from '../graphql/cursor.js';
import { createLogger } from '../observability/logger.js';
import { createPiiVault } from '../privacy/pii-vault.js';

// Staff accounts of every role, production included (the first administrator too); each action is logged by id and role only.
const USAGE = `usage: staff-account create --role ${STAFF_KINDS.join('|')} [--oidc-subject SUB] [--phone +77xxxxxxxxx]
       staff-account disable --id ACCOUNT_ID`;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    'oidc-subject': { type: 'string' },
    phone: { type: 'string' },
    id: { type: 'string' },
  },
});
const [command] = positionals;
const role = values.role as StaffKind | undefined;
const creating = command === 'create' && role !== undefined && STAFF_KINDS.includes(role);
if (positionals.length !== 1 || !(creating || (command === 'disable' && values.id && isUuid(values.id)))) {
  console.error(USAGE);
  process.exit(2);
}
const cfg = loadConfig();
const logger = createLogger(cfg.logLevel);
const db = await openDatabase(cfg, console.error);
try {
  const em = db.orm.em.fork();
  if (creating) {
    const user = await createStaffAccount(em, cfg, createPiiVault(cfg), { role, oidcSubject: values['oidc-subject'], phone: values.phone });
    logger.info({ accountId: user.id, role: user.role, by: 'cli' }, 'staff account created');
    console.log(`${role} account ${user.id} created; it signs in ${user.oidcSubject ? 'through the OpenID issuer' : 'with requestLoginCode (not in production)'}`);
  } else {
    const user = await disableStaffAccount(em, values.id!, null);
    logger.info({ accountId: user.id, role: user.role, by: 'cli' }, 'staff account disabled');
    console.log(`${user.role} account ${user.id} is ${user.status}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await db.close();
  // Explicit: embedded Postgres's exit hook would otherwise end the process with status 0.
  process.exit(1);
}
await db.close();
