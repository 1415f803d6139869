import { loadConfig } from '../../src/config/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway.js';

export const DEV_LOGIN_CODE = '246810';

/** A real gateway on a free port against the run's test database (see global-setup.mjs). */
export function startTestGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  return startGateway(loadConfig({
    ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', AUTH_DEV_LOGIN_CODE: DEV_LOGIN_CODE,
    QAZ_DATA_DIR: new URL('../../.data/test', import.meta.url).pathname, ...env,
  }));
}
