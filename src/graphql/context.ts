import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import type { Sql } from '../db/sql.js';
import type { Principal } from '../access/principal.js';
import type { Authenticated, RequestFacts } from '../access/request-facts.js';
import type { Logger } from '../observability/logger.js';
import type { LoaderDeps, Loaders } from './loaders.js';
import { PrivacySession } from '../privacy/privacy.session.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import type { ReleaseHolds } from '../privacy/release-holds.js';
import type { LimitCounters } from '../shared-state/limiter.js';
import type { SharedStore } from '../shared-state/shared-store.js';
import type { RequestIds } from '../observability/request-id.js';
import type { Language } from '../i18n/language.js';

/** The gateway's own process-wide services, which the features' are built from: nothing in here knows about any one caller. */
export interface CoreServices {
  cfg: Config;
  orm: MikroORM;
  sql: Sql;
  logger: Logger;
  vault: PiiVault;
  /** Redis shared by the instances (or nothing), and where limiters count their refusals. */
  store: SharedStore;
  limitCounters: LimitCounters;
  /** Recipients whose FULL releases are held by an open incident, kept in memory. */
  holds: ReleaseHolds;
  /** The features' loaders for one request (the app joins them). */
  makeLoaders: (deps: LoaderDeps) => Loaders;
}

/**
 * Each feature's process-wide services (e.g. auth's signing keys and throttles): a feature adds its entry to this interface (declaration
 * merging, as with Loaders) and the app sets it once at start.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty here, filled by the features' declaration merging
export interface FeatureServices {}

export interface AppServices extends CoreServices, FeatureServices {}

export interface GatewayContext {
  /** The gateway's own id for this request. */
  requestId: string;
  /** The caller's x-request-id, when it had the strict format. */
  callerRequestId: string | null;
  principal: Principal;
  /** What authentication learned beyond the principal: client address, session, token expiry, trusted documents. */
  facts: Readonly<RequestFacts>;
  /** The language of messages and placeholders, from Accept-Language. */
  language: Language;
  services: AppServices;
  loaders: Loaders;
  privacy: PrivacySession;
  /** A request-scoped EntityManager fork, created on first use (writes only). */
  em(): EntityManager;
}

/** `explaining`: the request runs as `principal` but reports the exposure decisions instead of any value (explain mode). */
export function createContext(services: AppServices, { principal, facts }: Authenticated, ids: RequestIds, language: Language, explaining = false): GatewayContext {
  let em: EntityManager | undefined;
  return {
    requestId: ids.id,
    callerRequestId: ids.callerId,
    principal,
    facts,
    language,
    services,
    loaders: services.makeLoaders({ sql: services.sql, vault: services.vault, language }),
    privacy: new PrivacySession(principal, services.sql, language, services.cfg.analyticsPseudonymKey, { held: services.holds.isHeld(principal), explaining }),
    em: () => (em ??= services.orm.em.fork()),
  };
}
