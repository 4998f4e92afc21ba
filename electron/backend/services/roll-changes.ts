import type { VoterCorrection, VoterFields, VoterSnapshot } from '../../../shared/api/roll-life';
import { checkIdNumber, isAdultOn, type RegistrationCategory } from '../../../shared/domain/roll';
import type { RemovalReason } from '../../../shared/domain/roll-life';
import { normalizeName } from '../../../shared/domain/names';
import { checkHousehold, HOUSEHOLD_MAX } from '../../../shared/domain/household';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { invalid, refused, says, type BackendContext, dateWords } from '../context';
import type { Db } from '../db';
import { generateCertificates } from './roll';
import { anyIssuance, stmt, type VoterRow } from './roll-store';
import { requireElection } from './setup-read';
import { isExcused } from '../party/counts';

/**
 * Changes to the roll after its import, each inside the caller's transaction: a voter added, removed (kept for
 * history, never deleted) or corrected, with one roll_change row holding the values before and after and one audit
 * event. Only until round 1 opens for voting; a voter is registered once (ID numbers are unique, removed entries
 * included, and the refusal names the entry that holds the number).
 */

export interface StoredVoter extends VoterRow {
  address: string | null;
  proof_note: string | null;
  removed_at: string | null;
}

export function storedVoter(db: Db, certificate: string): StoredVoter | undefined {
  return stmt(db, 'SELECT * FROM voter WHERE certificate = ?').get(certificate) as StoredVoter | undefined;
}

/** Changes to the roll end when round 1 opens for voting (or a ballot was issued anywhere). */
export function rollChangesOpen(db: Db): boolean {
  const first = stmt(db, 'SELECT status FROM round WHERE number = 1').get() as { status: string } | undefined;
  return !((first !== undefined && first.status !== 'prepared') || anyIssuance(db));
}

export function requireRollOpen(db: Db): void {
  if (!rollChangesOpen(db)) {
    throw refused(says('error.roll.roundOpenedVotingSo'), { reason: 'roll-locked' });
  }
}

export function snapshotOf(v: StoredVoter): VoterSnapshot {
  return {
    name: v.name,
    idNumber: v.id_number,
    group: v.group_name,
    category: v.category,
    address: v.address,
    proofNote: v.proof_note,
    household: v.household,
    ...probationaryPart(v.probationary === 1),
  };
}

/** The snapshot's probationary mark: present only when set, so older snapshots read the same. */
function probationaryPart(probationary: boolean | undefined): Pick<VoterSnapshot, 'probationary'> {
  return probationary === true ? { probationary: true } : {};
}

/**
 * A probationary member (预备党员) is marked only on a Party meeting's roll (as the import allows), and not on a
 * member whose excusal is in force: excused and probationary are two different reasons for not being counted.
 */
function checkProbationary(db: Db, f: VoterSnapshot, path: string, self: StoredVoter | null): void {
  if (f.probationary !== true || self?.probationary === 1) return;
  if (requireElection(db).body !== 'party') throw invalid(`${path}.probationary`, says('error.roll.probationaryPartyOnly'));
  if (self !== null && isExcused(db, self.id)) throw refused(says('error.roll.probationaryExcused', { name: self.name }), { reason: 'excused-member' });
}

export function decidedBy(approvers: readonly Approver[]): string | null {
  return approvers.length === 0 ? null : JSON.stringify(approvers.map((a) => a.name));
}

/**
 * The checks every added or corrected entry passes: a valid adult ID, registered once, and proof for a 人户分离
 * registration made or moved into that category here (imported ones without proof are counted in rollStatus).
 */
