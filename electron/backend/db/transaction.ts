import type { Db } from './connection';
import { writeHooksOf } from './write-hooks';

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so two processes never both read
 * "not yet issued" and then both write). Throwing inside rolls everything back, the audit event included. The
 * outermost transaction of a file with a second copy also writes its changes to the copy before committing.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const hooks = db.inTransaction ? undefined : writeHooksOf(db);
  if (!hooks) return db.transaction(fn).immediate();
  return db
    .transaction(() => {
      hooks.beforeWrite();
      const result = fn();
      hooks.beforeCommit();
      return result;
    })
    .immediate();
}
