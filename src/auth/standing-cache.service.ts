import type { ChangeFeed } from '../db/change-feed.js';
import { LruCache } from '../cache/lru-cache.js';

// A backstop only: notifications clear the cache at once; this bounds how long a value read before a missed one could live.
const KEPT_MS = 30_000;

interface Kept<T> { value: T; until: number }

/**
 * A token's standing kept per token between requests, so that a caller's requests cost no revocation statement each. Kept only
 * while the change feed listens; a notification, a loss of the feed or a write on this instance forgets everything.
 */
export class StandingCache<T> {
  private readonly kept: LruCache<string, Kept<T>>;
  private epoch = 0;

  constructor(private readonly feed: ChangeFeed, entries: number) {
    this.kept = new LruCache(entries);
    feed.onChange(() => this.forget());
  }

  forget(): void {
    this.epoch++;
    this.kept.clear();
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.feed.live) return load();
    const now = Date.now();
    const hit = this.kept.get(key);
    if (hit && hit.until > now) return hit.value;
    const epoch = this.epoch;
    const value = await load();
    // A change heard while the statement ran may not be in what it read.
    if (this.feed.live && this.epoch === epoch) this.kept.set(key, { value, until: now + KEPT_MS });
    return value;
  }
}
