import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The only module that reads process.env; everything else receives a Config.

export type Env = 'development' | 'test' | 'production';

export interface Config {
  env: Env;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Streaming replicas for public listings; exposure facts, disclosures and writes always use the primary. */
  databaseReplicaUrls: string[];
  embeddedPgPort: number;
  dbPoolMax: number;
  /** Bounds on each serving connection, in milliseconds (0 turns one off); migrations run without them. */
  db: { acquireTimeoutMs: number; statementTimeoutMs: number; lockTimeoutMs: number; idleInTransactionTimeoutMs: number };
  /** A GraphQL request not answered by then gets 503 UNAVAILABLE. */
  requestDeadlineMs: number;
  /** On SIGTERM, how long in-flight requests may take before their connections are cut. */
  shutdownGraceMs: number;
  /** Shared state of all instances (rate limits, throttles, persisted queries); in-process when unset. */
  redis: { url: string | undefined; keyPrefix: string };
  /** Addresses or CIDRs of proxies whose X-Forwarded-For is believed; empty: the socket's peer is the client. */
  trustProxy: string[];
  /** OpenTelemetry collector base URL; traces are exported only when set. */
  otlpEndpoint: string | undefined;
  /** Requests per minute per user, per partner client and per anonymous client address (0: no limit). */
  rateLimits: { user: number; partner: number; anonymous: number };
  dataDir: string;
  logLevel: string;
  publicUrl: string;
  jwt: { issuer: string; audience: string; accessTtlSeconds: number; keysDir: string; oidc?: OidcConfig };
  authDevLoginCode: string | undefined;
  /** HMAC key for phone hashes, login codes and refresh tokens at rest. */
  authHmacKey: Buffer;
  /** keyId -> 32-byte key; the first entry encrypts new values. */
  piiKeys: Map<string, Buffer>;
  piiActiveKeyId: string;
  blindIndexKey: Buffer;
  pseudonymKey: Buffer;
  analyticsPseudonymKey: Buffer;
  analyticsK: number;
  /** Epsilon one aggregate query spends; noise is always on. */
  analyticsEpsilon: number;
  /** Epsilon each analyst may spend per UTC day. */
  analyticsDailyBudget: number;
  limits: { maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number; maxCost: number; maxPageSize: number };
  /** Bench only: false serves @pii fields unwrapped, to measure what the exposure layer costs; never in production. */
  privacyTransform: boolean;
  /** jit: operations compiled once by graphql-jit (graphql-js for what it cannot compile); graphql-js: the reference executor. */
  graphqlExecutor: 'jit' | 'graphql-js';
  /** Distinct operations whose compiled form is kept (least recently used dropped). */
  compiledDocumentsKept: number;
  /** Group commit of the disclosure log: rows of requests finishing within this many ms go in as one insert, of at most maxRows rows. */
  disclosureBatch: { tickMs: number; maxRows: number };
  /** Tokens kept verified, with their standing (revocation, client, session, account) cleared on every change (0: none kept). */
  authTokenCacheEntries: number;
  /** Booking jobs: how long an unpaid booking holds its seats, and how often the gateway runs the jobs (0: only `npm run jobs`). */
  jobs: { bookingHoldMinutes: number; intervalSeconds: number };
  /** The SMS gateway that delivers login codes; unset (never in production) they go to the log adapter. */
  sms: SmsGatewayConfig | undefined;
  /**
   * Breach detection (law 94-V): FULL disclosure rows per recipient account in the last hour against a ceiling and a multiple of its
   * own baseline; checked every checkSeconds (0: not counted nor checked here), held recipients re-read every holdsRefreshSeconds.
   */
  breach: {
    ceilingPerHour: number;
    baselineMultiple: number;
    baselineDays: number;
    minPerHour: number;
    hold: boolean;
    checkSeconds: number;
    holdsRefreshSeconds: number;
  };
  /** The policy playground at /playground; devTokens: its endpoint that mints tokens for any principal, never in production. */
  playground: { enabled: boolean; devTokens: boolean };
}

/** A Mobizon-style HTTP API: base URL, API key, the registered sender name; each attempt's timeout and the waits before each retry. */
export interface SmsGatewayConfig {
  url: string;
  apiKey: string;
  senderName: string | undefined;
  timeoutMs: number;
  retryDelaysMs: readonly number[];
}

