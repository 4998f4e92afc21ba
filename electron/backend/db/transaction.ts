import type { Db } from './connection';

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so two processes never both read
 * "not yet issued" and then both write). Throwing inside rolls everything back, the audit event included.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
