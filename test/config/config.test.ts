import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('config', () => {
  it('starts in development with derived keys', () => {
    const cfg = loadConfig({ NODE_ENV: 'development' });
    expect(cfg.env).toBe('development');
    expect(cfg.blindIndexKey.length).toBe(32);
    expect(cfg.blindIndexKey.equals(cfg.pseudonymKey)).toBe(false);
  });
  it('refuses production without secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PII_KEYS is required/);
  });
  it('refuses the dev login code in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_DEV_LOGIN_CODE: '123456' })).toThrow(/AUTH_DEV_LOGIN_CODE/);
  });
  it('rejects malformed numbers', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  describe('external staff sign-in (OpenID)', () => {
    const oidc = { OIDC_ISSUER: 'https://idp.example', OIDC_JWKS_URL: 'https://idp.example/jwks', OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'qaz-support=SUPPORT, qaz-admin=ADMIN,auditors=AUDITOR' };

    it('reads an explicit role map onto staff kinds', () => {
      const cfg = loadConfig(oidc);
      expect(cfg.jwt.oidc).toEqual({ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks', roleClaim: 'groups',
        roleMap: new Map([['qaz-support', 'SUPPORT'], ['qaz-admin', 'ADMIN'], ['auditors', 'AUDITOR']]) });
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

    it('still needs the gateway\'s own signing keys in production', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', ...oidc })).toThrow(/JWT_KEYS_DIR is required in production/);
    });
  });
});