function checkedFields(db: Db, f: VoterSnapshot, path: string, self: StoredVoter | null) {
  const id = checkIdNumber(f.idNumber);
  if (!id.ok) throw invalid(`${path}.idNumber`, id.zh, id.en);
  const date = requireElection(db).date;
  if (!isAdultOn(id.birthDate, date)) {
    throw refused(says('error.roll.bornUnderElectionDay', { birthDate: id.birthDate, date }),
      { reason: 'under-18' });
  }
  checkProbationary(db, f, path, self);
  const holder = stmt(db, 'SELECT id, name, certificate, group_name, removed_at FROM voter WHERE id_number = ?').get(id.idNumber) as
    | { id: number; name: string; certificate: string; group_name: string; removed_at: string | null }
    | undefined;
  if (holder && holder.id !== self?.id) {
    const removed = holder.removed_at === null ? { zh: '', en: '' } : { zh: '（已除名）', en: ' (removed)' };
    throw refused(
      says('error.roll.idNumberAlreadyRegistered', { removed, idNumber: id.idNumber, name: holder.name, group_name: holder.group_name, certificate: holder.certificate }),
      { reason: 'already-registered', certificate: holder.certificate },
    );
  }
  if (f.category === 'incomer' && (f.proofNote ?? '') === '' && self?.category !== 'incomer') {
    throw invalid(`${path}.proofNote`, says('error.roll.voterRegisteredApplicationLiving'));
  }
  return { idNumber: id.idNumber, gender: id.gender, birthDate: id.birthDate, nameKey: normalizeName(f.name), household: householdOf(f.household, path) };
}

/** A household number as stored (normalised), null for none; a malformed one is refused naming the field. */
function householdOf(text: string | null | undefined, path: string): string | null {
  if (text === null || text === undefined || text === '') return null;
  const check = checkHousehold(text);
  if (!check.ok) throw invalid(`${path}.household`, says('error.household.malformed', { household: text, max: HOUSEHOLD_MAX }));
  return check.number;
}

function placeOf(db: Db, station: string | undefined): { venue: string | null; box: string | null } {
  if (station === undefined) {
    const central = stmt(db, "SELECT id FROM venue WHERE kind = 'central'").get() as { id: string } | undefined;
    if (!central) throw invalid('voter.station', says('error.roll.thereCentralVenueYet'));
    return { venue: central.id, box: null };
  }
  if (stmt(db, 'SELECT 1 FROM venue WHERE id = ?').get(station) !== undefined) return { venue: station, box: null };
  if (stmt(db, "SELECT 1 FROM box WHERE id = ? AND kind = 'mobile'").get(station) !== undefined) return { venue: null, box: station };
  throw invalid('voter.station', says('error.roll.venueMobileBox', { station }));
}

interface ChangeRecord {
  voter: StoredVoter;
  kind: 'added' | 'removed' | 'corrected' | 'reinstated';
  before: VoterSnapshot | null;
  after: VoterSnapshot | null;
  reason: string;
  removal?: RemovalReason;
  objection: number | null;
  approvers: readonly Approver[];
}