/**
 * The staff kinds: the only kinds an external OpenID role may map to (never USER, PARTNER or PAYMENT_PROVIDER). Config sits below the
 * privacy vocabulary; isStaffKind in access/principal.ts fails to compile unless each of these is a principal kind.
 */
export const STAFF_KINDS = Object.freeze(['SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'] as const);
export type StaffKind = (typeof STAFF_KINDS)[number];

/** The external staff sign-in: its tokens name a staff kind only through roleMap, read from the roleClaim claim. */
export interface OidcConfig {
  issuer: string;
  jwksUrl: string;
  roleClaim: string;
  roleMap: ReadonlyMap<string, StaffKind>;
  algorithms: readonly string[];
}

// Public-key algorithms only: an HMAC or 'none' token could be forged by anyone who knows the issuer's public key.
const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

export class ConfigError extends Error {}

type Source = Record<string, string | undefined>;

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Outside production: a random key made once per data folder (0600 file) and read back on every start, so no key is in the source. */
function localKey(dataDir: string, name: string, problems: string[]): Buffer {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, `${name}.key`);
  try {
    if (statSync(file).mode & 0o077) problems.push(`${file} must be readable by its owner only (chmod 600)`);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw e;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written aside and linked into place: a concurrent start either wins or reads the winner's key, never a half-written file.
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (le) {
      if (errno(le) !== 'EEXIST') throw le;
    } finally {
      unlinkSync(tmp);
    }
  }
  const buf = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (buf.length !== 32) problems.push(`${file} must hold 32 bytes, base64-encoded`);
  return buf;
}

function key(src: Source, name: string, env: Env, dataDir: string, problems: string[]): Buffer {
  const raw = src[name];
  if (raw) {
    const buf = Buffer.from(raw, 'base64');
    if (buf.length !== 32) problems.push(`${name} must be 32 bytes, base64-encoded`);
    return buf;
  }
  if (env !== 'production') return localKey(dataDir, name, problems);
  problems.push(`${name} is required in production`);
  return Buffer.alloc(32);
}

function int(src: Source, name: string, dflt: number, problems: string[], min = 0): number {
  const raw = src[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) problems.push(`${name} must be an integer >= ${min}`);
  return n;
}

function piiKeys(src: Source, env: Env, dataDir: string, problems: string[]): [Map<string, Buffer>, string] {
  // PII_KEYS="k2:base64,k1:base64": first is active, the rest still decrypt older values.
  const raw = src.PII_KEYS;
  if (!raw) return [new Map([['dev1', key({}, 'PII_KEYS', env, dataDir, problems)]]), 'dev1'];
  const map = new Map<string, Buffer>();
  for (const part of raw.split(',')) {
    const [id, b64] = part.split(':');
    const buf = Buffer.from(b64 ?? '', 'base64');
    if (!id || buf.length !== 32) problems.push('PII_KEYS entries must be id:base64(32 bytes)');
    map.set(id, buf);
  }
  return [map, raw.split(':')[0]];
}

// OIDC_ROLE_MAP="qaz-support=SUPPORT,qaz-admin=ADMIN": the issuer's role value -> staff kind, every pair written out.
function oidc(src: Source, env: Env, problems: string[]): OidcConfig | undefined {
  const { OIDC_ISSUER: issuer, OIDC_JWKS_URL: jwksUrl, OIDC_ROLE_CLAIM: roleClaim, OIDC_ROLE_MAP: rawMap } = src;
  if (!issuer && !jwksUrl && !roleClaim && !rawMap) return undefined;
  if (!issuer || !jwksUrl || !roleClaim || !rawMap) {
    problems.push('OIDC_ISSUER, OIDC_JWKS_URL, OIDC_ROLE_CLAIM and OIDC_ROLE_MAP go together');
    return undefined;
  }
  if (!URL.canParse(jwksUrl) || (env === 'production' && new URL(jwksUrl).protocol !== 'https:')) problems.push('OIDC_JWKS_URL must be a URL (https in production)');
  const roleMap = new Map<string, StaffKind>();
  for (const pair of rawMap.split(',')) {
    const [role, kind, ...rest] = pair.split('=').map((x) => x.trim());
    if (!role || rest.length || !(STAFF_KINDS as readonly string[]).includes(kind) || roleMap.has(role)) {
      problems.push(`OIDC_ROLE_MAP entries must be role=KIND, each role once, KIND one of ${STAFF_KINDS.join(', ')}`);
      continue;
    }
    roleMap.set(role, kind as StaffKind);
  }
  const algorithms = (src.OIDC_ALGORITHMS ?? 'RS256,ES256').split(',').map((a) => a.trim());
  if (!algorithms.every((a) => OIDC_ALGORITHMS.includes(a))) problems.push(`OIDC_ALGORITHMS must list some of ${OIDC_ALGORITHMS.join(', ')}`);
  return { issuer, jwksUrl, roleClaim, roleMap, algorithms };
}

