import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { rewrapUserKeys } from '../users/user-key.service.js';

// After putting a new master key first in PII_KEYS: re-wraps every user's data key under it; then the old one can go.
const cfg = loadConfig();
const db = await openDatabase(cfg, console.error);
try {
  const n = await rewrapUserKeys(db.orm.em.fork(), cfg);
  console.log(`re-wrapped ${n} user data keys under master key ${cfg.piiActiveKeyId}`);
} finally {
  await db.close();
}
