import { METHOD_ACCESS, rolesMayCall, type Access } from '../../../shared/api/access';
import type { Authorize } from '../../../shared/api/dispatch';
import type { ApiErrorBody } from '../../../shared/api/envelope';
import type { CallMeta } from '../../../shared/api/resend';
import { STAFF_ROLE_NAMES, type StaffRole } from '../../../shared/domain/authority';
import { appendRefusal } from '../audit';
import { GENERAL_ERROR_KEY } from '../../../shared/api/error-text';
import { bilingual, says, type BackendContext } from '../context';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';
import { stationLaptopRefusal } from '../stations/laptop-mode';
import { activeRoles, isSittingCommitteeMember } from '../services/person-standing';
import { actorLabel, type Caller } from './caller';

/**
 * Sign-in is asked for from the moment a committee member has a PIN; before that the file is being set up and
 * every method is open (a committee member who has left keeps their PIN, so this never goes back).
 */
export function authorityEstablished(db: Db): boolean {
  return (
    q(db, 'SELECT 1 FROM committee_member m JOIN person p ON p.id = m.person_id WHERE p.pin_hash IS NOT NULL LIMIT 1').get() !== undefined
  );
}

/** Every role the person holds now: a seat on the committee and their official roles. */
export function rolesHeld(db: Db, person: number): StaffRole[] {
  const roles: StaffRole[] = isSittingCommitteeMember(db, person) ? ['committee'] : [];
  return [...roles, ...activeRoles(db, person)];
}

/** The caller of a session token, with the roles they act in now; null for no, an ended or an idle session. */
export function callerOf(ctx: BackendContext, token: string | undefined): Caller | null {
  if (token === undefined) return null;
  const s = ctx.sessions.use(token, ctx.now());
  if (!s) return null;
  return callerFor(ctx.db, s.person, s.onlyRole);
}

/** A person as a caller, acting in every role they hold now (or only in `onlyRole`); null for an unknown person. */
export function callerFor(db: Db, person: number, onlyRole: StaffRole | null = null): Caller | null {
  const row = q(db, 'SELECT name FROM person WHERE id = ?').get(person) as { name: string } | undefined;
  if (!row) return null;
  const held = rolesHeld(db, person);
  return { person, name: row.name, roles: onlyRole === null ? held : held.filter((r) => r === onlyRole) };
}

export type Verdict = { ok: true; caller: Caller | null } | { ok: false; error: ApiErrorBody };

function roleNames(roles: readonly StaffRole[], lang: 'zh' | 'en'): string {
  return roles.map((r) => STAFF_ROLE_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ');
}

/** May this call go ahead, and on whose behalf (METHOD_ACCESS in shared/api/access.ts). */
export function authorizeCall(ctx: BackendContext, method: string, meta: CallMeta): Verdict {
  const access: Access | undefined = (METHOD_ACCESS as Record<string, Access>)[method];
  const stationRefusal = stationLaptopRefusal(ctx.db, method, access);
  if (stationRefusal) return { ok: false, error: stationRefusal };
  const caller = callerOf(ctx, meta.session);
  if (access === undefined || access === 'anyone' || !authorityEstablished(ctx.db)) return { ok: true, caller };
  if (!caller) {
    const ended = meta.session !== undefined;
    const text = ended ? says('error.session.ended') : says('error.session.signIn');
    return {
      ok: false,
      error: { code: 'refused', message: bilingual(text.zh, text.en), text, details: { reason: ended ? 'session-ended' : 'sign-in-required' } },
    };
  }
  if (rolesMayCall(access, caller.roles)) return { ok: true, caller };
  const allowed = access as readonly StaffRole[];
  const as = caller.roles.length > 0 ? roleNames(caller.roles, 'zh') : '无职务';
  const asEn = caller.roles.length > 0 ? roleNames(caller.roles, 'en') : 'no role';
  appendRefusal(ctx.db, { type: 'access.refused', at: ctx.now(), actor: actorLabel(caller), subject: `method:${method}`, detail: {} });
  // The method's name is for the log, not for the screen.
  const zh = `${caller.name}（${as}）不能进行此操作，须由${roleNames(allowed, 'zh')}进行`;
  const en = `${caller.name} (${asEn}) may not do this; it is for: ${roleNames(allowed, 'en')}`;
  return {
    ok: false,
    error: {
      code: 'refused',
      message: bilingual(zh, en.replace('may not do this', `may not do this (${method})`)),
      text: { key: GENERAL_ERROR_KEY, zh, en },
      details: { reason: 'role', method, allowed: [...allowed], roles: caller.roles },
    },
  };
}

/**
 * Verdicts already reached for a call, keyed by the call's meta object (dispatch hands the same object to the
 * transport's hook and then to the implementation), so a call is decided once — one session touch, one refusal line —
 * however many layers ask.
 */
const decided = new WeakMap<CallMeta, Verdict>();

export function authorizeOnce(ctx: BackendContext, method: string, meta: CallMeta): Verdict {
  const known = decided.get(meta);
  if (known) return known;
  const verdict = authorizeCall(ctx, method, meta);
  decided.set(meta, verdict);
  return verdict;
}

/** The dispatch hook: refuses before the input is read. */
export function authorizerFor(ctx: BackendContext): Authorize {
  return (method, meta) => {
    const v = authorizeOnce(ctx, method, meta);
    return v.ok ? null : v.error;
  };
}
