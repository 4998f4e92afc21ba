import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { NominationContract } from '../../../shared/api/nomination';
import { appendAudit } from '../audit';
import { notFound, refused, says, type BackendContext } from '../context';
import { inTransaction } from '../db';
import { nominationsOf, officeById, officeNominationsView, voteOf } from './nomination-read';
import { requireNominationOpen } from './nomination';
import { requireElection } from './setup-read';

/**
 * Withdrawing a recorded nomination (the nominee declines, or it was recorded wrongly) until the office's preliminary
 * list is set: after that the list names who stands, and a change goes through the list. The nomination moves to
 * nomination_withdrawn with its nominators and the reason, so it no longer counts for the nominee nor against a
 * nominator's limit, and the same person may be nominated again.
 */
export function withdrawNomination(ctx: BackendContext, input: InputOf<NominationContract, 'withdrawNomination'>): OutputOf<NominationContract, 'withdrawNomination'> {
  requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireNominationOpen(db);
    const row = db.prepare('SELECT office_id FROM nomination WHERE id = ?').get(input.nomination) as { office_id: string } | undefined;
    if (!row) throw notFound(says('error.facts.noNomination', { id: input.nomination }));
    const office = officeById(db, row.office_id);
    const rows = nominationsOf(db, office.id);
    if (rows.some((r) => r.preliminary === 1) || voteOf(db, office.id)) {
      throw refused(says('error.facts.preliminarySet', { title: office.title }), { reason: 'preliminary-set' });
    }
    const n = rows.find((r) => r.id === input.nomination)!;
    const nominators = db
      .prepare('SELECT v.certificate FROM nominator r JOIN voter v ON v.id = r.voter_id WHERE r.nomination_id = ? ORDER BY v.certificate')
      .pluck()
      .all(n.id) as string[];
    const stored = db.prepare('SELECT recorded_at, recorded_by FROM nomination WHERE id = ?').get(n.id) as { recorded_at: string; recorded_by: string };
    const at = ctx.now().toISOString();
    db.prepare(
      `INSERT INTO nomination_withdrawn (id, office_id, kind, voter_id, nominators, recorded_at, recorded_by, withdrawn_at, withdrawn_by, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(n.id, office.id, n.kind, n.voter_id, JSON.stringify(nominators), stored.recorded_at, stored.recorded_by, at, ctx.actor, input.reason);
    db.prepare('DELETE FROM nominator WHERE nomination_id = ?').run(n.id);
    db.prepare('DELETE FROM nomination WHERE id = ?').run(n.id);
    appendAudit(db, {
      type: 'nomination.withdrawn',
      at,
      actor: ctx.actor,
      subject: `nomination:${n.id}`,
      detail: { office: office.id, kind: n.kind, nominee: { name: n.name, certificate: n.certificate }, nominators, reason: input.reason },
    });
    return officeNominationsView(db, office);
  });
}
