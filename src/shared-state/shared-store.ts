import { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

/** Redis shared by every instance, or nothing (in-process state) when REDIS_URL is unset. */
export interface SharedStore {
  redis: Redis | null;
  keyPrefix: string;
  /** False while Redis is configured but unreachable: limits are then local to this instance. */
  up: () => boolean;
  close(): Promise<void>;
}

export function connectSharedStore(cfg: Config, logger: Logger): SharedStore {
  const { url, keyPrefix } = cfg.redis;
  if (!url) return { redis: null, keyPrefix, up: () => true, async close() {} };
  // No offline queue: while Redis is away a command fails at once and the local limiter answers instead of waiting.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  let reported = false;
  redis.on('error', (e: NodeJS.ErrnoException) => {
    if (reported) return;
    reported = true;
    logger.warn({ errorCode: e.code }, 'redis unavailable: rate limits and throttles are local to this instance until it returns');
  });
  redis.on('ready', () => {
    if (reported) logger.info('redis available again: rate limits and throttles are shared');
    reported = false;
  });
  return {
    redis,
    keyPrefix,
    up: () => redis.status === 'ready',
    async close() {
      redis.disconnect();
    },
  };
}
