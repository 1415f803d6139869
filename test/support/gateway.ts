import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { PRODUCTION_SMS } from './production-sms.js';

export const DEV_LOGIN_CODE = '246810';
const TEST_DATA_DIR = new URL('../../.data/test', import.meta.url).pathname;

/** The configuration every test gateway runs with, against the test file's own database (see database-environment.mjs). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_DEV_LOGIN_CODE: DEV_LOGIN_CODE,
    QAZ_DATA_DIR: TEST_DATA_DIR,
    // Per-caller limits are off unless a test sets them: suites send many requests from one address and token.
    RATE_LIMIT_USER_PER_MINUTE: '0',
    RATE_LIMIT_PARTNER_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    ...env,
  });
}

/** A real gateway on a free port against the test file's own database. */
export function startTestGateway(env: Record<string, string> = {}, options: Parameters<typeof startGateway>[1] = {}): Promise<RunningGateway> {
  return startGateway(testConfig(env), options);
}

/** A gateway with NODE_ENV=production, every secret given: the test run's own keys, so that what it writes stays readable to the other suites. */
export function startProductionGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const test = loadConfig({ NODE_ENV: 'test', QAZ_DATA_DIR: TEST_DATA_DIR });
  const b64 = (k: Buffer) => k.toString('base64');
  return startGateway(
    loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env.DATABASE_URL,
      JWT_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'qaz-keys-')), 'keys'),
      PII_KEYS: [...test.piiKeys].map(([id, k]) => `${id}:${b64(k)}`).join(','),
      BLIND_INDEX_KEY: b64(test.blindIndexKey),
      PSEUDONYM_KEY: b64(test.pseudonymKey),
      ANALYTICS_PSEUDONYM_KEY: b64(test.analyticsPseudonymKey),
      AUTH_HMAC_KEY: b64(test.authHmacKey),
      ...PRODUCTION_SMS,
      ...env,
    }),
  );
}

/** Settles on the next change the database tells this gateway of (it then forgets every standing it keeps). */
export function nextStandingChange(gw: RunningGateway): Promise<void> {
  return new Promise((resolve) => {
    const off = gw.standingChanges.onChange(() => {
      off();
      resolve();
    });
  });
}

/** Runs a statement that changes a token's standing behind the gateway's back, as an operator would, and waits until it is told. */
export async function changeStanding(gw: RunningGateway, name: string, text: string, values: unknown[] = []): Promise<void> {
  const told = nextStandingChange(gw);
  await gw.services.sql.rows(name, text, values);
  await told;
}
