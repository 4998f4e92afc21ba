import { type ResultsContract, SIGNOFF_ROLES, type SignoffView } from '../../../shared/api/results';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import { OFFICIAL_ROLE_NAMES } from '../../../shared/domain/people';
import { appendAudit, appendRefusal } from '../audit';
import { refused, type BackendContext, says, statusWords } from '../context';
import type { ErrorText } from '../../../shared/api/error-text';
import { type Db, inTransaction } from '../db';
import { answerOnce } from './request-receipts';
import { q } from './counting-store';
import { activeRoles } from './person-standing';
import { actingPerson } from './acting-person';
import { decidingMembers } from './committee-decision';
import type { StaffRole } from '../../../shared/domain/authority';
import { verifyPersonPin } from './people';
import { storedResultHash } from './results';
import { approvalsNeededToReopen } from './seal-state';
import { getRound, setRoundStatusTx } from './setup-rounds';

/**
 * Sign-offs (DOMAIN.md §8): scrutineers, callers, counters (and the chief ones) and the committee chair each sign a
 * round's result with their own PIN. A signature binds name, role and the result hash. Once anyone has signed, the
 * round's counting is frozen; reopening revokes every signature of the round with the recorded reason.
 */

export { SIGNOFF_ROLES };
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

export const SIGNOFF_ROLE_NAMES: Record<SignoffRole, { zh: string; en: string }> = {
  'chief-scrutineer': OFFICIAL_ROLE_NAMES['chief-scrutineer'],
  scrutineer: OFFICIAL_ROLE_NAMES.scrutineer,
  caller: OFFICIAL_ROLE_NAMES.caller,
  counter: OFFICIAL_ROLE_NAMES.counter,
  'chief-counter': OFFICIAL_ROLE_NAMES['chief-counter'],
  'committee-chair': { zh: '选举委员会主任', en: 'election committee chair' },
};

