import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { normalizeKzPhone } from '../users/phone.js';
import { createPiiVault } from '../privacy/pii-vault.js';
import { createUserWithPhone, findUserByPhone } from '../users/user-account.service.js';

// Bootstraps the first administrator (production included): creates the account, or promotes the phone's account.
const { values } = parseArgs({ options: { phone: { type: 'string' } } });
const phone = normalizeKzPhone(values.phone ?? '');
if (!phone) {
  console.error('usage: create-admin --phone +77xxxxxxxxx (a Kazakh mobile number)');
  process.exit(2);
}
const cfg = loadConfig();
const db = await openDatabase(cfg, console.error);
const em = db.orm.em.fork();
const vault = createPiiVault(cfg);
const existing = await findUserByPhone(em, vault, phone);
if (existing && existing.status !== 'ACTIVE') {
  console.error(`account ${existing.id} is ${existing.status}; not promoted`);
  await db.close();
  // Explicit: embedded Postgres's exit hook would otherwise end the process with status 0.
  process.exit(1);
}
const user = existing ?? createUserWithPhone(em, vault, phone);
const before = existing?.role ?? null;
user.role = 'ADMIN';
await em.persist(user).flush();
await db.close();
console.log(before === 'ADMIN' ? `account ${user.id} already is an admin` : `admin ${user.id} ${existing ? `(was ${before})` : 'created'}; sign in with requestLoginCode`);
