import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const key = () => randomBytes(32).toString('base64');

/** Every secret production demands, new at each call, and a signing-key folder of its own: for a process that starts and is thrown away. */
export function freshProductionKeys(): Record<string, string> {
  return {
    JWT_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'qaz-keys-')), 'keys'),
    PII_KEYS: `k1:${key()}`,
    BLIND_INDEX_KEY: key(),
    PSEUDONYM_KEY: key(),
    ANALYTICS_PSEUDONYM_KEY: key(),
    AUTH_HMAC_KEY: key(),
  };
}