// Alphanumeric sender ids are at most 11 characters on GSM networks.
const SENDER_NAME = /^[A-Za-z0-9 ._-]{1,11}$/;
const MAX_SMS_ATTEMPTS = 10;

// SMS_API_URL="https://api.mobizon.kz" with SMS_API_KEY; every attempt and the waits between them must end before the request's deadline.
function smsGateway(src: Source, env: Env, deadlineMs: number, problems: string[]): SmsGatewayConfig | undefined {
  const { SMS_API_URL: url, SMS_API_KEY: apiKey } = src;
  const senderName = src.SMS_SENDER_NAME || undefined;
  if (!url && !apiKey && !senderName) {
    if (env === 'production') problems.push('SMS_API_URL and SMS_API_KEY are required in production: login codes reach travellers only by SMS');
    return undefined;
  }
  if (!url || !apiKey) {
    problems.push('SMS_API_URL and SMS_API_KEY go together');
    return undefined;
  }
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (!(protocol === 'https:' || (protocol === 'http:' && env !== 'production'))) problems.push('SMS_API_URL must be a URL (https in production)');
  if (senderName !== undefined && !SENDER_NAME.test(senderName)) problems.push('SMS_SENDER_NAME must be 1 to 11 Latin letters, digits, spaces, dots, dashes or underscores');
  const timeoutMs = int(src, 'SMS_TIMEOUT_MS', 2500, problems, 1);
  const attempts = int(src, 'SMS_MAX_ATTEMPTS', 3, problems, 1);
  if (attempts > MAX_SMS_ATTEMPTS) problems.push(`SMS_MAX_ATTEMPTS must be at most ${MAX_SMS_ATTEMPTS}`);
  const firstDelay = int(src, 'SMS_RETRY_DELAY_MS', 250, problems);
  // The wait doubles before each further retry.
  const retryDelaysMs = Array.from({ length: attempts <= MAX_SMS_ATTEMPTS ? attempts - 1 : 0 }, (_, i) => firstDelay * 2 ** i);
  if (attempts * timeoutMs + retryDelaysMs.reduce((a, b) => a + b, 0) >= deadlineMs) {
    problems.push('SMS_MAX_ATTEMPTS times SMS_TIMEOUT_MS plus the waits between attempts must stay under REQUEST_DEADLINE_MS');
  }
  return { url: url.replace(/\/+$/, ''), apiKey, senderName, timeoutMs, retryDelaysMs };
}

const ADDRESS_OR_CIDR = /^(?:[\d.]+|[\da-f:.]+)(?:\/\d{1,3})?$/i;

function trustProxy(src: Source, problems: string[]): string[] {
  const list = (src.TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.some((a) => !ADDRESS_OR_CIDR.test(a))) problems.push('TRUST_PROXY must list IP addresses or CIDRs, comma-separated');
  return list;
}

