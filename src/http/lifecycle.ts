import type { ServerResponse } from 'node:http';

/** Whether this instance takes traffic (not before its database is prepared, not once shutdown began), and its requests in flight. */
export class Lifecycle {
  databaseReady = false;
  draining = false;
  private inFlight = 0;
  private onIdle: (() => void) | null = null;

  get serving(): boolean {
    return this.databaseReady && !this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  track(res: ServerResponse): void {
    this.inFlight++;
    res.once('close', () => {
      if (--this.inFlight === 0) this.onIdle?.();
    });
  }

  /** Resolves true once no request is in flight, false when the grace period ran out first. */
  settled(graceMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onIdle = null;
        resolve(false);
      }, graceMs);
      this.onIdle = () => {
        clearTimeout(timer);
        this.onIdle = null;
        resolve(true);
      };
    });
  }
}
