import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { httpSmsSender } from './sms-http-sender.js';

/** Delivers login codes; the only place a code exists in clear after it is generated. Rejects when the code was not delivered. */
export interface SmsSender {
  sendLoginCode(phone: string, code: string): Promise<void>;
}

// The configured SMS gateway or the log adapter, as ctx.services.sms; replaceable, so tests can read the codes they were sent.
declare module '../graphql/context.js' {
  interface FeatureServices {
    sms: SmsSender;
  }
}

/** The log adapter, for development and tests: logs that a code went out; prints the code itself only in development. */
export function consoleSmsSender(cfg: Config, logger: Logger): SmsSender {
  return {
    async sendLoginCode(phone, code) {
      logger.info('login code sent');
      if (cfg.env === 'development') process.stdout.write(`[dev sms] login code for ...${phone.slice(-2)}: ${code}\n`);
    },
  };
}

/** The SMS gateway when one is configured (always in production: config refuses to start without it), else the log adapter. */
export function createSmsSender(cfg: Config, logger: Logger): SmsSender {
  return cfg.sms ? httpSmsSender(cfg.sms, logger) : consoleSmsSender(cfg, logger);
}
