import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/** Apollo's persisted-query cache in Redis, shared by every instance; while Redis is away a lookup misses and the client sends the query. */
export function redisQueryCache(redis: Redis, prefix: string): KeyValueCache<string> {
  const key = (k: string) => `${prefix}apq:${k}`;
  return {
    async get(k) {
      try {
        return (await redis.get(key(k))) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async set(k, value, options) {
      try {
        if (options?.ttl) await redis.set(key(k), value, 'EX', options.ttl);
        else await redis.set(key(k), value);
      } catch {
        /* a query not cached is sent again by its client */
      }
    },
    async delete(k) {
      try {
        await redis.del(key(k));
      } catch {
        /* expires by itself */
      }
    },
  };
}
