import { Limiter, type LimitCounters } from '../shared-state/limiter.js';
import type { SharedStore } from '../shared-state/shared-store.js';

/** Shared by every instance through Redis; the per-phone limit lives in the database (identity/phone-throttle.service.ts). */
export interface Throttles {
  codeRequestsByAddress: Limiter;
  codeChecksByAddress: Limiter;
  clientAuthFailures: Limiter;
  // The duplicate-IIN answer tells whether an IIN is registered: bound how many one account may try (OBLIGATIONS §4, guessing).
  iinAttempts: Limiter;
}

export function createThrottles(store: SharedStore, counters: LimitCounters): Throttles {
  return {
    codeRequestsByAddress: new Limiter('login_code_requests', 20, 15 * 60, store, counters),
    codeChecksByAddress: new Limiter('login_code_checks', 30, 15 * 60, store, counters),
    clientAuthFailures: new Limiter('client_auth_failures', 10, 15 * 60, store, counters),
    iinAttempts: new Limiter('iin_attempts', 5, 60 * 60, store, counters),
  };
}
