import { normalizeName } from '../../../shared/domain/names';
import { MOBILE_BOX_MIN_STAFF, type BoxInput, type VenueInput, type BoxKind, type VenueKind } from '../../../shared/domain/venue';
import { appendAudit } from '../audit';
import { type Db, inTransaction } from '../db';
import { invalid, refused, type BackendContext, says } from '../context';
import { ensurePerson, officialConflicts } from './people';
import type { BoxView, VenueView } from '../../../shared/api/setup';

export function readVenues(db: Db): VenueView[] {
  return db.prepare('SELECT id, name, kind FROM venue ORDER BY kind, id').all() as VenueView[];
}

export function readBoxes(db: Db): BoxView[] {
  const staff = db.prepare('SELECT p.name FROM box_staff s JOIN person p ON p.id = s.person_id WHERE s.box_id = ? ORDER BY p.id');
  return (db.prepare('SELECT id, name, kind, venue_id FROM box ORDER BY id').all() as {
    id: string;
    name: string;
    kind: BoxKind;
    venue_id: string;
  }[]).map((b) => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    venue: b.venue_id,
    staff: (staff.all(b.id) as { name: string }[]).map((s) => s.name),
  }));
}

export function addVenueTx(ctx: BackendContext, v: VenueInput, path = ''): void {
  const p = (f: string) => (path ? `${path}.${f}` : f);
  if (ctx.db.prepare('SELECT 1 FROM venue WHERE id = ?').get(v.id)) {
    throw invalid(p('id'), says('error.setup.venueIdAlreadyExists', { id: v.id }));
  }
  if (v.kind === 'central' && ctx.db.prepare("SELECT 1 FROM venue WHERE kind = 'central'").get()) {
    throw invalid(p('kind'), says('error.setup.onlyOneCentral'));
  }
  ctx.db.prepare('INSERT INTO venue (id, name, kind) VALUES (?, ?, ?)').run(v.id, v.name, v.kind);
  appendAudit(ctx.db, { type: 'venue.added', at: ctx.now(), actor: ctx.actor, subject: `venue:${v.id}`, detail: { name: v.name, kind: v.kind } });
}

export function addBoxTx(ctx: BackendContext, b: BoxInput, path = ''): void {
  const p = (f: string) => (path ? `${path}.${f}` : f);
  const db = ctx.db;
  if (db.prepare('SELECT 1 FROM box WHERE id = ?').get(b.id)) {
    throw invalid(p('id'), says('error.setup.boxIdAlreadyExists', { id: b.id }));
  }
  checkBoxVenue(db, b.kind, b.venue, p('venue'));
  const staff = b.staff ?? [];
  if (b.kind !== 'mobile' && staff.length > 0) {
    throw invalid(p('staff'), says('error.setup.onlyMobileBoxesListed'));
  }
  if (b.kind === 'mobile') {
    const distinct = new Set(staff.map(normalizeName));
    if (distinct.size < MOBILE_BOX_MIN_STAFF) {
      throw refused(
        says('error.setup.mobileBoxNeedsLeast', { id: b.id, min: MOBILE_BOX_MIN_STAFF, size: distinct.size }),
      );
    }
  }
  db.prepare('INSERT INTO box (id, name, kind, venue_id) VALUES (?, ?, ?, ?)').run(b.id, b.name, b.kind, b.venue);
  appendAudit(db, { type: 'box.added', at: ctx.now(), actor: ctx.actor, subject: `box:${b.id}`, detail: { name: b.name, kind: b.kind, venue: b.venue } });
  if (b.kind === 'mobile') setBoxStaffTx(ctx, b.id, staff);
}

/** A box stands in a venue of its kind (a mobile box may start from either). */
export function checkBoxVenue(db: Db, kind: BoxKind, venueId: string, path: string): void {
  const venue = db.prepare('SELECT kind FROM venue WHERE id = ?').get(venueId) as { kind: VenueKind } | undefined;
  if (!venue) throw invalid(path, says('error.setup.unknownVenue', { venue: venueId }));
  if (kind === 'central' && venue.kind !== 'central') {
    throw invalid(path, says('error.setup.centralBoxBelongsCentral'));
  }
  if (kind === 'station' && venue.kind !== 'station') {
    throw invalid(path, says('error.setup.stationBoxBelongsPolling'));
  }
}

/** The team of a mobile box; every member must be eligible to handle ballots (not a candidate or relative). */
export function setBoxStaffTx(ctx: BackendContext, boxId: string, names: string[]): void {
  const db = ctx.db;
  const box = db.prepare('SELECT kind FROM box WHERE id = ?').get(boxId) as { kind: BoxKind } | undefined;
  if (!box) throw invalid('box', says('error.setup.unknownBox', { boxId }));
  if (box.kind !== 'mobile') throw refused(says('error.setup.boxNotMobileBox', { boxId }));
  const distinct = [...new Map(names.map((n) => [normalizeName(n), n.trim()])).values()];
  if (distinct.length < MOBILE_BOX_MIN_STAFF) {
    throw refused(
      says('error.setup.mobileBoxNeedsLeast2', { boxId, min: MOBILE_BOX_MIN_STAFF }),
    );
  }
  for (const name of distinct) {
    const reasons = officialConflicts(db, name);
    if (reasons.length > 0) {
      throw refused(says('error.setup.cannotStaffMobileBox', { name, boxId, reasons }), { reasons });
    }
  }
  db.prepare('DELETE FROM box_staff WHERE box_id = ?').run(boxId);
  const insert = db.prepare('INSERT INTO box_staff (box_id, person_id) VALUES (?, ?)');
  for (const name of distinct) insert.run(boxId, ensurePerson(ctx, name).id);
  appendAudit(db, { type: 'box.staff-set', at: ctx.now(), actor: ctx.actor, subject: `box:${boxId}`, detail: { staff: distinct } });
}

export function addVenue(ctx: BackendContext, v: VenueInput): void {
  inTransaction(ctx.db, () => addVenueTx(ctx, v));
}
export function addBox(ctx: BackendContext, b: BoxInput): void {
  inTransaction(ctx.db, () => addBoxTx(ctx, b));
}
export function setBoxStaff(ctx: BackendContext, input: { box: string; staff: string[] }): void {
  inTransaction(ctx.db, () => setBoxStaffTx(ctx, input.box, input.staff));
}

