/** In-memory sliding-window counter per key; bounded so that sprayed keys cannot exhaust memory. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limit: number, readonly windowSeconds: number, private readonly maxKeys = 100_000) {}

  /** Seconds until the key may act again; 0 when it may act now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : Math.max(1, Math.ceil((recent[0] + this.windowSeconds * 1000 - now) / 1000));
  }

  hit(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Re-inserting keeps the Map in least-recently-hit order, so eviction drops the stalest key.
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
  }

  private recent(key: string, now: number): number[] {
    const all = this.hits.get(key) ?? [];
    const from = all.findIndex((t) => t > now - this.windowSeconds * 1000);
    return from < 0 ? [] : all.slice(from);
  }
}
