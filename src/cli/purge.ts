import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { purgeEndedHolds } from '../rights/purge.job.js';

// Run daily (cron or a scheduled job): node --import @swc-node/register/esm-register src/cli/purge.ts
const db = await openDatabase(loadConfig(), console.error);
try {
  const r = await purgeEndedHolds(db.orm.em.fork());
  console.log(`purged ${r.holds} ended legal holds: ${r.bookings} bookings, ${r.payments} payments`);
} finally {
  await db.close();
}
