import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionStatements } from './sql.js';
import { statement } from './statement.js';

const TRY_LOCK = statement<{ locked: boolean }, [key: number]>('advisory_xact_lock_try', 'select pg_try_advisory_xact_lock($1) as locked');

/** Runs `work` in one transaction holding the transaction-level advisory lock `key`, or returns null at once when another
 * session holds it: of several gateways on one database, one does the work and the others skip that round. */
export function withAdvisoryLock<T>(em: EntityManager, key: number, work: (tem: EntityManager) => Promise<T>): Promise<T | null> {
  return em.transactional(async (tem) => {
    const [{ locked }] = await transactionStatements(tem).rows(TRY_LOCK, key);
    return locked ? work(tem) : null;
  });
}
