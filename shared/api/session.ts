import { z } from 'zod';
import { DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, staffRole, typedPin } from '../domain/authority';
import { answerText } from '../domain/text';

/**
 * Sign-in. A person signs in with their PIN and gets a session token; the client sends it with every call as
 * `session` beside the method's input (dispatch takes it aside, like a request key). Each window has its own session.
 * A session ends on sign-out, after its idle time, or when the backend restarts.
 */
const personId = z.int().positive();

export const sessionView = z.strictObject({
  person: personId,
  name: answerText,
  /** The roles the session acts in now (a role revoked since sign-in is gone at once). */
  roles: z.array(staffRole),
  idleMinutes: z.int().positive(),
  signedInAt: answerText,
});
export type SessionView = z.infer<typeof sessionView>;

export const signInCandidateView = z.strictObject({
  id: personId,
  name: answerText,
  roles: z.array(staffRole),
  /** Seconds until a locked-out person may try again (0 when not locked). */
  lockedSeconds: z.int().nonnegative(),
});

export const sessionContract = {
  /** People who can sign in (a PIN set and a role held), for the sign-in screen's list. */
  signInCandidates: { input: z.strictObject({}), output: z.array(signInCandidateView) },
  signIn: {
    input: z.strictObject({
      person: personId,
      pin: typedPin,
      /** Act only in this role (default: every role the person holds). */
      role: staffRole.optional(),
      idleMinutes: z.int().min(1).max(MAX_IDLE_MINUTES).default(DEFAULT_IDLE_MINUTES),
    }),
    output: sessionView.extend({ token: z.string().min(32).max(128) }),
  },
  /** Ends the caller's session (no-op without one). */
  signOut: { input: z.strictObject({}), output: z.strictObject({ ok: z.literal(true) }) },
  /**
   * Who is signed in on this session, and whether the election asks for sign-in at all: it does from the moment a
   * committee member has a PIN ("established"); before that the file is being set up and anyone at it may act.
   */
  whoAmI: {
    input: z.strictObject({}),
    output: z.strictObject({ authority: z.enum(['open', 'established']), session: sessionView.nullable() }),
  },
} as const;
export type SessionContract = typeof sessionContract;
