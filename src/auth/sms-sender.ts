import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

/** Delivers login codes; the only place a code exists in clear after it is generated. */
export interface SmsSender {
  sendLoginCode(phone: string, code: string): Promise<void>;
}

/** Until an SMS provider is wired: logs that a code went out; prints the code itself only in development. */
export function consoleSmsSender(cfg: Config, logger: Logger): SmsSender {
  if (cfg.env === 'production') logger.warn('no SMS provider configured: login codes will not be delivered');
  return {
    async sendLoginCode(phone, code) {
      logger.info('login code sent');
      if (cfg.env === 'development') process.stdout.write(`[dev sms] login code for ...${phone.slice(-2)}: ${code}\n`);
    },
  };
}
