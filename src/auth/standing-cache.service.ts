import type { ChangeFeed } from '../db/change-feed.js';
import { LruCache } from '../cache/lru-cache.js';

// A backstop only: notifications clear the cache at once; this bounds how long a value read before a missed one could live.
const KEPT_MS = 30_000;

interface Kept<T> {
  value: T;
  until: number;
}

/**
 * A token's standing kept per token between requests, so that a caller's requests cost no revocation statement each. Kept only
 * while the change feed listens; a notification or a loss of the feed forgets everything, a caller's own write its own tokens.
 */
export class StandingCache<T> {
  private readonly kept: LruCache<string, Kept<T>>;
  /** The keys kept per token subject, so that one caller's tokens can be forgotten without the others'. */
  private readonly bySubject = new Map<string, Set<string>>();
  private tracked = 0;
  private epoch = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly entries: number,
  ) {
    this.kept = new LruCache(entries);
    feed.onChange(() => this.forget());
  }

  forget(): void {
    this.epoch++;
    this.kept.clear();
    this.bySubject.clear();
    this.tracked = 0;
  }

  /** Forgets the standings of one subject's tokens (and anything being read meanwhile). */
  forgetSubject(subject: string): void {
    this.epoch++;
    const keys = this.bySubject.get(subject) ?? new Set<string>();
    for (const key of keys) this.kept.delete(key);
    this.tracked -= keys.size;
    this.bySubject.delete(subject);
  }

  async get(key: string, subject: string, load: () => Promise<T>): Promise<T> {
    if (!this.feed.live) return load();
    const now = Date.now();
    const hit = this.kept.get(key);
    if (hit && hit.until > now) return hit.value;
    const epoch = this.epoch;
    const value = await load();
    // A change heard while the statement ran may not be in what it read.
    if (this.feed.live && this.epoch === epoch) this.keep(key, subject, { value, until: now + KEPT_MS });
    return value;
  }

  private keep(key: string, subject: string, kept: Kept<T>): void {
    // Keys of entries the LRU dropped linger here: past twice the cache's size, start over rather than grow.
    if (this.tracked >= 2 * this.entries) this.forget();
    this.kept.set(key, kept);
    const keys = this.bySubject.get(subject) ?? new Set<string>();
    if (!keys.has(key)) {
      keys.add(key);
      this.tracked++;
    }
    this.bySubject.set(subject, keys);
  }
}
