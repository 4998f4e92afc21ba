import type { ErrorText } from '../../../shared/api/error-text';
import { refused, says } from '../context';
import type { Db } from '../db';
import { ON_ROLL } from './roll-store';

/**
 * What still refers to a venue, box, desk or person that set-up is asked to remove (or, for a desk, to move to
 * another box): the first reference found refuses the removal, naming it. Removing never leaves a row pointing at
 * nothing, and never erases what was signed, issued or decided.
 */

type Check = (db: Db, id: string | number) => ErrorText | null;

const count = (db: Db, sql: string, ...params: unknown[]): number => (db.prepare(sql).pluck().get(...params) as number) ?? 0;
const ids = (db: Db, sql: string, ...params: unknown[]): string => (db.prepare(sql).pluck().all(...params) as string[]).join(', ');

const VENUE_CHECKS: Check[] = [
  (db, id) => {
    const boxes = ids(db, 'SELECT id FROM box WHERE venue_id = ? ORDER BY id', id);
    return boxes ? says('error.edits.inUse.venueBoxes', { id, boxes }) : null;
  },
  (db, id) => {
    const n = count(db, `SELECT count(*) FROM voter WHERE venue_id = ? AND ${ON_ROLL}`, id);
    return n > 0 ? says('error.edits.inUse.venueVoters', { id, n }) : null;
  },
  (db, id) => {
    const names = ids(db, 'SELECT DISTINCT p.name FROM official_role r JOIN person p ON p.id = r.person_id WHERE r.venue_id = ? AND r.revoked_at IS NULL ORDER BY p.id', id);
    return names ? says('error.edits.inUse.venueRoles', { id, names }) : null;
  },
];

const BOX_CHECKS: Check[] = [
  (db, id) => {
    const n = count(db, 'SELECT count(*) FROM issuance WHERE box_id = ?', id);
    return n > 0 ? says('error.edits.inUse.boxIssued', { id, n }) : null;
  },
  (db, id) => {
    const n = count(db, 'SELECT count(*) FROM custody_event WHERE box_id = ?', id);
    return n > 0 ? says('error.edits.inUse.boxCustody', { id, n }) : null;
  },
  (db, id) => {
    const n = count(db, 'SELECT count(*) FROM ballot_stock_movement WHERE box_id = ?', id);
    return n > 0 ? says('error.edits.inUse.boxStock', { id, n }) : null;
  },
  (db, id) => {
    const desks = ids(db, 'SELECT id FROM desk WHERE box_id = ? AND id <> box_id ORDER BY id', id);
    return desks ? says('error.edits.inUse.boxDesks', { id, desks }) : null;
  },
  (db, id) => {
    const n = count(db, `SELECT count(*) FROM voter WHERE mobile_box_id = ? AND ${ON_ROLL}`, id);
    return n > 0 ? says('error.edits.inUse.boxVoters', { id, n }) : null;
  },
];

const DESK_CHECKS: Check[] = [
  (db, id) => {
    const n = count(db, 'SELECT count(*) FROM issuance WHERE desk = ?', id);
    return n > 0 ? says('error.edits.inUse.deskIssued', { id, n }) : null;
  },
];

/** Records a person signed, decided or helped with, by person id (and the roll decisions, which keep names). */
const PERSON_CHECKS: ((db: Db, p: { id: number; name: string }) => ErrorText | null)[] = [
  (db, p) => {
    const n = count(db, 'SELECT count(*) FROM custody_event WHERE by_person_id = ?', p.id);
    return n > 0 ? says('error.edits.inUse.personCustody', { name: p.name, n }) : null;
  },
  (db, p) => {
    const n =
      count(db, 'SELECT count(*) FROM proxy WHERE approved_by = ? OR revoked_by = ?', p.id, p.id) +
      count(db, 'SELECT count(*) FROM reassignment WHERE decided_by = ?', p.id) +
      count(db, 'SELECT count(*) FROM round_origin WHERE decided_by = ?', p.id) +
      count(db, 'SELECT count(*) FROM roll_change c, json_each(c.decided_by) j WHERE c.decided_by IS NOT NULL AND j.value = ?', p.name);
    return n > 0 ? says('error.edits.inUse.personDecided', { name: p.name, n }) : null;
  },
  (db, p) => {
    const n = count(db, 'SELECT count(*) FROM issuance WHERE helper_person_id = ?', p.id);
    return n > 0 ? says('error.edits.inUse.personHelped', { name: p.name, n }) : null;
  },
  (db, p) => {
    const n =
      count(db, 'SELECT count(*) FROM count_sheet WHERE counter_person_id = ?', p.id) +
      count(db, 'SELECT count(*) FROM ballot_change WHERE by_person_id = ?', p.id) +
      count(db, 'SELECT count(*) FROM signoff WHERE person_id = ?', p.id);
    return n > 0 ? says('error.edits.inUse.personCounted', { name: p.name, n }) : null;
  },
];

function refuseFirst(found: (ErrorText | null)[]): void {
  const first = found.find((f) => f !== null);
  if (first) throw refused(first, { reason: 'referenced' });
}

export function refuseReferencedVenue(db: Db, id: string): void {
  refuseFirst(VENUE_CHECKS.map((c) => c(db, id)));
}
export function refuseReferencedBox(db: Db, id: string): void {
  refuseFirst(BOX_CHECKS.map((c) => c(db, id)));
}
export function refuseReferencedDesk(db: Db, id: string): void {
  refuseFirst(DESK_CHECKS.map((c) => c(db, id)));
}
export function refuseReferencedPerson(db: Db, person: { id: number; name: string }): void {
  refuseFirst(PERSON_CHECKS.map((c) => c(db, person)));
}
