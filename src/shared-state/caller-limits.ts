import type { Config } from '../config/config.js';
import type { Authenticated } from '../access/request-facts.js';
import { Limiter, type Decision, type LimitCounters } from './limiter.js';
import type { SharedStore } from './shared-store.js';

export type AdmitCaller = (caller: Authenticated) => Promise<Decision | null>;

/** Requests per minute per caller: users and staff by account, partner systems by API client, anonymous callers by client address. */
export function callerLimits(cfg: Config, store: SharedStore, counters: LimitCounters): AdmitCaller {
  const { user, partner, anonymous } = cfg.rateLimits;
  const limiter = (name: string, perMinute: number) => (perMinute ? new Limiter(name, perMinute, 60, store, counters) : null);
  const users = limiter('caller_user', user);
  const partners = limiter('caller_partner', partner);
  const anonymousCallers = limiter('caller_anonymous', anonymous);
  return async ({ principal: p, facts }) => {
    // A token without a subject is limited with the anonymous callers of its address.
    const id = p.kind === 'PARTNER' || p.kind === 'PAYMENT_PROVIDER' ? (p.clientId ?? p.id) : p.id;
    if (p.kind === 'ANONYMOUS' || id === null) return anonymousCallers ? anonymousCallers.consume(facts.clientAddress) : null;
    const limiter = p.kind === 'PARTNER' || p.kind === 'PAYMENT_PROVIDER' ? partners : users;
    return limiter ? limiter.consume(id) : null;
  };
}
