import type { Config } from '../config/config.js';

export interface ConnectionOptions {
  fallback_application_name: string;
  connectionTimeoutMillis: number;
  statement_timeout: number;
  lock_timeout: number;
  idle_in_transaction_session_timeout: number;
}

/** pg pool and session settings of the serving connections, so that no wait for a connection, lock or statement is unbounded. */
export function servingConnectionOptions(cfg: Config): ConnectionOptions {
  const { acquireTimeoutMs, statementTimeoutMs, lockTimeoutMs, idleInTransactionTimeoutMs } = cfg.db;
  return {
    // Operators (and the fault tests) tell the gateway's backends apart in pg_stat_activity by this, unless PGAPPNAME names them.
    fallback_application_name: 'qaztracker-gateway',
    connectionTimeoutMillis: acquireTimeoutMs,
    statement_timeout: statementTimeoutMs,
    lock_timeout: lockTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
  };
}
