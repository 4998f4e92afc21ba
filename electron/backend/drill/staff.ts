import { callerFor } from '../authority/authorize';
import { runAsCaller, type Caller } from '../authority/caller';
import type { BackendContext } from '../context';

/** The drill's official `person` as a caller, in every role they hold now. */
export function staffCaller(ctx: BackendContext, person: number): Caller {
  const caller = callerFor(ctx.db, person);
  if (!caller) throw new Error(`drill: no person ${person}`);
  return caller;
}

/**
 * Runs `fn` (and everything it awaits) as the drill's official `person`: the drill plays each step as the person who
 * would do it at a real station, so the audit log names them.
 */
export function asStaff<T>(ctx: BackendContext, person: number, fn: () => T): T {
  return runAsCaller(staffCaller(ctx, person), fn);
}