interface RawSignoff {
  id: number;
  round_number: number;
  person_id: number;
  name: string;
  role: SignoffRole;
  result_hash: string;
  signed_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

function toView(r: RawSignoff): SignoffView {
  return {
    id: r.id,
    round: r.round_number,
    person: r.person_id,
    name: r.name,
    role: r.role,
    resultHash: r.result_hash,
    signedAt: r.signed_at,
    revoked: r.revoked_at === null ? null : { at: r.revoked_at, reason: r.revoked_reason ?? '' },
  };
}

/** Every sign-off of a round (or of all rounds), revoked ones included, in signing order. */
export function listSignoffs(db: Db, round?: number): SignoffView[] {
  const rows =
    round === undefined
      ? (db.prepare('SELECT * FROM signoff ORDER BY round_number, id').all() as RawSignoff[])
      : (getRound(db, round), db.prepare('SELECT * FROM signoff WHERE round_number = ? ORDER BY id').all(round) as RawSignoff[]);
  return rows.map(toView);
}

/** Sign-offs in the shape of a sealed file (electron/backend/seal payload `signoffs`). */
export function sealSignoffs(db: Db): { round: number; name: string; role: string; resultHash: string; signedAt: string; revoked?: { at: string; reason: string } }[] {
  return listSignoffs(db).map((s) => ({
    round: s.round,
    name: s.name,
    role: s.role,
    resultHash: s.resultHash,
    signedAt: s.signedAt,
    ...(s.revoked ? { revoked: s.revoked } : {}),
  }));
}

/** Whether the person holds the role now: an official role, or the chair of the election committee. */
export function holdsSignoffRole(db: Db, person: number, role: SignoffRole): boolean {
  if (role === 'committee-chair') {
    return q(db, "SELECT 1 FROM committee_member WHERE person_id = ? AND position = 'chair' AND left_at IS NULL").get(person) !== undefined;
  }
  return activeRoles(db, person).includes(role);
}

/** The roles a person may sign in. */
export function signoffRolesOf(db: Db, person: number): SignoffRole[] {
  return SIGNOFF_ROLES.filter((r) => holdsSignoffRole(db, person, r));
}

/**
 * The signed-in person signs the round's stored result as themself, in a role they hold and act in, re-typing their
 * own PIN. `resultHash`, when given, is the hash the signer was shown: it must still be the stored one. A wrong PIN is
 * refused and audited (pin.failed and signoff.refused).
 */
export function signResult(
  ctx: BackendContext,
  input: InputOf<ResultsContract, 'signResult'>,
): SignoffView {
  const db = ctx.db;
  const signer = actingPerson({ zh: '签署结果', en: 'signing a result' });
  const r = getRound(db, input.round);
  const name = signer.name;
  const roleName = SIGNOFF_ROLE_NAMES[input.role];
  const refuse = (reason: string, said: ErrorText): never => {
    appendRefusal(db, {
      type: 'signoff.refused',
      at: ctx.now(),
      actor: ctx.actor ?? name,
      subject: `round:${input.round}`,
      detail: { person: signer.person, role: input.role, reason },
    });
    throw refused(said, { reason });
  };
  if (!holdsSignoffRole(db, signer.person, input.role) || !actsIn(signer.roles, input.role)) {
    refuse('role-not-held', says('error.signoff.roleNotHeld', { name, role: roleName }));
  }
  const storedHash = storedResultHash(db, input.round);
  if (r.status === 'sealed') {
    refuse('sealed', says('error.signoff.sealed', { round: input.round }));
  }
  if (storedHash === null || !['counted', 'signed'].includes(r.status)) {
    refuse('no-result', says('error.signoff.noResult', { round: input.round, status: statusWords(r.status) }));
  }
  if (!verifyPersonPin(ctx, signer.person, input.pin)) {
    refuse('wrong-pin', says('error.signoff.wrongPin', { name }));
  }
  return inTransaction(db, () => {
    const current = storedResultHash(db, input.round);
    const round = getRound(db, input.round);
    if (current === null || !['counted', 'signed'].includes(round.status)) {
      throw refused(says('error.signoff.resultRoundChangedCompute', { round: input.round }));
    }
    if (input.resultHash !== undefined && input.resultHash !== current) {
      throw refused(says('error.signoff.notCurrentResult', { shown: input.resultHash.slice(0, 12), round: input.round, current: current.slice(0, 12) }));
    }
    if (q(db, 'SELECT 1 FROM signoff WHERE round_number = ? AND person_id = ? AND role = ? AND revoked_at IS NULL').get(input.round, signer.person, input.role)) {
      throw refused(says('error.signoff.alreadySignedRound', { roleName, name, round: input.round }));
    }
    const at = ctx.now().toISOString();
    const id = Number(
      db
        .prepare('INSERT INTO signoff (round_number, person_id, name, role, result_hash, signed_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.round, signer.person, name, input.role, current, at).lastInsertRowid,
    );
    if (round.status === 'counted') setRoundStatusTx(ctx, { round: input.round, status: 'signed' });
    appendAudit(db, {
      type: 'signoff.signed',
      at,
      actor: ctx.actor ?? name,
      subject: `round:${input.round}`,
      detail: { person: signer.person, name, role: input.role, resultHash: current },
    });
    return toView(db.prepare('SELECT * FROM signoff WHERE id = ?').get(id) as RawSignoff);
  });
}

/** A session signed in for one role signs only in it; the chair's seat is the role 'committee'. */
function actsIn(roles: readonly StaffRole[], role: SignoffRole): boolean {
  return roles.includes(role === 'committee-chair' ? 'committee' : role);
}

/**
 * The audit head at the round's last sign-off in force ({count, hash} of that `signoff.signed` event): the fixed point
 * that both the printed tally sheet and the sealed file carry, so the paper and the file agree whenever either was
 * made. Null when nobody has signed since the count was last reopened.
 */
export function signedAuditHead(db: Db, round: number): { count: number; hash: string } | null {
  const last = q(
    db,
    `SELECT seq, hash, type FROM audit_event WHERE subject = ? AND outcome = 'ok' AND type IN ('signoff.signed', 'signoff.reopened')
     ORDER BY seq DESC LIMIT 1`,
  ).get(`round:${round}`) as { seq: number; hash: string; type: string } | undefined;
  return last?.type === 'signoff.signed' ? { count: last.seq, hash: last.hash } : null;
}

/**
 * Reopens a round's count: every signature in force is revoked with the reason, and counting may change again.
 * Approved by sitting committee members with their PINs (checked before the write). Refused once a later round was
 * created from this round's result.
 */
export function reopenCount(
  ctx: BackendContext,
  input: InputOf<ResultsContract, 'reopenCount'>,
  requestKey?: string,
): OutputOf<ResultsContract, 'reopenCount'> {
  const status = getRound(ctx.db, input.round).status;
  const approvers = decidingMembers(ctx, input.approvals, {
    atLeast: approvalsNeededToReopen(status),
    path: 'approvals',
    what: { zh: '重新开放计票', en: 'reopening a count' },
  });
  return answerOnce(ctx.db, 'reopenCount', requestKey, input, () => inTransaction(ctx.db, () => {
    const db = ctx.db;
    const r = getRound(db, input.round);
    if (r.status !== status) {
      throw refused(
        says('error.signoff.roundStatusChanged', { round: input.round, status: statusWords(r.status) }),
      );
    }
    const later = q(db, 'SELECT round_number FROM round_origin WHERE from_round = ? ORDER BY round_number').all(input.round) as { round_number: number }[];
    if (later.length > 0) {
      const ns = later.map((x) => x.round_number).join(', ');
      throw refused(
        says('error.signoff.laterRoundsCreated', { round: input.round, ns }),
      );
    }
    if (!['counted', 'signed', 'sealed'].includes(r.status)) {
      throw refused(says('error.signoff.nothingToReopen', { round: input.round, status: statusWords(r.status) }));
    }
    const inForce = (db.prepare('SELECT * FROM signoff WHERE round_number = ? AND revoked_at IS NULL ORDER BY id').all(input.round) as RawSignoff[]).map(toView);
    const at = ctx.now().toISOString();
    db.prepare('UPDATE signoff SET revoked_at = ?, revoked_reason = ? WHERE round_number = ? AND revoked_at IS NULL').run(at, input.reason, input.round);
    setRoundStatusTx(ctx, { round: input.round, status: 'counting', reason: input.reason });
    appendAudit(db, {
      type: 'signoff.reopened',
      at,
      actor: ctx.actor ?? approvers[0]!.name,
      subject: `round:${input.round}`,
      detail: {
        approvedBy: approvers,
        reason: input.reason,
        revoked: inForce.map((s) => ({ name: s.name, role: s.role })),
      },
    });
    return { revoked: inForce.map((s) => ({ ...s, revoked: { at, reason: input.reason } })) };
  }));
}
