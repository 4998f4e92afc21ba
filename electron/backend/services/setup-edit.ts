import type { SetupWarning, UpdateCandidateInput, UpdateOfficeInput } from '../../../shared/api/setup';
import { normalizeName } from '../../../shared/domain/names';
import { appendAudit } from '../audit';
import { notFound, refused, says, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { changedFacts, correctedFacts, pick, type StoredFacts } from './candidate-facts';
import { readCandidates, readOffices, requireElection, type CandidateRow } from './setup-read';
import { refuseIneligibleCandidate, requireSetupOpen, setupWarnings } from './setup';

/**
 * Corrections before voting opens: a candidate's name, gender, ID number or record facts; an office's title or seats; removing
 * either. After round 1 has opened every one is refused (requireSetupOpen). Each is audited with the values before
 * and after and the reason, so the formal list's history can be read back.
 */
export function updateCandidate(ctx: BackendContext, input: UpdateCandidateInput): { warnings: SetupWarning[] } {
  requireElection(ctx.db);
  inTransaction(ctx.db, () => {
    requireSetupOpen(ctx.db);
    const before = candidateRow(ctx, input.id);
    const office = readOffices(ctx.db).find((o) => o.id === before.office)!;
    const after = {
      name: input.name?.trim() ?? before.name,
      gender: input.gender ?? before.gender,
      idNumber: input.idNumber !== undefined ? input.idNumber.toUpperCase() : before.idNumber,
    };
    refuseIneligibleCandidate(ctx.db, office, after, 'name', before.id);
    const factsBefore = storedFacts(ctx.db, before.id);
    const factsAfter = correctedFacts(factsBefore, input);
    const changed = changedFacts(factsBefore, factsAfter);
    ctx.db
      .prepare('UPDATE candidate SET name = ?, name_key = ?, gender = ?, id_number = ?, birth_year = ?, education = ?, political_status = ? WHERE id = ?')
      .run(after.name, normalizeName(after.name), after.gender, after.idNumber, factsAfter.birthYear, factsAfter.education, factsAfter.politicalStatus, before.id);
    appendAudit(ctx.db, {
      type: 'candidate.changed',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `candidate:${before.id}`,
      detail: {
        before: { name: before.name, gender: before.gender, ...pick(factsBefore, changed) },
        after: { name: after.name, gender: after.gender, ...pick(factsAfter, changed) },
        // Never the ID number itself: the audit log is shown and exported.
        idNumberChanged: after.idNumber !== before.idNumber,
        reason: input.reason,
      },
    });
  });
  return { warnings: setupWarnings(ctx.db) };
}

function storedFacts(db: Db, id: string): StoredFacts {
  const row = db.prepare('SELECT birth_year, education, political_status FROM candidate WHERE id = ?').get(id) as {
    birth_year: number | null;
    education: StoredFacts['education'];
    political_status: StoredFacts['politicalStatus'];
  };
  return { birthYear: row.birth_year, education: row.education, politicalStatus: row.political_status };
}

export function removeCandidate(ctx: BackendContext, input: { id: string; reason: string }): { warnings: SetupWarning[] } {
  requireElection(ctx.db);
  inTransaction(ctx.db, () => {
    requireSetupOpen(ctx.db);
    removeCandidateTx(ctx, candidateRow(ctx, input.id), input.reason, ctx.now());
  });
  return { warnings: setupWarnings(ctx.db) };
}

export function updateOffice(ctx: BackendContext, input: UpdateOfficeInput): { warnings: SetupWarning[] } {
  requireElection(ctx.db);
  inTransaction(ctx.db, () => {
    requireSetupOpen(ctx.db);
    const before = officeRow(ctx, input.id);
    const after = { title: input.title ?? before.title, seats: input.seats ?? before.seats };
    ctx.db.prepare('UPDATE office SET title = ?, seats = ? WHERE id = ?').run(after.title, after.seats, before.id);
    appendAudit(ctx.db, {
      type: 'office.changed',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `office:${before.id}`,
      detail: { before: { title: before.title, seats: before.seats }, after, reason: input.reason },
    });
  });
  return { warnings: setupWarnings(ctx.db) };
}

export function removeOffice(ctx: BackendContext, input: { id: string; reason: string }): { warnings: SetupWarning[] } {
  requireElection(ctx.db);
  inTransaction(ctx.db, () => {
    requireSetupOpen(ctx.db);
    const before = officeRow(ctx, input.id);
    const standing = readCandidates(ctx.db).filter((c) => c.office === before.id);
    if (standing.length > 0) {
      throw refused(says('error.setup.officeHasCandidates', { title: before.title, count: standing.length, names: standing.map((c) => c.name) }));
    }
    const nominated = ctx.db.prepare('SELECT count(*) FROM nomination WHERE office_id = ?').pluck().get(before.id) as number;
    const voted = ctx.db.prepare('SELECT count(*) FROM nomination_vote WHERE office_id = ?').pluck().get(before.id) as number;
    if (nominated > 0 || voted > 0) throw refused(says('error.edits.officeHasNominations', { office: before.title, nominations: nominated }));
    ctx.db.prepare('DELETE FROM round_office WHERE office_id = ?').run(before.id);
    ctx.db.prepare('DELETE FROM office WHERE id = ?').run(before.id);
    appendAudit(ctx.db, {
      type: 'office.removed',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `office:${before.id}`,
      detail: { title: before.title, rank: before.rank, seats: before.seats, reason: input.reason },
    });
  });
  return { warnings: setupWarnings(ctx.db) };
}

function candidateRow(ctx: BackendContext, id: string) {
  const found = readCandidates(ctx.db).find((c) => c.id === id);
  if (!found) throw notFound(says('error.setup.candidateId', { id }));
  return found;
}

function officeRow(ctx: BackendContext, id: string) {
  const found = readOffices(ctx.db).find((o) => o.id === id);
  if (!found) throw notFound(says('error.setup.officeId', { id }));
  return found;
}

/**
 * Deletes a candidate inside the caller's transaction, audited with what they were and why: removed on their own, or
 * replaced when the formal list is confirmed (nomination-vote.ts).
 */
export function removeCandidateTx(ctx: BackendContext, c: CandidateRow, reason: string, at: Date | string): void {
  ctx.db.prepare('DELETE FROM candidate WHERE id = ?').run(c.id);
  appendAudit(ctx.db, {
    type: 'candidate.removed',
    at,
    actor: ctx.actor,
    subject: `candidate:${c.id}`,
    detail: { name: c.name, office: c.office, gender: c.gender, reason },
  });
}
