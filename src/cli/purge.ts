import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { runPurge } from '../rights/purge.job.js';

// Run daily (cron or a scheduled job): node --import @swc-node/register/esm-register src/cli/purge.ts
const db = await openDatabase(loadConfig(), console.error);
try {
  const r = await runPurge(db.orm.em.fork());
  console.log(`purged ${r.holds} ended legal holds: ${r.bookings} bookings, ${r.payments} payments`);
  console.log(
    `purged ${r.disclosures} disclosures past the log's period, ${r.loginCodes} spent login codes, ${r.sessions} old sessions, ${r.revokedTokens} expired revocations, ${r.analyticsReleases} analytics releases of past days`,
  );
  if (r.erasedKeys > 0) console.log(`shredded again ${r.erasedKeys} data keys of erased accounts (a restored keyring held them)`);
} finally {
  await db.close();
}
