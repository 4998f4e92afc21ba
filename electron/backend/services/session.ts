import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { SessionContract, SessionView } from '../../../shared/api/session';
import { STAFF_ROLE_NAMES } from '../../../shared/domain/authority';
import { appendAudit } from '../audit';
import { authorityEstablished, callerFor, callerOf, rolesHeld } from '../authority/authorize';
import { actorLabel } from '../authority/caller';
import { lockedSeconds, pinIsRight } from '../authority/pin-guard';
import type { Session } from '../authority/sessions';
import { refused, type BackendContext, says } from '../context';
import { inTransaction } from '../db';
import { getPerson } from './people';

function viewOf(ctx: BackendContext, s: Session): SessionView {
  const caller = callerFor(ctx.db, s.person, s.onlyRole)!;
  return { person: s.person, name: caller.name, roles: caller.roles, idleMinutes: s.idleMinutes, signedInAt: s.signedInAt.toISOString() };
}

export function signInCandidates(ctx: BackendContext): OutputOf<SessionContract, 'signInCandidates'> {
  const rows = ctx.db.prepare('SELECT id, name FROM person WHERE pin_hash IS NOT NULL ORDER BY id').all() as { id: number; name: string }[];
  const now = ctx.now();
  return rows
    .map((p) => ({ id: p.id, name: p.name, roles: rolesHeld(ctx.db, p.id), lockedSeconds: lockedSeconds(ctx.db, p.id, now) }))
    .filter((p) => p.roles.length > 0);
}

/** Checks the PIN (with the lockout rule) and opens a session in the chosen role, or in every role the person holds. */
export function signIn(ctx: BackendContext, input: InputOf<SessionContract, 'signIn'>): OutputOf<SessionContract, 'signIn'> {
  const person = getPerson(ctx.db, input.person);
  const held = rolesHeld(ctx.db, person.id);
  if (held.length === 0) {
    throw refused(says('error.session.holdsRoleNowSign', { name: person.name }), { reason: 'no-role' });
  }
  if (input.role !== undefined && !held.includes(input.role)) {
    const r = STAFF_ROLE_NAMES[input.role];
    throw refused(says('error.session.roleNotHeld', { r, name: person.name }), { reason: 'role-not-held' });
  }
  if (!pinIsRight(ctx, person, input.pin)) {
    throw refused(says('error.session.wrongPin', { name: person.name }), { reason: 'wrong-pin' });
  }
  const session = ctx.sessions.open(person.id, input.role ?? null, input.idleMinutes, ctx.now());
  const view = viewOf(ctx, session);
  inTransaction(ctx.db, () =>
    appendAudit(ctx.db, {
      type: 'session.signed-in',
      at: session.signedInAt,
      actor: actorLabel({ person: person.id, name: person.name, roles: view.roles }),
      subject: `person:${person.id}`,
      detail: { idleMinutes: input.idleMinutes },
    }),
  );
  return { ...view, token: session.token };
}

export function signOut(ctx: BackendContext, token: string | undefined): void {
  if (token === undefined) return;
  const caller = callerOf(ctx, token);
  const s = ctx.sessions.close(token);
  if (!s || !caller) return;
  inTransaction(ctx.db, () =>
    appendAudit(ctx.db, { type: 'session.signed-out', at: ctx.now(), actor: actorLabel(caller), subject: `person:${s.person}` }),
  );
}

export function whoAmI(ctx: BackendContext, token: string | undefined): OutputOf<SessionContract, 'whoAmI'> {
  const s = token === undefined ? undefined : ctx.sessions.use(token, ctx.now());
  return { authority: authorityEstablished(ctx.db) ? 'established' : 'open', session: s ? viewOf(ctx, s) : null };
}