export function loadConfig(src: Source = process.env): Config {
  const problems: string[] = [];
  const env = (src.NODE_ENV ?? 'development') as Env;
  if (!['development', 'test', 'production'].includes(env)) problems.push('NODE_ENV must be development, test or production');
  if (env === 'production' && src.AUTH_DEV_LOGIN_CODE) problems.push('AUTH_DEV_LOGIN_CODE must not be set in production');
  if (env === 'production' && !src.DATABASE_URL) problems.push('DATABASE_URL is required in production');
  // Partner and traveller tokens are always signed by the gateway's own keys, external staff sign-in or not.
  if (env === 'production' && !src.JWT_KEYS_DIR) problems.push('JWT_KEYS_DIR is required in production');
  const devCode = src.AUTH_DEV_LOGIN_CODE;
  if (devCode !== undefined && !/^\d{6}$/.test(devCode)) problems.push('AUTH_DEV_LOGIN_CODE must be 6 digits');
  const port = int(src, 'PORT', 4000, problems);
  // Tests keep their embedded database and local keys apart from the demo's.
  const dataDir = src.QAZ_DATA_DIR ?? new URL(env === 'test' ? '../../.data/test' : '../../.data', import.meta.url).pathname;
  const [keys, active] = piiKeys(src, env, dataDir, problems);
  const epsilon = src.ANALYTICS_EPSILON ? Number(src.ANALYTICS_EPSILON) : 1;
  if (!(epsilon >= 0.001)) problems.push('ANALYTICS_EPSILON must be a number >= 0.001');
  const budget = src.ANALYTICS_DAILY_BUDGET ? Number(src.ANALYTICS_DAILY_BUDGET) : 10 * epsilon;
  if (!(budget >= epsilon)) problems.push('ANALYTICS_DAILY_BUDGET must be a number >= ANALYTICS_EPSILON');
  const privacyTransform = src.PRIVACY_TRANSFORM ?? 'on';
  if (!['on', 'off'].includes(privacyTransform)) problems.push('PRIVACY_TRANSFORM must be on or off');
  if (env === 'production' && privacyTransform === 'off') problems.push('PRIVACY_TRANSFORM=off is for benchmarks, never production');
  // On outside production; production serves the page only when asked to, and never mints tokens.
  const playground = src.PLAYGROUND ?? (env === 'production' ? 'off' : 'on');
  if (!['on', 'off'].includes(playground)) problems.push('PLAYGROUND must be on or off');
  const executor = src.GRAPHQL_EXECUTOR ?? 'jit';
  const requestDeadlineMs = int(src, 'REQUEST_DEADLINE_MS', 10000, problems, 1);
  if (executor !== 'jit' && executor !== 'graphql-js') problems.push('GRAPHQL_EXECUTOR must be jit or graphql-js');
  const breachHold = src.BREACH_HOLD ?? 'on';
  if (!['on', 'off'].includes(breachHold)) problems.push('BREACH_HOLD must be on or off');
  const baselineMultiple = src.BREACH_BASELINE_MULTIPLE ? Number(src.BREACH_BASELINE_MULTIPLE) : 10;
  if (!(baselineMultiple >= 1)) problems.push('BREACH_BASELINE_MULTIPLE must be a number >= 1');
  const cfg: Config = {
    env,
    port,
    host: src.HOST ?? '127.0.0.1',
    databaseUrl: src.DATABASE_URL || undefined,
    databaseReplicaUrls: (src.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
    embeddedPgPort: int(src, 'EMBEDDED_PG_PORT', 54329, problems, 1),
    dbPoolMax: int(src, 'DB_POOL_MAX', 10, problems, 1),
    db: {
      acquireTimeoutMs: int(src, 'DB_ACQUIRE_TIMEOUT_MS', 2000, problems, 1),
      statementTimeoutMs: int(src, 'DB_STATEMENT_TIMEOUT_MS', 5000, problems),
      lockTimeoutMs: int(src, 'DB_LOCK_TIMEOUT_MS', 2000, problems),
      idleInTransactionTimeoutMs: int(src, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10000, problems),
    },
    requestDeadlineMs,
    shutdownGraceMs: int(src, 'SHUTDOWN_GRACE_MS', 25000, problems),
    redis: { url: src.REDIS_URL || undefined, keyPrefix: src.REDIS_KEY_PREFIX ?? 'qaz:' },
    trustProxy: trustProxy(src, problems),
    otlpEndpoint: src.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    rateLimits: {
      user: int(src, 'RATE_LIMIT_USER_PER_MINUTE', 300, problems),
      partner: int(src, 'RATE_LIMIT_PARTNER_PER_MINUTE', 600, problems),
      anonymous: int(src, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, problems),
    },
    dataDir,
    logLevel: src.LOG_LEVEL ?? (env === 'test' ? 'silent' : 'info'),
    publicUrl: src.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    jwt: {
      issuer: src.JWT_ISSUER ?? 'https://gateway.qaztracker.kz',
      audience: src.JWT_AUDIENCE ?? 'qaztracker-gateway',
      accessTtlSeconds: int(src, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 1),
      keysDir: src.JWT_KEYS_DIR ?? `${dataDir}/keys`,
      oidc: oidc(src, env, problems),
    },
    authDevLoginCode: devCode,
    authHmacKey: key(src, 'AUTH_HMAC_KEY', env, dataDir, problems),
    piiKeys: keys,
    piiActiveKeyId: active,
    blindIndexKey: key(src, 'BLIND_INDEX_KEY', env, dataDir, problems),
    pseudonymKey: key(src, 'PSEUDONYM_KEY', env, dataDir, problems),
    analyticsPseudonymKey: key(src, 'ANALYTICS_PSEUDONYM_KEY', env, dataDir, problems),
    analyticsK: int(src, 'ANALYTICS_K', 5, problems, 2),
    analyticsEpsilon: epsilon,
    analyticsDailyBudget: budget,
    limits: {
      maxDepth: int(src, 'GRAPHQL_MAX_DEPTH', 10, problems, 1),
      maxAliases: int(src, 'GRAPHQL_MAX_ALIASES', 30, problems, 1),
      maxDirectives: int(src, 'GRAPHQL_MAX_DIRECTIVES', 50, problems, 1),
      maxTokens: int(src, 'GRAPHQL_MAX_TOKENS', 2000, problems, 10),
      maxCost: int(src, 'GRAPHQL_MAX_COST', 20000, problems, 1),
      maxPageSize: int(src, 'GRAPHQL_MAX_PAGE_SIZE', 100, problems, 1),
    },
    privacyTransform: privacyTransform !== 'off',
    graphqlExecutor: executor === 'graphql-js' ? 'graphql-js' : 'jit',
    compiledDocumentsKept: int(src, 'GRAPHQL_COMPILED_DOCUMENTS', 1000, problems, 1),
    disclosureBatch: { tickMs: int(src, 'DISCLOSURE_BATCH_MS', 2, problems), maxRows: int(src, 'DISCLOSURE_BATCH_ROWS', 500, problems, 1) },
    authTokenCacheEntries: int(src, 'AUTH_TOKEN_CACHE_ENTRIES', 10000, problems),
    jobs: {
      bookingHoldMinutes: int(src, 'BOOKING_HOLD_MINUTES', 30, problems, 1),
      // Tests start many gateways on one database: each runs the jobs only when it asks to.
      intervalSeconds: int(src, 'JOBS_INTERVAL_SECONDS', env === 'test' ? 0 : 60, problems, 0),
    },
    sms: smsGateway(src, env, requestDeadlineMs, problems),
    breach: {
      ceilingPerHour: int(src, 'BREACH_CEILING_PER_HOUR', 5000, problems, 1),
      baselineMultiple,
      baselineDays: int(src, 'BREACH_BASELINE_DAYS', 14, problems, 1),
      minPerHour: int(src, 'BREACH_MIN_PER_HOUR', 100, problems, 1),
      hold: breachHold === 'on',
      // As the jobs: tests count and check only when they ask to.
      checkSeconds: int(src, 'BREACH_CHECK_SECONDS', env === 'test' ? 0 : 60, problems, 0),
      holdsRefreshSeconds: int(src, 'BREACH_HOLDS_REFRESH_SECONDS', 5, problems, 0),
    },
    playground: { enabled: playground === 'on', devTokens: playground === 'on' && env !== 'production' },
  };
  // Tokens are routed to a verifier by iss: one name for two issuers would hand the gateway's tokens to the staff issuer's keys.
  if (cfg.jwt.oidc?.issuer === cfg.jwt.issuer) problems.push('OIDC_ISSUER must differ from JWT_ISSUER');
  // Analysts' pseudonyms must not be linkable to blind indexes or other pseudonyms.
  if ([cfg.blindIndexKey, cfg.pseudonymKey].some((k) => k.equals(cfg.analyticsPseudonymKey)))
    problems.push('ANALYTICS_PSEUDONYM_KEY must differ from BLIND_INDEX_KEY and PSEUDONYM_KEY');
  if (problems.length) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return cfg;
}
