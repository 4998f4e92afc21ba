import type { PeopleContract, PersonView, RelativeView } from '../../../shared/api/people';
import { ApiError, type InputOf } from '../../../shared/api/envelope';
import { normalizeName } from '../../../shared/domain/names';
import {
  OFFICIAL_ROLE_NAMES,
  RELATION_NAMES,
  type CommitteePosition,
  type OfficialRole,
  type RelationKind,
} from '../../../shared/domain/people';
import { appendAudit, appendRefusal } from '../audit';
import { bilingual, notFound, refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import { authorityEstablished } from '../authority/authorize';
import { currentCaller } from '../authority/caller';
import { pinIsRight } from '../authority/pin-guard';
import { hashPin } from './people-pin';
import { activeRoles, isSittingCommitteeMember } from './person-standing';

export interface PersonRow {
  id: number;
  name: string;
  name_key: string;
  id_number: string | null;
  pin_salt: string | null;
  pin_hash: string | null;
}

/** Same person: same normalised name, and the same ID number when both sides have one. */
function samePerson(aKey: string, aId: string | null | undefined, bKey: string, bId: string | null | undefined): boolean {
  if (aKey !== bKey) return false;
  return !aId || !bId || aId.toUpperCase() === bId.toUpperCase();
}

export function getPerson(db: Db, id: number): PersonRow {
  const row = db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw notFound(says('error.people.personId', { id }));
  return row;
}

/** Finds a person by name (and ID number when given), or registers them. Call inside a transaction. */
export function ensurePerson(ctx: BackendContext, name: string, idNumber?: string | null): PersonRow {
  const key = normalizeName(name);
  const rows = ctx.db.prepare('SELECT * FROM person WHERE name_key = ? ORDER BY id').all(key) as PersonRow[];
  const found = rows.find((r) => samePerson(key, idNumber, r.name_key, r.id_number));
  if (found) {
    if (idNumber && !found.id_number) {
      ctx.db.prepare('UPDATE person SET id_number = ? WHERE id = ?').run(idNumber.toUpperCase(), found.id);
      found.id_number = idNumber.toUpperCase();
    }
    return found;
  }
  const at = ctx.now().toISOString();
  const info = ctx.db
    .prepare('INSERT INTO person (name, name_key, id_number, created_at) VALUES (?, ?, ?, ?)')
    .run(name.trim(), key, idNumber ? idNumber.toUpperCase() : null, at);
  const id = Number(info.lastInsertRowid);
  appendAudit(ctx.db, { type: 'person.added', at, actor: ctx.actor, subject: `person:${id}`, detail: { name: name.trim() } });
  return getPerson(ctx.db, id);
}

export interface Reason {
  zh: string;
  en: string;
}

interface CandidateMatch {
  id: string;
  name: string;
  office_title: string;
  id_number: string | null;
}

export function candidatesNamed(db: Db, nameKey: string, idNumber?: string | null): CandidateMatch[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.id_number, o.title AS office_title FROM candidate c JOIN office o ON o.id = c.office_id
       WHERE c.name_key = ? ORDER BY o.rank`,
    )
    .all(nameKey) as CandidateMatch[];
  return rows.filter((c) => samePerson(nameKey, idNumber, nameKey, c.id_number));
}

/**
 * Why this person may not hold an official role (DOMAIN.md §8): they are a candidate, or a declared close relative
 * of one. Each reason is a bilingual sentence naming who and why; empty when eligible.
 */
export function officialConflicts(db: Db, name: string, idNumber?: string | null): Reason[] {
  const key = normalizeName(name);
  const reasons: Reason[] = [];
  for (const c of candidatesNamed(db, key, idNumber)) {
    reasons.push({ zh: `${name} 是“${c.office_title}”候选人`, en: `${name} is a candidate for "${c.office_title}"` });
  }
  const relations = db
    .prepare(
      `SELECT DISTINCT r.kind, r.candidate_name FROM close_relative r
       WHERE r.relative_key = ? AND EXISTS (SELECT 1 FROM candidate c WHERE c.name_key = r.candidate_key)
       ORDER BY r.id`,
    )
    .all(key) as { kind: RelationKind; candidate_name: string }[];
  for (const r of relations) {
    const k = RELATION_NAMES[r.kind];
    reasons.push({ zh: `${name} 是候选人 ${r.candidate_name} 的${k.zh}`, en: `${name} is the ${k.en} of candidate ${r.candidate_name}` });
  }
  return reasons;
}

function boxesStaffed(db: Db, personId: number): string[] {
  return (db.prepare('SELECT box_id FROM box_staff WHERE person_id = ? ORDER BY box_id').all(personId) as { box_id: string }[]).map(
    (r) => r.box_id,
  );
}

/** The duties (roles, mobile-box teams) people with this name hold; a candidate or relative may hold none. */
export function dutiesOf(db: Db, name: string, idNumber?: string | null): { person: PersonRow; roles: OfficialRole[]; boxes: string[] }[] {
  const key = normalizeName(name);
  const people = db.prepare('SELECT * FROM person WHERE name_key = ? ORDER BY id').all(key) as PersonRow[];
  return people
    .filter((p) => samePerson(key, idNumber, p.name_key, p.id_number))
    .map((person) => ({ person, roles: activeRoles(db, person.id), boxes: boxesStaffed(db, person.id) }))
    .filter((d) => d.roles.length > 0 || d.boxes.length > 0);
}

export function describeDuties(d: { person: PersonRow; roles: OfficialRole[]; boxes: string[] }): { zh: string; en: string } {
  const zh = [...d.roles.map((r) => OFFICIAL_ROLE_NAMES[r].zh), ...d.boxes.map((b) => `流动票箱 ${b} 工作人员`)].join('、');
  const en = [...d.roles.map((r) => OFFICIAL_ROLE_NAMES[r].en), ...d.boxes.map((b) => `staff of mobile box ${b}`)].join(', ');
  return { zh, en };
}

export function activeCommitteeMember(db: Db, nameKey: string, idNumber?: string | null): PersonRow | undefined {
  const rows = db
    .prepare(
      `SELECT p.* FROM person p JOIN committee_member m ON m.person_id = p.id
       WHERE p.name_key = ? AND m.left_at IS NULL ORDER BY p.id`,
    )
    .all(nameKey) as PersonRow[];
  return rows.find((p) => samePerson(nameKey, idNumber, p.name_key, p.id_number));
}

// ---- committee ----

export function addCommitteeMemberTx(
  ctx: BackendContext,
  input: InputOf<PeopleContract, 'addCommitteeMember'>,
): PersonRow {
  const key = normalizeName(input.name);
  const cands = candidatesNamed(ctx.db, key, input.idNumber);
  if (cands.length > 0) {
    throw refused(
      says('error.people.candidateSitElectionCommittee', { name: input.name, office_title: cands[0]!.office_title }),
    );
  }
  const person = ensurePerson(ctx, input.name, input.idNumber);
  const existing = ctx.db.prepare('SELECT left_at FROM committee_member WHERE person_id = ?').get(person.id) as
    | { left_at: string | null }
    | undefined;
  if (existing) {
    throw refused(says(existing.left_at ? 'error.people.leftCannotRejoin' : 'error.people.alreadyOnCommittee', { name: input.name }));
  }
  const at = ctx.now().toISOString();
  ctx.db.prepare('INSERT INTO committee_member (person_id, position, joined_at) VALUES (?, ?, ?)').run(person.id, input.position, at);
  appendAudit(ctx.db, {
    type: 'committee.member-added',
    at,
    actor: ctx.actor,
    subject: `person:${person.id}`,
    detail: { name: person.name, position: input.position },
  });
  return person;
}

export function addCommitteeMember(
  ctx: BackendContext,
  input: { name: string; position: CommitteePosition; idNumber?: string | undefined },
): PersonRow {
  return inTransaction(ctx.db, () => addCommitteeMemberTx(ctx, input));
}

export function leaveCommittee(ctx: BackendContext, input: InputOf<PeopleContract, 'leaveCommittee'>): void {
  inTransaction(ctx.db, () => {
    const person = getPerson(ctx.db, input.person);
    const info = ctx.db
      .prepare('UPDATE committee_member SET left_at = ?, left_reason = ? WHERE person_id = ? AND left_at IS NULL')
      .run(ctx.now().toISOString(), input.reason, person.id);
    if (info.changes === 0) {
      throw refused(says('error.people.sittingElectionCommitteeMember', { name: person.name }));
    }
    appendAudit(ctx.db, {
      type: 'committee.member-left',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `person:${person.id}`,
      detail: { name: person.name, reason: input.reason },
    });
  });
}

// ---- official roles ----

function refuseIneligible(ctx: BackendContext, person: PersonRow, what: { zh: string; en: string }): void {
  const reasons = officialConflicts(ctx.db, person.name, person.id_number);
  if (reasons.length === 0) return;
  throw refused(says('error.people.cannotAppoint', { name: person.name, what, reasons }), { reasons });
}

export function grantRoleTx(ctx: BackendContext, input: InputOf<PeopleContract, 'grantRole'>): void {
  const person = getPerson(ctx.db, input.person);
  const roleName = OFFICIAL_ROLE_NAMES[input.role];
  refuseIneligible(ctx, person, { zh: roleName.zh, en: `a ${roleName.en}` });
  if (input.venue !== undefined && !ctx.db.prepare('SELECT 1 FROM venue WHERE id = ?').get(input.venue)) {
    throw notFound(says('error.common.noVenue', { venue: input.venue }));
  }
  if (activeRoles(ctx.db, person.id).includes(input.role)) {
    throw refused(says('error.people.alreadyHoldsRole', { roleName, name: person.name }));
  }
  const at = ctx.now().toISOString();
  ctx.db
    .prepare('INSERT INTO official_role (person_id, role, venue_id, granted_at) VALUES (?, ?, ?, ?)')
    .run(person.id, input.role, input.venue ?? null, at);
  appendAudit(ctx.db, {
    type: 'official.role-granted',
    at,
    actor: ctx.actor,
    subject: `person:${person.id}`,
    detail: { name: person.name, role: input.role, venue: input.venue ?? null },
  });
}

/** A refused appointment is logged on its own (the refused change itself wrote nothing). */
function withRefusalLogged<T>(ctx: BackendContext, subject: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'refused') {
      appendRefusal(ctx.db, { type: 'official.role-refused', at: ctx.now(), actor: ctx.actor, subject, detail: { message: err.message } });
    }
    throw err;
  }
}

export function grantRole(ctx: BackendContext, input: { person: number; role: OfficialRole; venue?: string | undefined }): void {
  withRefusalLogged(ctx, `person:${input.person}`, () => inTransaction(ctx.db, () => grantRoleTx(ctx, input)));
}

/** Registers a person (if new) and grants each role, all or nothing. */
export function addOfficialTx(
  ctx: BackendContext,
  input: InputOf<PeopleContract, 'addOfficial'>,
): PersonRow {
  const person = ensurePerson(ctx, input.name, input.idNumber);
  for (const role of input.roles) grantRoleTx(ctx, { person: person.id, role, venue: input.venue });
  return person;
}

export function addOfficial(
  ctx: BackendContext,
  input: { name: string; roles: OfficialRole[]; venue?: string | undefined; idNumber?: string | undefined },
): PersonRow {
  return withRefusalLogged(ctx, `name:${input.name}`, () => inTransaction(ctx.db, () => addOfficialTx(ctx, input)));
}

export function revokeRole(ctx: BackendContext, input: InputOf<PeopleContract, 'revokeRole'>): void {
  inTransaction(ctx.db, () => {
    const person = getPerson(ctx.db, input.person);
    const at = ctx.now().toISOString();
    const info = ctx.db
      .prepare('UPDATE official_role SET revoked_at = ?, revoked_reason = ? WHERE person_id = ? AND role = ? AND revoked_at IS NULL')
      .run(at, input.reason, person.id, input.role);
    if (info.changes === 0) {
      const r = OFFICIAL_ROLE_NAMES[input.role];
      throw refused(says('error.people.roleNotHeld', { r, name: person.name }));
    }
    appendAudit(ctx.db, {
      type: 'official.role-revoked',
      at,
      actor: ctx.actor,
      subject: `person:${person.id}`,
      detail: { name: person.name, role: input.role, reason: input.reason },
    });
  });
}

// ---- close relatives ----

export function declareRelativeTx(ctx: BackendContext, input: InputOf<PeopleContract, 'declareRelative'>): void {
  const relKey = normalizeName(input.name);
  const candKey = normalizeName(input.candidate);
  if (relKey === candKey) {
    throw refused(says('error.people.candidateTheirOwnRelative'));
  }
  if (candidatesNamed(ctx.db, candKey).length === 0) {
    throw notFound(says('error.people.candidateNamed', { candidate: input.candidate }));
  }
  const k = RELATION_NAMES[input.kind];
  for (const d of dutiesOf(ctx.db, input.name)) {
    const duty = describeDuties(d);
    throw refused(
      says('error.people.candidateButHoldsRevoke', { k, duty, name: input.name, candidate: input.candidate }),
    );
  }
  const at = ctx.now().toISOString();
  const info = ctx.db
    .prepare(
      `INSERT OR IGNORE INTO close_relative (relative_name, relative_key, candidate_name, candidate_key, kind, declared_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(input.name.trim(), relKey, input.candidate.trim(), candKey, input.kind, at);
  if (info.changes === 0) return;
  appendAudit(ctx.db, {
    type: 'relative.declared',
    at,
    actor: ctx.actor,
    subject: `candidate-name:${input.candidate.trim()}`,
    detail: { relative: input.name.trim(), kind: input.kind },
  });
}

export function declareRelative(ctx: BackendContext, input: { name: string; candidate: string; kind: RelationKind }): void {
  inTransaction(ctx.db, () => declareRelativeTx(ctx, input));
}

/** The declared close relatives of candidates, by candidate then in the order declared. */
export function listRelatives(db: Db): RelativeView[] {
  return (
    db
      .prepare('SELECT candidate_name, relative_name, kind, declared_at FROM close_relative ORDER BY candidate_key, id')
      .all() as { candidate_name: string; relative_name: string; kind: RelationKind; declared_at: string }[]
  ).map((r) => ({ candidate: r.candidate_name, relative: r.relative_name, relation: r.kind, declaredAt: r.declared_at }));
}

// ---- PINs ----

export function setPin(ctx: BackendContext, input: InputOf<PeopleContract, 'setPin'>): void {
  const person = getPerson(ctx.db, input.person);
  const caller = currentCaller();
  const byCommittee = caller !== null && caller.roles.includes('committee');
  const hasPin = person.pin_hash !== null && person.pin_salt !== null;
  let how: 'first' | 'changed' | 'reset';
  if (!hasPin) {
    // The very first committee PIN of an election is set while nobody can sign in yet; every other first PIN needs a
    // committee member signed in, watching the person type it.
    const bootstrap = !authorityEstablished(ctx.db) && isSittingCommitteeMember(ctx.db, person.id);
    if (!byCommittee && !bootstrap) {
      throw refused(
        says('error.people.firstPinSetWhile', { name: person.name }),
        { reason: 'committee-needed' },
      );
    }
    how = 'first';
  } else if (input.currentPin !== undefined) {
    if (!pinIsRight(ctx, person, input.currentPin)) {
      throw refused(says('error.people.wrongCurrentPinNothing', { name: person.name }), { reason: 'wrong-pin' });
    }
    how = 'changed';
  } else if (byCommittee && caller.person !== person.id) {
    how = 'reset';
  } else {
    throw refused(
      says('error.people.alreadyPinChangingNeeds', { name: person.name }),
      { reason: 'current-pin-needed' },
    );
  }
  const hashed = hashPin(input.pin); // slow: computed before taking the write lock
  inTransaction(ctx.db, () => {
    ctx.db.prepare('UPDATE person SET pin_salt = ?, pin_hash = ? WHERE id = ?').run(hashed.salt, hashed.hash, person.id);
    ctx.db.prepare('DELETE FROM pin_guard WHERE person_id = ?').run(person.id);
    appendAudit(ctx.db, {
      type: how === 'reset' ? 'pin.reset' : 'pin.set',
      at: ctx.now(),
      actor: ctx.actor ?? person.name,
      subject: `person:${person.id}`,
      detail: { how, ...(caller ? { witness: caller.name } : {}) },
    });
  });
}

/**
 * True when the PIN is this person's, under the lockout rule (authority/pin-guard.ts): a wrong PIN is counted and
 * logged, and a locked person is refused. Call it before the write it allows, outside its transaction.
 */
export function verifyPersonPin(ctx: BackendContext, personId: number, pin: string): boolean {
  return pinIsRight(ctx, getPerson(ctx.db, personId), pin);
}

// ---- listing ----

export function listPeople(ctx: BackendContext): PersonView[] {
  const db = ctx.db;
  const people = db.prepare('SELECT * FROM person ORDER BY id').all() as PersonRow[];
  const committee = db.prepare('SELECT position, left_at FROM committee_member WHERE person_id = ?');
  const roles = db.prepare('SELECT role, venue_id FROM official_role WHERE person_id = ? AND revoked_at IS NULL ORDER BY id');
  return people.map((p) => {
    const m = committee.get(p.id) as { position: CommitteePosition; left_at: string | null } | undefined;
    return {
      id: p.id,
      name: p.name,
      idNumber: p.id_number,
      pinSet: p.pin_hash !== null,
      committee: m ? { position: m.position, left: m.left_at !== null } : null,
      roles: (roles.all(p.id) as { role: OfficialRole; venue_id: string | null }[]).map((r) => ({ role: r.role, venue: r.venue_id })),
      boxes: boxesStaffed(db, p.id),
      conflicts: officialConflicts(db, p.name, p.id_number).map((r) => bilingual(r.zh, r.en)),
    };
  });
}
