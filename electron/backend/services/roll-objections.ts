import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { ObjectionView, RollLifeContract } from '../../../shared/api/roll-life';
import { objectionTiming } from '../../../shared/domain/roll-life';
import { appendAudit } from '../audit';
import { invalid, notFound, refused, type BackendContext, says, dateWords } from '../context';
import { type Db, inTransaction } from '../db';
import { approvedWrite } from './approved-write';
import { addVoterTx, correctVoterTx, removeVoterTx, type StoredVoter } from './roll-changes';
import { localDay, publishedOn, requireStoredVoter } from './roll-life';
import { stmt } from './roll-store';

type In<M extends keyof RollLifeContract> = InputOf<RollLifeContract, M>;

/**
 * Objections (申诉) to the published roll: recorded as filed (who, about whom, what, the day), decided by the
 * committee with a reason within 3 days of filing; an upheld objection may carry out its change to the roll (add,
 * remove, correct) in the same transaction, and that change names the objection in the voter's history.
 */

interface ObjectionRow {
  id: number;
  filed_by: string;
  filed_on: string;
  voter_id: number | null;
  what: string;
  decision: 'upheld' | 'rejected' | null;
  decision_reason: string | null;
  decided_on: string | null;
  decided_by: string | null;
}

function viewOf(db: Db, r: ObjectionRow, published: string | null, today: string): ObjectionView {
  const about = r.voter_id === null
    ? null
    : (stmt(db, 'SELECT certificate, name, group_name, removed_at FROM voter WHERE id = ?').get(r.voter_id) as {
        certificate: string;
        name: string;
        group_name: string;
        removed_at: string | null;
      });
  const change = stmt(
    db,
    'SELECT c.kind, v.certificate, v.name FROM roll_change c JOIN voter v ON v.id = c.voter_id WHERE c.objection_id = ? ORDER BY c.id LIMIT 1',
  ).get(r.id) as { kind: 'added' | 'removed' | 'corrected'; certificate: string; name: string } | undefined;
  return {
    id: r.id,
    filedBy: r.filed_by,
    filedOn: r.filed_on,
    about: about && { certificate: about.certificate, name: about.name, group: about.group_name, removed: about.removed_at !== null },
    what: r.what,
    decision: r.decision,
    decisionReason: r.decision_reason,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by === null ? [] : (JSON.parse(r.decided_by) as string[]),
    change: change ?? null,
    ...objectionTiming({ filedOn: r.filed_on, decidedOn: r.decided_on }, published, today),
  };
}

export function listObjections(ctx: BackendContext): ObjectionView[] {
  const db = ctx.db;
  const published = publishedOn(db);
  const today = localDay(ctx.now());
  return (db.prepare('SELECT * FROM objection ORDER BY id').all() as ObjectionRow[]).map((r) => viewOf(db, r, published, today));
}

function objectionById(db: Db, id: number): ObjectionRow {
  const r = stmt(db, 'SELECT * FROM objection WHERE id = ?').get(id) as ObjectionRow | undefined;
  if (!r) throw notFound(says('error.roll.objectionNumber', { id }));
  return r;
}

export function fileObjection(ctx: BackendContext, input: In<'fileObjection'>): OutputOf<RollLifeContract, 'fileObjection'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const about = input.about === undefined ? null : requireStoredVoter(db, input.about, 'about');
    if (input.filedOn > localDay(ctx.now())) {
      throw invalid('filedOn', says('error.roll.filingDateAfterToday', { filedOn: input.filedOn }));
    }
    const at = ctx.now().toISOString();
    const id = Number(
      db
        .prepare('INSERT INTO objection (filed_by, filed_on, voter_id, what, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.filedBy, input.filedOn, about?.id ?? null, input.what, at, ctx.actor).lastInsertRowid,
    );
    appendAudit(db, {
      type: 'objection.filed',
      at,
      actor: ctx.actor,
      subject: `objection:${id}`,
      detail: { filedBy: input.filedBy, filedOn: input.filedOn, about: about?.certificate ?? null, what: input.what },
    });
    return { id };
  });
}

export function decideObjection(ctx: BackendContext, input: In<'decideObjection'>, requestKey?: string): ObjectionView {
  const call = { method: 'decideObjection', input: input as Record<string, unknown>, requestKey };
  const what = { zh: '对申诉作出决定', en: 'a decision on an objection' };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, (approvers) =>
    inTransaction(ctx.db, () => {
      const db = ctx.db;
      const o = objectionById(db, input.objection);
      if (o.decision !== null) {
        throw refused(says(o.decision === 'upheld' ? 'error.roll.objectionUpheld' : 'error.roll.objectionRejected', { id: o.id, date: dateWords(o.decided_on!) }), {
          reason: 'already-decided',
        });
      }
      if (input.decidedOn < o.filed_on) {
        throw invalid('decidedOn', says('error.roll.decisionDateBeforeFiling', { decidedOn: input.decidedOn, filed_on: o.filed_on }));
      }
      if (input.change !== undefined && input.decision !== 'upheld') {
        throw invalid('change', says('error.roll.rejectedObjectionDoesChange'));
      }
      const at = ctx.now().toISOString();
      db.prepare('UPDATE objection SET decision = ?, decision_reason = ?, decided_on = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(
        input.decision, input.reason, input.decidedOn, at, JSON.stringify(approvers.map((a) => a.name)), o.id,
      );
      const d = { reason: input.reason, objection: o.id, approvers };
      const c = input.change;
      const target = (certificate: string | undefined): StoredVoter => {
        if (certificate !== undefined) return requireStoredVoter(db, certificate, 'change.certificate');
        if (o.voter_id === null) throw invalid('change.certificate', says('error.roll.objectionNamesVoterGive'));
        return stmt(db, 'SELECT * FROM voter WHERE id = ?').get(o.voter_id) as StoredVoter;
      };
      if (c?.kind === 'add') addVoterTx(ctx, c.voter, d);
      else if (c?.kind === 'remove') removeVoterTx(ctx, target(c.certificate), 'objection-upheld', c.note || input.reason, { objection: o.id, approvers });
      else if (c?.kind === 'correct') correctVoterTx(ctx, target(c.certificate), c.change, d);
      appendAudit(db, {
        type: 'objection.decided',
        at,
        actor: ctx.actor,
        subject: `objection:${o.id}`,
        detail: { decision: input.decision, reason: input.reason, decidedOn: input.decidedOn, change: c?.kind ?? null, decidedBy: approvers },
      });
      return viewOf(db, objectionById(db, o.id), publishedOn(db), localDay(ctx.now()));
    }),
  );
}
