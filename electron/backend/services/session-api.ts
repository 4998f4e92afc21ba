import type { Implementation } from '../../../shared/api/envelope';
import type { SessionContract } from '../../../shared/api/session';
import type { BackendContext } from '../context';
import { signIn, signInCandidates, signOut, whoAmI } from './session';

/** Sign-in, sign-out and "who am I" (shared/api/session.ts); the session token comes beside the input. */
export function sessionApi(ctx: BackendContext): Implementation<SessionContract> {
  return {
    signInCandidates: () => signInCandidates(ctx),
    signIn: (input) => signIn(ctx, input),
    signOut: (_input, meta) => (signOut(ctx, meta?.session), { ok: true }),
    whoAmI: (_input, meta) => whoAmI(ctx, meta?.session),
  };
}
