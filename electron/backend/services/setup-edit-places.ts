import type { InputOf } from '../../../shared/api/envelope';
import type { EditsContract } from '../../../shared/api/edits';
import type { BoxKind, VenueKind } from '../../../shared/domain/venue';
import { invalid, notFound, says, type BackendContext } from '../context';
import { inTransaction } from '../db';
import { audited, requireBeforeVoting } from './setup-edit-guard';
import { refuseReferencedBox, refuseReferencedDesk, refuseReferencedVenue } from './setup-references';
import { checkBoxVenue } from './setup-venues';

type In<M extends keyof EditsContract> = InputOf<EditsContract, M>;

/**
 * Venues, boxes and desks corrected or removed before round 1 opens, each in one transaction and audited with the
 * values before and after and the reason. A venue's kind and a box's kind stay as created (remove and add again).
 */

function venueRow(ctx: BackendContext, id: string) {
  const v = ctx.db.prepare('SELECT id, name, kind FROM venue WHERE id = ?').get(id) as { id: string; name: string; kind: VenueKind } | undefined;
  if (!v) throw notFound(says('error.edits.noVenue', { id }));
  return v;
}

function boxRow(ctx: BackendContext, id: string) {
  const b = ctx.db.prepare('SELECT id, name, kind, venue_id AS venue FROM box WHERE id = ?').get(id) as
    | { id: string; name: string; kind: BoxKind; venue: string }
    | undefined;
  if (!b) throw notFound(says('error.edits.noBox', { id }));
  return b;
}

function deskRow(ctx: BackendContext, id: string) {
  const d = ctx.db.prepare('SELECT id, name, box_id AS box FROM desk WHERE id = ?').get(id) as { id: string; name: string; box: string } | undefined;
  if (!d) throw notFound(says('error.edits.noDesk', { id }));
  return d;
}

export function updateVenue(ctx: BackendContext, input: In<'updateVenue'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = venueRow(ctx, input.id);
    ctx.db.prepare('UPDATE venue SET name = ? WHERE id = ?').run(input.name, before.id);
    audited(ctx, 'venue.changed', `venue:${before.id}`, { before: { name: before.name }, after: { name: input.name }, reason: input.reason });
  });
}

export function removeVenue(ctx: BackendContext, input: In<'removeVenue'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = venueRow(ctx, input.id);
    refuseReferencedVenue(ctx.db, before.id);
    ctx.db.prepare('DELETE FROM venue WHERE id = ?').run(before.id);
    audited(ctx, 'venue.removed', `venue:${before.id}`, { name: before.name, kind: before.kind, reason: input.reason });
  });
}

export function updateBox(ctx: BackendContext, input: In<'updateBox'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = boxRow(ctx, input.id);
    const after = { name: input.name ?? before.name, venue: input.venue ?? before.venue };
    if (after.venue !== before.venue) {
      checkBoxVenue(ctx.db, before.kind, after.venue, 'venue');
      refuseReferencedBox(ctx.db, before.id);
    }
    if (after.name === before.name && after.venue === before.venue) throw invalid('name', says('error.edits.nothingChanged'));
    ctx.db.prepare('UPDATE box SET name = ?, venue_id = ? WHERE id = ?').run(after.name, after.venue, before.id);
    audited(ctx, 'box.changed', `box:${before.id}`, { before: { name: before.name, venue: before.venue }, after, reason: input.reason });
  });
}

/** A box goes with its mobile-box team and the desk that bore its own id; anything else referring to it refuses. */
export function removeBox(ctx: BackendContext, input: In<'removeBox'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = boxRow(ctx, input.id);
    refuseReferencedBox(ctx.db, before.id);
    const staff = ctx.db.prepare('SELECT p.name FROM box_staff s JOIN person p ON p.id = s.person_id WHERE s.box_id = ? ORDER BY p.id').pluck().all(before.id);
    ctx.db.prepare('DELETE FROM box_staff WHERE box_id = ?').run(before.id);
    ctx.db.prepare('DELETE FROM desk WHERE box_id = ?').run(before.id);
    ctx.db.prepare('DELETE FROM box WHERE id = ?').run(before.id);
    audited(ctx, 'box.removed', `box:${before.id}`, { name: before.name, kind: before.kind, venue: before.venue, staff, reason: input.reason });
  });
}

export function updateDesk(ctx: BackendContext, input: In<'updateDesk'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = deskRow(ctx, input.id);
    const after = { name: input.name ?? before.name, box: input.box ?? before.box };
    if (after.box !== before.box) {
      if (!ctx.db.prepare('SELECT 1 FROM box WHERE id = ?').get(after.box)) throw invalid('box', says('error.edits.noBox', { id: after.box }));
      refuseReferencedDesk(ctx.db, before.id);
    }
    if (after.name === before.name && after.box === before.box) throw invalid('name', says('error.edits.nothingChanged'));
    ctx.db.prepare('UPDATE desk SET name = ?, box_id = ? WHERE id = ?').run(after.name, after.box, before.id);
    audited(ctx, 'desk.changed', `desk:${before.id}`, { before: { name: before.name, box: before.box }, after, reason: input.reason });
  });
}

export function removeDesk(ctx: BackendContext, input: In<'removeDesk'>): void {
  inTransaction(ctx.db, () => {
    requireBeforeVoting(ctx.db);
    const before = deskRow(ctx, input.id);
    refuseReferencedDesk(ctx.db, before.id);
    ctx.db.prepare('DELETE FROM desk WHERE id = ?').run(before.id);
    audited(ctx, 'desk.removed', `desk:${before.id}`, { name: before.name, box: before.box, reason: input.reason });
  });
}
