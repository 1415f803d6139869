import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import type { Sql } from '../db/sql.js';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../observability/logger.js';
import { Loaders } from './loaders.js';
import { PrivacySession } from '../privacy/privacy.session.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import type { LimitCounters } from '../shared-state/limiter.js';
import type { SharedStore } from '../shared-state/shared-store.js';

/** Process-wide services: nothing in here knows about any one caller. */
export interface AppServices {
  cfg: Config;
  orm: MikroORM;
  sql: Sql;
  logger: Logger;
  vault: PiiVault;
  /** Redis shared by the instances (or nothing), and where limiters count their refusals. */
  store: SharedStore;
  limitCounters: LimitCounters;
}

export interface GatewayContext {
  requestId: string;
  principal: Principal;
  services: AppServices;
  loaders: Loaders;
  privacy: PrivacySession;
  /** A request-scoped EntityManager fork, created on first use (writes only). */
  em(): EntityManager;
}

export function createContext(services: AppServices, principal: Principal, requestId: string): GatewayContext {
  let em: EntityManager | undefined;
  return {
    requestId,
    principal,
    services,
    loaders: new Loaders(services.sql, services.vault),
    privacy: new PrivacySession(principal, services.sql),
    em: () => (em ??= services.orm.em.fork()),
  };
}
