import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SharedStore } from './shared-store.js';

export interface LimitCounters {
  /** Refusals by limiter name (a fixed vocabulary; never a key). */
  refused(name: string): void;
  /** A decision taken by the local limiter because Redis was away. */
  local(name: string): void;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** A fixed-window limit per key: shared through Redis when there is one, with an in-process limiter standing in while it is away. */
export class Limiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    readonly name: string,
    readonly points: number,
    readonly durationSeconds: number,
    private readonly store: SharedStore,
    private readonly counters: LimitCounters,
  ) {
    const local = new RateLimiterMemory({ points, duration: durationSeconds });
    this.limiter = store.redis
      ? new RateLimiterRedis({
          storeClient: store.redis,
          keyPrefix: `${store.keyPrefix}rl:${name}`,
          points,
          duration: durationSeconds,
          insuranceLimiter: local,
          rejectIfRedisNotReady: true,
        })
      : local;
  }

  private note(): void {
    if (!this.store.up()) this.counters.local(this.name);
  }

  /** Spends `points` for the key; a refusal spends nothing more and says when to come back. */
  async consume(key: string, points = 1): Promise<Decision> {
    this.note();
    try {
      const res = await this.limiter.consume(key, points);
      return { allowed: true, limit: this.points, remaining: res.remainingPoints, resetSeconds: seconds(res.msBeforeNext) };
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      this.counters.refused(this.name);
      return { allowed: false, limit: this.points, remaining: 0, resetSeconds: seconds(e.msBeforeNext) };
    }
  }

  /** Seconds until the key may act again (0: now), spending nothing. */
  async retryAfter(key: string): Promise<number> {
    this.note();
    const res = await this.limiter.get(key);
    if (!res || res.consumedPoints < this.points) return 0;
    this.counters.refused(this.name);
    return seconds(res.msBeforeNext);
  }

  /** Counts a failure against the key without refusing this request. */
  async penalty(key: string): Promise<void> {
    this.note();
    await this.limiter.penalty(key, 1);
  }
}
