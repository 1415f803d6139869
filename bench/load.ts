import autocannon from 'autocannon';
import type { BenchRequest } from './scenarios.js';

export const CONNECTIONS = 16;

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** What one load run sends: fixed requests in rotation, or one built per request (S5's fresh idempotency keys). */
export type Traffic = { requests: BenchRequest[]; headers?: Record<string, string> } | { next: () => BenchRequest & { headers?: Record<string, string> } };

/** Closed loop over CONNECTIONS connections; with `rate`, autocannon paces to that many requests per second overall. */
export async function load(baseUrl: string, traffic: Traffic, seconds: number, rate?: number): Promise<LoadResult> {
  const base = { 'content-type': 'application/json' };
  const requests =
    'requests' in traffic
      ? traffic.requests.map((r) => ({ method: 'POST', path: r.path, body: r.body, headers: { ...base, ...traffic.headers } }))
      : [
          {
            method: 'POST',
            setupRequest: (req: object) => {
              const r = traffic.next();
              return { ...req, method: 'POST', path: r.path, body: r.body, headers: { ...base, ...r.headers } };
            },
          },
        ];
  const res = await autocannon({ url: baseUrl, connections: CONNECTIONS, duration: seconds, overallRate: rate, requests, timeout: 30 });
  const requestsDone = res['2xx'] + res.non2xx;
  return {
    requests: requestsDone,
    seconds: res.duration,
    rps: requestsDone / res.duration,
    p50: res.latency.p50,
    p99: res.latency.p99,
    failed: res.non2xx + res.errors + res.timeouts,
  };
}
