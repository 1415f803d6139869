import { chmodSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const KEY_NAMES = ['ANALYTICS_PSEUDONYM_KEY', 'AUTH_HMAC_KEY', 'BLIND_INDEX_KEY', 'PII_KEYS', 'PSEUDONYM_KEY'];
const keysOf = (dir: string) => {
  const c = loadConfig({ NODE_ENV: 'development', QAZ_DATA_DIR: dir });
  return [c.analyticsPseudonymKey, c.authHmacKey, c.blindIndexKey, c.piiKeys.get(c.piiActiveKeyId)!, c.pseudonymKey].map((k) => k.toString('hex'));
};

describe('config', () => {
  it('outside production makes each unset key at random once per data folder, in 0600 files, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaz-keys-'));
    const first = keysOf(dir);
    expect(new Set(first).size).toBe(5);
    for (const k of first) expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, 'secrets')).sort()).toEqual(KEY_NAMES.map((n) => `${n}.key`));
    for (const n of KEY_NAMES) expect(statSync(join(dir, 'secrets', `${n}.key`)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(keysOf(dir)).toEqual(first);
    const other = keysOf(mkdtempSync(join(tmpdir(), 'qaz-keys-')));
    for (let i = 0; i < 5; i++) expect(other[i]).not.toBe(first[i]);
  });
  it('refuses a local key file others can read, and a key that is set takes precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaz-keys-'));
    keysOf(dir);
    chmodSync(join(dir, 'secrets', 'BLIND_INDEX_KEY.key'), 0o644);
    expect(() => keysOf(dir)).toThrow(/BLIND_INDEX_KEY.key must be readable by its owner only/);
    const set = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ NODE_ENV: 'test', QAZ_DATA_DIR: mkdtempSync(join(tmpdir(), 'qaz-keys-')), PSEUDONYM_KEY: set }).pseudonymKey.toString('base64')).toBe(set);
  });
  it('refuses production without secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PII_KEYS is required/);
    const dir = mkdtempSync(join(tmpdir(), 'qaz-keys-'));
    for (const n of KEY_NAMES) expect(() => loadConfig({ NODE_ENV: 'production', QAZ_DATA_DIR: dir })).toThrow(new RegExp(`${n} is required in production`));
    expect(readdirSync(dir)).toEqual([]);
  });
  it('refuses the dev login code in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_DEV_LOGIN_CODE: '123456' })).toThrow(/AUTH_DEV_LOGIN_CODE/);
  });
  it('executes with graphql-jit unless told graphql-js, and knows no third executor', () => {
    expect(loadConfig({}).graphqlExecutor).toBe('jit');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).graphqlExecutor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'fast' })).toThrow(/GRAPHQL_EXECUTOR/);
    expect(() => loadConfig({ GRAPHQL_COMPILED_DOCUMENTS: '0' })).toThrow(/GRAPHQL_COMPILED_DOCUMENTS/);
  });
  it('serves the playground outside production unless turned off, and knows only on and off', () => {
    expect(loadConfig({}).playground).toEqual({ enabled: true, devTokens: true });
    expect(loadConfig({ NODE_ENV: 'test' }).playground).toEqual({ enabled: true, devTokens: true });
    expect(loadConfig({ PLAYGROUND: 'off' }).playground).toEqual({ enabled: false, devTokens: false });
    expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(/PLAYGROUND must be on or off/);
  });
  it('rejects malformed numbers', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  describe('SMS gateway', () => {
    const sms = { NODE_ENV: 'test', SMS_API_URL: 'https://api.mobizon.kz/', SMS_API_KEY: 'kz-test-key', SMS_SENDER_NAME: 'QAZTRACKER' };

    it('reads the gateway with a timeout per attempt and doubling waits between retries; without it codes go to the log adapter', () => {
      expect(loadConfig(sms).sms).toEqual({ url: 'https://api.mobizon.kz', apiKey: 'kz-test-key', senderName: 'QAZTRACKER', timeoutMs: 2500, retryDelaysMs: [250, 500] });
      expect(loadConfig({ ...sms, SMS_MAX_ATTEMPTS: '4', SMS_RETRY_DELAY_MS: '100', SMS_TIMEOUT_MS: '1000' }).sms).toMatchObject({
        timeoutMs: 1000,
        retryDelaysMs: [100, 200, 400],
      });
      expect(loadConfig({ ...sms, SMS_MAX_ATTEMPTS: '1' }).sms!.retryDelaysMs).toEqual([]);
      expect(loadConfig({ ...sms, SMS_SENDER_NAME: '' }).sms!.senderName).toBeUndefined();
      expect(loadConfig({ NODE_ENV: 'test' }).sms).toBeUndefined();
    });

    it('is required in production, and refuses settings that cannot work', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMS_API_URL and SMS_API_KEY are required in production/);
      expect(() => loadConfig({ NODE_ENV: 'test', SMS_API_URL: 'https://api.mobizon.kz' })).toThrow(/SMS_API_URL and SMS_API_KEY go together/);
      expect(() => loadConfig({ ...sms, SMS_API_URL: 'api.mobizon.kz' })).toThrow(/SMS_API_URL must be a URL/);
      expect(() => loadConfig({ ...sms, NODE_ENV: 'production', SMS_API_URL: 'http://api.mobizon.kz' })).toThrow(/SMS_API_URL must be a URL \(https in production\)/);
      expect(() => loadConfig({ ...sms, SMS_SENDER_NAME: 'QAZTRACKER-KZ' })).toThrow(/SMS_SENDER_NAME/);
      expect(() => loadConfig({ ...sms, SMS_MAX_ATTEMPTS: '1000000000' })).toThrow(/SMS_MAX_ATTEMPTS must be at most 10/);
      expect(() => loadConfig({ ...sms, SMS_TIMEOUT_MS: '5000' })).toThrow(/must stay under REQUEST_DEADLINE_MS/);
      expect(loadConfig({ ...sms, SMS_TIMEOUT_MS: '5000', REQUEST_DEADLINE_MS: '20000' }).sms!.timeoutMs).toBe(5000);
    });
  });

  describe('external staff sign-in (OpenID)', () => {
    const oidc = {
      OIDC_ISSUER: 'https://idp.example',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'qaz-support=SUPPORT, qaz-admin=ADMIN,auditors=AUDITOR',
    };

    it('reads an explicit role map onto staff kinds', () => {
      const cfg = loadConfig(oidc);
      expect(cfg.jwt.oidc).toEqual({
        issuer: 'https://idp.example',
        jwksUrl: 'https://idp.example/jwks',
        roleClaim: 'groups',
        roleMap: new Map([
          ['qaz-support', 'SUPPORT'],
          ['qaz-admin', 'ADMIN'],
          ['auditors', 'AUDITOR'],
        ]),
        algorithms: ['RS256', 'ES256'],
      });
      expect(loadConfig({}).jwt.oidc).toBeUndefined();
    });

    it.each(['USER', 'PARTNER', 'PAYMENT_PROVIDER', 'ANONYMOUS', 'admin', ''])('refuses a role mapped to %p', (kind) => {
      expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: `qaz-support=SUPPORT,x=${kind}` })).toThrow(/OIDC_ROLE_MAP entries must be role=KIND/);
    });

    it('refuses a role mapped twice, or a malformed pair', () => {
      expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: 'x=SUPPORT,x=ADMIN' })).toThrow(/OIDC_ROLE_MAP/);
      expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: 'x=SUPPORT=ADMIN' })).toThrow(/OIDC_ROLE_MAP/);
      expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: '=SUPPORT' })).toThrow(/OIDC_ROLE_MAP/);
    });

    it("refuses the gateway's own issuer name for the staff issuer", () => {
      expect(() => loadConfig({ ...oidc, JWT_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_ISSUER must differ from JWT_ISSUER/);
    });

    it('takes public-key algorithms only', () => {
      expect(loadConfig({ ...oidc, OIDC_ALGORITHMS: 'ES256, EdDSA' }).jwt.oidc?.algorithms).toEqual(['ES256', 'EdDSA']);
      for (const bad of ['HS256', 'RS256,none', '']) expect(() => loadConfig({ ...oidc, OIDC_ALGORITHMS: bad })).toThrow(/OIDC_ALGORITHMS/);
    });

    it('refuses an issuer without its JWKS, role claim or map', () => {
      for (const missing of Object.keys(oidc)) {
        expect(() => loadConfig({ ...oidc, [missing]: undefined })).toThrow(/go together/);
      }
    });

    it('insists on https for the JWKS in production', () => {
      const prod = { NODE_ENV: 'production', ...oidc, OIDC_JWKS_URL: 'http://idp.example/jwks' };
      expect(() => loadConfig(prod)).toThrow(/OIDC_JWKS_URL must be a URL \(https in production\)/);
      expect(() => loadConfig({ ...oidc, OIDC_JWKS_URL: 'not a url' })).toThrow(/OIDC_JWKS_URL/);
    });

    it("still needs the gateway's own signing keys in production", () => {
      expect(() => loadConfig({ NODE_ENV: 'production', ...oidc })).toThrow(/JWT_KEYS_DIR is required in production/);
    });
  });

  it('bounds database waits and shutdown by default, and takes other bounds', () => {
    const dflt = loadConfig({});
    expect(dflt.db).toEqual({ acquireTimeoutMs: 2000, statementTimeoutMs: 5000, lockTimeoutMs: 2000, idleInTransactionTimeoutMs: 10000 });
    expect(dflt.shutdownGraceMs).toBe(25000);
    const set = loadConfig({ DB_ACQUIRE_TIMEOUT_MS: '500', DB_STATEMENT_TIMEOUT_MS: '0', REQUEST_DEADLINE_MS: '3000', SHUTDOWN_GRACE_MS: '1000' });
    expect([set.db.acquireTimeoutMs, set.db.statementTimeoutMs, set.requestDeadlineMs, set.shutdownGraceMs]).toEqual([500, 0, 3000, 1000]);
    expect(() => loadConfig({ DB_ACQUIRE_TIMEOUT_MS: '0' })).toThrow(/DB_ACQUIRE_TIMEOUT_MS/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});
