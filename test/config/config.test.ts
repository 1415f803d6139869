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
});
