import type { InputOf } from '../../../shared/api/envelope';
import type { EditsContract } from '../../../shared/api/edits';
import { normalizeName } from '../../../shared/domain/names';
import { invalid, notFound, refused, says, type BackendContext } from '../context';
import { inTransaction } from '../db';
import { candidatesNamed, getPerson, officialConflicts, type PersonRow } from './people';
import { activeRoles, isSittingCommitteeMember } from './person-standing';
import { audited, requireBeforeVoting } from './setup-edit-guard';
import { refuseReferencedPerson } from './setup-references';

type In<M extends keyof EditsContract> = InputOf<EditsContract, M>;

/**
 * Committee members and officials corrected or removed before round 1 opens. A removal is for an entry made by
 * mistake: it takes the person off the committee's list or off every role, and is refused once they have signed,
 * decided, helped or counted anything (leaveCommittee and revokeRole record a departure instead).
 */

function personFacts(ctx: BackendContext, p: PersonRow) {
  const committee = ctx.db.prepare('SELECT position FROM committee_member WHERE person_id = ? AND left_at IS NULL').pluck().get(p.id) as string | undefined;
  const venue = ctx.db.prepare('SELECT venue_id FROM official_role WHERE person_id = ? AND revoked_at IS NULL ORDER BY id').pluck().get(p.id) as string | null | undefined;
  return { name: p.name, idNumber: p.id_number, position: committee ?? null, venue: venue ?? null };
}

/** ID numbers stay out of the audit log (it says only that one changed). */
function withoutIdNumber(f: ReturnType<typeof personFacts>) {
  return { name: f.name, position: f.position, venue: f.venue };
}

/** A person on the staff who is renamed must still be allowed where they sit (not a candidate, not a relative of one). */
function refuseConflicts(ctx: BackendContext, p: PersonRow, name: string, idNumber: string | null): void {
  const reasons = activeRoles(ctx.db, p.id).length > 0 ? officialConflicts(ctx.db, name, idNumber) : [];
  if (isSittingCommitteeMember(ctx.db, p.id)) {
    for (const c of candidatesNamed(ctx.db, normalizeName(name), idNumber)) {
      reasons.push({ zh: `${name} 是“${c.office_title}”候选人`, en: `${name} is a candidate for "${c.office_title}"` });
    }
  }
  if (reasons.length > 0) {
    throw refused(reasons.map((r) => r.zh).join('；'), reasons.map((r) => r.en).join('; '), { reasons });
  }
}

export function updatePerson(ctx: BackendContext, input: In<'updatePerson'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const p = getPerson(ctx.db, input.person);
    const before = personFacts(ctx, p);
    const name = input.name ?? p.name;
    const idNumber = input.idNumber !== undefined ? input.idNumber.toUpperCase() : p.id_number;
    if (name !== p.name || idNumber !== p.id_number) {
      refuseConflicts(ctx, p, name, idNumber);
      ctx.db.prepare('UPDATE person SET name = ?, name_key = ?, id_number = ? WHERE id = ?').run(name, normalizeName(name), idNumber, p.id);
    }
    if (input.position !== undefined) {
      if (before.position === null) throw refused(says('error.edits.notCommittee', { name: p.name }));
      ctx.db.prepare('UPDATE committee_member SET position = ? WHERE person_id = ?').run(input.position, p.id);
    }
    if (input.venue !== undefined) {
      if (activeRoles(ctx.db, p.id).length === 0) throw refused(says('error.edits.notOfficial', { name: p.name }));
      if (input.venue !== null && !ctx.db.prepare('SELECT 1 FROM venue WHERE id = ?').get(input.venue)) {
        throw invalid('venue', says('error.edits.noVenue', { id: input.venue }));
      }
      ctx.db.prepare('UPDATE official_role SET venue_id = ? WHERE person_id = ? AND revoked_at IS NULL').run(input.venue, p.id);
    }
    const after = personFacts(ctx, getPerson(ctx.db, p.id));
    if (JSON.stringify(after) === JSON.stringify(before)) throw invalid('person', says('error.edits.nothingChanged'));
    audited(ctx, 'person.changed', `person:${p.id}`, {
      before: withoutIdNumber(before),
      after: withoutIdNumber(after),
      idNumberChanged: after.idNumber !== before.idNumber,
      reason: input.reason,
    });
  });
}

export function removeCommitteeMember(ctx: BackendContext, input: In<'removeCommitteeMember'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const p = getPerson(ctx.db, input.person);
    const seat = ctx.db.prepare('SELECT position, left_at FROM committee_member WHERE person_id = ?').get(p.id) as
      | { position: string; left_at: string | null }
      | undefined;
    if (!seat) throw notFound(says('error.edits.notCommittee', { name: p.name }));
    refuseReferencedPerson(ctx.db, p);
    const othersWithPin = ctx.db
      .prepare('SELECT count(*) FROM committee_member m JOIN person q ON q.id = m.person_id WHERE m.left_at IS NULL AND q.pin_hash IS NOT NULL AND q.id <> ?')
      .pluck()
      .get(p.id) as number;
    if (p.pin_hash !== null && othersWithPin === 0) throw refused(says('error.edits.lastCommitteePin', { name: p.name }));
    ctx.db.prepare('DELETE FROM committee_member WHERE person_id = ?').run(p.id);
    audited(ctx, 'committee.member-removed', `person:${p.id}`, { name: p.name, position: seat.position, left: seat.left_at !== null, reason: input.reason });
  });
}

export function removeOfficial(ctx: BackendContext, input: In<'removeOfficial'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const p = getPerson(ctx.db, input.person);
    const roles = activeRoles(ctx.db, p.id);
    if (roles.length === 0) throw notFound(says('error.edits.notOfficial', { name: p.name }));
    refuseReferencedPerson(ctx.db, p);
    const boxes = (ctx.db.prepare('SELECT box_id FROM box_staff WHERE person_id = ? ORDER BY box_id').pluck().all(p.id) as string[]).join(', ');
    if (boxes) throw refused(says('error.edits.inUse.personBoxes', { name: p.name, boxes }), { reason: 'referenced' });
    const venue = personFacts(ctx, p).venue;
    ctx.db.prepare('DELETE FROM official_role WHERE person_id = ? AND revoked_at IS NULL').run(p.id);
    audited(ctx, 'official.removed', `person:${p.id}`, { name: p.name, roles, venue, reason: input.reason });
  });
}
