import type { Db } from './connection';

/**
 * What runs around every outermost write transaction of a connection (inTransaction): the second copy
 * (electron/backend/copy) brings the copy up to date before the write and appends the write's changes before it
 * commits, so the copy is never more than one write behind. Kept here so the db layer knows no more than the hook.
 */
export interface WriteHooks {
  beforeWrite(): void;
  beforeCommit(): void;
}

const hooks = new WeakMap<Db, WriteHooks>();

export function setWriteHooks(db: Db, h: WriteHooks | null): void {
  if (h) hooks.set(db, h);
  else hooks.delete(db);
}

export function writeHooksOf(db: Db): WriteHooks | undefined {
  return hooks.get(db);
}
