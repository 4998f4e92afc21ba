import { PIN_FAILURES_BEFORE_LOCK, PIN_FIRST_LOCK_SECONDS } from '../../../shared/domain/authority';
import { appendAudit } from '../audit';
import { refused, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { preparedOnce as q } from '../db/statements';
import { pinMatches } from '../services/people-pin';
import { refusalsCommit } from '../services/request-receipts';

interface GuardRow {
  failures: number;
  lockouts: number;
  locked_until: string | null;
}

/** Seconds until the person may try a PIN again (0 when not locked). */
export function lockedSeconds(db: Db, person: number, now: Date): number {
  const row = q(db, 'SELECT failures, lockouts, locked_until FROM pin_guard WHERE person_id = ?').get(person) as GuardRow | undefined;
  if (!row?.locked_until) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000));
}

/**
 * Checks a person's PIN under the lockout rule: refused while locked; a wrong PIN is counted in the file (its own
 * transaction, so the caller's refusal cannot roll it back) and the fifth in a row locks the person for a minute,
 * doubling with each lockout; a right PIN clears the count. Returns false for a wrong PIN that did not lock.
 * Never call it inside a transaction that a refusal rolls back (a resendable write's receipt transaction commits
 * refusals, services/request-receipts.ts, so the count is kept there).
 */
export function pinIsRight(ctx: BackendContext, person: { id: number; name: string; pin_salt: string | null; pin_hash: string | null }, pin: string): boolean {
  const db = ctx.db;
  if (db.inTransaction && !refusalsCommit(db)) throw new Error('a PIN is checked before the write it allows, outside its transaction');
  if (person.pin_hash === null || person.pin_salt === null) {
    throw refused(says('error.authority.setPinYet', { name: person.name }), { reason: 'no-pin', person: person.id });
  }
  const now = ctx.now();
  const wait = lockedSeconds(db, person.id, now);
  if (wait > 0) throw lockedOut(person.name, person.id, wait);
  if (pinMatches(pin, { salt: person.pin_salt, hash: person.pin_hash })) {
    q(db, 'DELETE FROM pin_guard WHERE person_id = ?').run(person.id);
    return true;
  }
  const lockFor = inTransaction(db, () => {
    const row = (q(db, 'SELECT failures, lockouts, locked_until FROM pin_guard WHERE person_id = ?').get(person.id) as GuardRow | undefined) ?? {
      failures: 0,
      lockouts: 0,
      locked_until: null,
    };
    let failures = row.failures + 1;
    let lockouts = row.lockouts;
    let lockedUntil: string | null = null;
    let seconds = 0;
    if (failures >= PIN_FAILURES_BEFORE_LOCK) {
      lockouts += 1;
      failures = 0;
      seconds = PIN_FIRST_LOCK_SECONDS * 2 ** Math.min(lockouts - 1, 16);
      lockedUntil = new Date(now.getTime() + seconds * 1000).toISOString();
    }
    q(db, 'INSERT OR REPLACE INTO pin_guard (person_id, failures, lockouts, locked_until) VALUES (?, ?, ?, ?)').run(person.id, failures, lockouts, lockedUntil);
    appendAudit(db, {
      type: 'pin.failed',
      at: now,
      actor: ctx.actor,
      outcome: 'refused',
      subject: `person:${person.id}`,
      detail: seconds > 0 ? { lockedSeconds: seconds } : {},
    });
    return seconds;
  });
  if (lockFor > 0) throw lockedOut(person.name, person.id, lockFor);
  return false;
}

function lockedOut(name: string, id: number, seconds: number) {
  return refused(
    says('error.authority.wrongPinsRowTry', { name, PIN_FAILURES_BEFORE_LOCK, seconds }),
    { reason: 'pin-locked', person: id, seconds },
  );
}
