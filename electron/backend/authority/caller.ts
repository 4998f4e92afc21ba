import { AsyncLocalStorage } from 'node:async_hooks';
import type { StaffRole } from '../../../shared/domain/authority';

/** The signed-in person a call runs for: services read it for attribution (the audit actor) and for "as themself". */
export interface Caller {
  person: number;
  name: string;
  roles: StaffRole[];
}

const current = new AsyncLocalStorage<Caller | null>();

/** Runs `fn` (and everything it awaits) on behalf of the caller. */
export function runAsCaller<T>(caller: Caller | null, fn: () => T): T {
  return current.run(caller, fn);
}

export function currentCaller(): Caller | null {
  return current.getStore() ?? null;
}

/** How the audit log names the person acting: id, name and the roles they act in. */
export function actorLabel(c: Caller): string {
  return `#${c.person} ${c.name} [${c.roles.join(',')}]`;
}

/** The audit actor now: the current caller, or else `fallback` (the label of a context nobody signed in to). */
export function actorOrLabel(fallback: string | null): string | null {
  const caller = currentCaller();
  return caller ? actorLabel(caller) : fallback;
}