function recordChange(ctx: BackendContext, c: ChangeRecord): void {
  const at = ctx.now().toISOString();
  ctx.db
    .prepare('INSERT INTO roll_change (voter_id, kind, before_json, after_json, reason, removal, objection_id, decided_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.voter.id, c.kind, c.before && JSON.stringify(c.before), c.after && JSON.stringify(c.after), c.reason, c.removal ?? null, c.objection, decidedBy(c.approvers), at);
  appendAudit(ctx.db, {
    type: `voter.${c.kind}`,
    at,
    actor: ctx.actor,
    subject: `certificate:${c.voter.certificate}`,
    detail: { before: c.before, after: c.after, reason: c.reason, removal: c.removal ?? null, objection: c.objection, decidedBy: c.approvers },
  });
}

export interface Decision {
  reason: string;
  objection: number | null;
  approvers: readonly Approver[];
}

export function addVoterTx(ctx: BackendContext, f: VoterFields & { station?: string | undefined }, d: Decision): StoredVoter {
  const db = ctx.db;
  requireRollOpen(db);
  const wanted: VoterSnapshot = {
    name: f.name,
    idNumber: f.idNumber,
    group: f.group.normalize('NFKC'),
    category: f.category,
    address: f.address || null,
    proofNote: f.proofNote || null,
    household: f.household || null,
    ...probationaryPart(f.probationary),
  };
  const ok = checkedFields(db, wanted, 'voter', null);
  const where = placeOf(db, f.station);
  const [certificate] = generateCertificates(ctx, [{ certificate: null }], undefined);
  db.prepare(
    `INSERT INTO voter (name, name_key, id_number, gender, birth_date, group_name, category, certificate, venue_id, mobile_box_id, address, proof_note, household, probationary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ok.nameKey, ok.nameKey, ok.idNumber, ok.gender, ok.birthDate, wanted.group, wanted.category, certificate!, where.venue, where.box, wanted.address, wanted.proofNote, ok.household, wanted.probationary ? 1 : 0);
  const v = storedVoter(db, certificate!)!;
  recordChange(ctx, { voter: v, kind: 'added', before: null, after: snapshotOf(v), ...d });
  return v;
}

export function removeVoterTx(ctx: BackendContext, v: StoredVoter, reason: RemovalReason, note: string | undefined, d: Omit<Decision, 'reason'>): void {
  const db = ctx.db;
  requireRollOpen(db);
  if (v.removed_at !== null) {
    throw refused(says('error.roll.alreadyRemoved', { name: v.name, certificate: v.certificate, date: dateWords(v.removed_at) }), { reason: 'already-removed' });
  }
  if ((note ?? '') === '' && reason === 'other') throw invalid('removal.note', says('error.roll.reasonOtherNeedsNote'));
  const proxy = stmt(db, 'SELECT 1 FROM proxy WHERE (voter_id = ? OR trustee_id = ?) AND revoked_at IS NULL').get(v.id, v.id);
  if (proxy !== undefined) {
    throw refused(says('error.roll.approvedProxyRevokeBefore', { name: v.name }), { reason: 'active-proxy' });
  }
  const at = ctx.now().toISOString();
  db.prepare('UPDATE voter SET removed_at = ? WHERE id = ?').run(at, v.id);
  recordChange(ctx, { voter: v, kind: 'removed', before: snapshotOf(v), after: null, reason: note || reason, removal: reason, ...d });
}

export function correctVoterTx(ctx: BackendContext, v: StoredVoter, change: VoterCorrection, d: Decision): { before: VoterSnapshot; after: VoterSnapshot } {
  const db = ctx.db;
  requireRollOpen(db);
  if (v.removed_at !== null) {
    throw refused(says('error.roll.certificateRemovedCorrected', { name: v.name, certificate: v.certificate }), { reason: 'already-removed' });
  }
  const before = snapshotOf(v);
  const after: VoterSnapshot = {
    name: change.name ?? before.name,
    idNumber: change.idNumber ?? before.idNumber,
    group: (change.group ?? before.group).normalize('NFKC'),
    category: change.category ?? (before.category as RegistrationCategory),
    address: change.address === undefined ? before.address : change.address || null,
    proofNote: change.proofNote === undefined ? before.proofNote : change.proofNote || null,
    household: change.household === undefined ? (before.household ?? null) : change.household || null,
    ...probationaryPart(change.probationary ?? before.probationary),
  };
  const ok = checkedFields(db, after, 'change', v);
  after.name = ok.nameKey;
  after.idNumber = ok.idNumber;
  after.household = ok.household;
  if (JSON.stringify(after) === JSON.stringify(before)) {
    throw invalid('change', says('error.roll.correctionChangesNothing'));
  }
  db.prepare(
    `UPDATE voter SET name = ?, name_key = ?, id_number = ?, gender = ?, birth_date = ?, group_name = ?, category = ?, address = ?, proof_note = ?, household = ?,
       probationary = ? WHERE id = ?`,
  ).run(after.name, ok.nameKey, after.idNumber, ok.gender, ok.birthDate, after.group, after.category, after.address, after.proofNote, after.household, after.probationary ? 1 : 0, v.id);
  recordChange(ctx, { voter: v, kind: 'corrected', before, after, ...d });
  return { before, after };
}

/** Undoes a removal (撤销除名) until round 1 opens: the voter is on the roll again, with their certificate unchanged. */
export function reinstateVoterTx(ctx: BackendContext, v: StoredVoter, d: Decision): void {
  const db = ctx.db;
  requireRollOpen(db);
  if (v.removed_at === null) {
    throw refused(says('error.edits.notRemoved', { name: v.name, certificate: v.certificate }), { reason: 'not-removed' });
  }
  db.prepare('UPDATE voter SET removed_at = NULL WHERE id = ?').run(v.id);
  recordChange(ctx, { voter: v, kind: 'reinstated', before: null, after: snapshotOf(v), ...d });
}
