import { createContext, type BackendContext } from '../../electron/backend/context';
import { drillCredentials } from '../../electron/backend/drill/credentials';
import { callerFor } from '../../electron/backend/authority/authorize';
import { runAsCaller } from '../../electron/backend/authority/caller';
import { setPin } from '../../electron/backend/services/people';
import { SESSION_FIELD } from '../../shared/api/resend';

/**
 * Acting as people in tests, the way the app does: services called directly run `asPerson` (the signed-in caller
 * of a call), calls through dispatch/HTTP carry a session token from signIn.
 */

/** A PIN that meets the rule (6 to 12 digits). */
export const TEST_PIN = '246810';

/** Runs `fn` as the person, acting in every role they hold now. */
export function asPerson<T>(ctx: BackendContext, person: number, fn: () => T): T {
  const caller = callerFor(ctx.db, person);
  if (!caller) throw new Error(`asPerson: no person ${person}`);
  return runAsCaller(caller, fn);
}

/**
 * Sets the election's first committee PIN (allowed only while no committee member has one) and then, with that
 * member signed in, the PINs of the others given. From then on every call needs a session.
 */
export function establishAuthority(ctx: BackendContext, committeeMember: number, others: readonly { person: number; pin?: string }[] = [], pin = TEST_PIN): void {
  setPin(ctx, { person: committeeMember, pin });
  asPerson(ctx, committeeMember, () => {
    for (const o of others) setPin(ctx, { person: o.person, pin: o.pin ?? TEST_PIN });
  });
}

export type Call = (method: string, input: unknown) => Promise<unknown>;

/** Signs in through the contract and returns a call that sends the session with every input. */
export async function signedIn(call: Call, person: number, pin = TEST_PIN, extra: Record<string, unknown> = {}): Promise<Call> {
  const answer = (await call('signIn', { person, pin, ...extra })) as { token: string };
  return (method, input) => call(method, { ...(input as object), [SESSION_FIELD]: answer.token });
}

/**
 * How a `station` command that writes acts as a drill file's committee chair: `--as <id>` and the PIN in
 * STATION_PIN (the drill's PINs come back from its seed, drill/credentials.ts).
 */
export function drillChairForCli(dbFile: string): { args: string[]; env: Record<string, string> } {
  const ctx = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const chair = drillCredentials(ctx).people.find((p) => p.committee === 'chair');
    if (!chair?.pin) throw new Error(`drillChairForCli: ${dbFile} has no drill chair with a PIN`);
    return { args: ['--as', String(chair.id)], env: { STATION_PIN: chair.pin } };
  } finally {
    ctx.db.close();
  }
}
