import {
  compareSeals,
  CUSTODY_STEP_NAMES,
  custodyPosition,
  normalizeSeal,
  sameSeals,
  type CommitteeDecision,
  type CustodyDecisionInput,
  type CustodyPosition,
  type CustodyStep,
  type CustodyStepInput,
} from '../../../shared/domain/custody';
import type { BoxKind } from '../../../shared/domain/venue';
import { appendAudit } from '../audit';
import { bothWords, invalid, notFound, refused, says, type BackendContext } from '../context';
import type { BothWords } from '../../../shared/i18n';
import { type Db, inTransaction } from '../db';
import { currentCaller } from '../authority/caller';
import { approvedWrite } from './approved-write';
import { tallySpoiled } from './spoiled';
import { getRound } from './setup-rounds';
import type { CustodyEventView, CustodyStateView } from '../../../shared/api/custody';

interface RawEvent {
  seq: number;
  step: CustodyStep;
  at: string;
  by_person_id: number | null;
  seal_numbers: string | null;
  seal_intact: number | null;
  flagged: number;
  carriers: string | null;
  decision: CommitteeDecision | null;
  decided_by: string | null;
  note: string | null;
}

function boxKind(db: Db, box: string): BoxKind {
  const row = db.prepare('SELECT kind FROM box WHERE id = ?').get(box) as { kind: BoxKind } | undefined;
  if (!row) throw notFound(says('error.custody.noBox', { box }));
  return row.kind;
}

export function custodyEvents(db: Db, box: string, round: number): CustodyEventView[] {
  const rows = db.prepare('SELECT * FROM custody_event WHERE box_id = ? AND round_number = ? ORDER BY seq').all(box, round) as RawEvent[];
  return rows.map((r) => ({
    seq: r.seq,
    step: r.step,
    at: r.at,
    by: r.by_person_id,
    seals: r.seal_numbers === null ? null : (JSON.parse(r.seal_numbers) as string[]),
    intact: r.seal_intact === null ? null : r.seal_intact === 1,
    flagged: r.flagged === 1,
    carriers: r.carriers === null ? null : (JSON.parse(r.carriers) as string[]),
    decision: r.decision,
    decidedBy: r.decided_by === null ? null : (JSON.parse(r.decided_by) as number[]),
    note: r.note,
  }));
}

export function custodyState(db: Db, box: string, round: number): CustodyStateView {
  const kind = boxKind(db, box);
  getRound(db, round);
  const events = custodyEvents(db, box, round);
  return { box, kind, round, position: custodyPosition(kind, events), flagged: events.some((e) => e.flagged), events };
}

/** The step's Chinese name; the English text names the step by its id. */
function describePosition(box: string, round: number, pos: CustodyPosition): BothWords {
  switch (pos.state) {
    case 'next':
      return bothWords('error.custody.nextStep', { step: CUSTODY_STEP_NAMES[pos.next] });
    case 'needs-decision':
      return bothWords('error.custody.flagged', { box });
    case 'set-aside':
      return bothWords('error.custody.setAside', { box, round });
    case 'done':
      return bothWords('error.custody.alreadyOpened', { box, round });
  }
}

/** The seals a box should carry when checked: those put on when sealed empty and when sealed closed. */
function expectedSeals(events: CustodyEventView[]): string[] {
  return events.filter((e) => e.step === 'sealed-empty' || e.step === 'sealed-closed').flatMap((e) => e.seals ?? []);
}

/**
 * Seals said intact but not all typed: the check is not finished, which is not evidence of tampering (a seal that was
 * never put on is, and flags the box). Names the seals that match and those still to check, with where each was put on.
 */
function refuseIncompleteCheck(events: CustodyEventView[], c: { matching: string[]; missing: string[]; unexpected: string[] }): void {
  if (c.missing.length === 0 || c.unexpected.length > 0) return;
  const where = (seal: string) => bothWords(sealedAt(events, seal) === 'sealed-empty' ? 'error.custody.emptyBoxSeal' : 'error.custody.closingSeal', { seal });
  const total = c.matching.length + c.missing.length;
  const missing = c.missing.map(where);
  throw invalid(
    'seals',
    c.matching.length > 0
      ? says('error.custody.sealsPartlyChecked', { total, matching: c.matching, missing })
      : says('error.custody.sealsUnchecked', { total, missing }),
  );
}

function sealedAt(events: CustodyEventView[], seal: string): CustodyStep | null {
  const e = events.find((x) => (x.step === 'sealed-empty' || x.step === 'sealed-closed') && (x.seals ?? []).some((s) => normalizeSeal(s) === seal));
  return e?.step ?? null;
}

/**
 * Records the next step of a box's custody trail. A step out of order is refused, naming the expected one. At
 * 'seal-checked' the seals found are compared with the seals put on; a mismatch or a broken seal flags the box.
 * The person recording it is the signed-in caller. When a box is sealed after voting, its spoiled-ballot exchanges
 * go to the audit log as one count (services/spoiled.ts). Call inside a transaction (the counting step that opens a
 * box can do both in one).
 */
export function recordCustodyStepTx(ctx: BackendContext, input: CustodyStepInput): CustodyStateView {
  const db = ctx.db;
  const before = custodyState(db, input.box, input.round);
  const pos = before.position;
  if (pos.state !== 'next' || pos.next !== input.step) {
    const where = describePosition(input.box, input.round, pos);
    throw refused(says('error.custody.stepOutOfOrder', { box: input.box, round: input.round, step: CUSTODY_STEP_NAMES[input.step], where }), {
      expected: pos.state === 'next' ? pos.next : pos.state,
    });
  }
  const seals = input.seals ?? [];
  let intact: boolean | null = null;
  let flagged = false;
  switch (input.step) {
    case 'sealed-empty':
      if (seals.length === 0) throw invalid('seals', says('error.custody.sealNumbers'));
      break;
    case 'carried':
      if ((input.carriers ?? []).length === 0) throw invalid('carriers', says('error.custody.carriers'));
      break;
    case 'seal-checked': {
      if (input.intact === undefined) throw invalid('intact', says('error.custody.intact'));
      if (input.seals === undefined) throw invalid('seals', says('error.custody.sealsFound'));
      intact = input.intact;
      const expected = expectedSeals(before.events);
      if (input.intact) refuseIncompleteCheck(before.events, compareSeals(seals, expected));
      flagged = !input.intact || !sameSeals(seals, expected);
      break;
    }
    default:
      break;
  }
  const by = currentCaller()?.person ?? null;
  if (input.step === 'sealed-closed') tallySpoiled(ctx, input.round, input.box);
  const at = ctx.now().toISOString();
  const seq = before.events.length + 1;
  db.prepare(
    `INSERT INTO custody_event (box_id, round_number, seq, step, at, by_person_id, seal_numbers, seal_intact, flagged, carriers, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.box,
    input.round,
    seq,
    input.step,
    at,
    by,
    input.seals === undefined ? null : JSON.stringify(seals),
    intact === null ? null : intact ? 1 : 0,
    flagged ? 1 : 0,
    input.step === 'carried' ? JSON.stringify(input.carriers) : null,
    input.note ?? null,
  );
  const detail: Record<string, unknown> = { round: input.round, step: input.step };
  if (input.seals !== undefined) detail.seals = seals;
  if (input.step === 'carried') detail.carriers = input.carriers;
  if (intact !== null) detail.intact = intact;
  appendAudit(db, { type: 'custody.step', at, actor: ctx.actor, subject: `box:${input.box}`, detail });
  if (flagged) {
    appendAudit(db, {
      type: 'custody.flagged',
      at,
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, intact, found: seals, expected: expectedSeals(before.events) },
    });
  }
  return custodyState(db, input.box, input.round);
}

export function recordCustodyStep(ctx: BackendContext, input: CustodyStepInput): CustodyStateView {
  return inTransaction(ctx.db, () => recordCustodyStepTx(ctx, input));
}

/**
 * The committee's recorded decision on a flagged box: open and count it, or set it aside. Each deciding member
 * approves with their PIN (checked before the write); their ids are recorded with the decision.
 */
export function decideFlaggedBox(ctx: BackendContext, input: CustodyDecisionInput, requestKey?: string): CustodyStateView {
  const what = { zh: '对封条异常票箱的决定', en: 'a decision on a flagged box' };
  const call = { method: 'decideFlaggedBox', input, requestKey };
  return approvedWrite(ctx, call, input.approvals ?? [], { atLeast: 1, path: 'approvals', what }, (approvers) =>
    recordDecision(ctx, input, approvers.map((a) => a.id)),
  );
}

function recordDecision(ctx: BackendContext, input: CustodyDecisionInput, decidedBy: number[]): CustodyStateView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const before = custodyState(db, input.box, input.round);
    if (before.position.state !== 'needs-decision') {
      throw refused(
        says('error.custody.boxRoundNoFlagged', { box: input.box, round: input.round }),
      );
    }
    const at = ctx.now().toISOString();
    db.prepare(
      `INSERT INTO custody_event (box_id, round_number, seq, step, at, decision, decided_by, note)
       VALUES (?, ?, ?, 'committee-decision', ?, ?, ?, ?)`,
    ).run(input.box, input.round, before.events.length + 1, at, input.decision, JSON.stringify(decidedBy), input.note);
    appendAudit(db, {
      type: 'custody.decision',
      at,
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, decision: input.decision, decidedBy, note: input.note },
    });
    return custodyState(db, input.box, input.round);
  });
}

/** For counting: refuses unless the box's next custody step is 'opened' (seal checked, and decided if flagged). */
export function assertBoxCanBeOpened(db: Db, box: string, round: number): void {
  const s = custodyState(db, box, round);
  if (s.position.state === 'next' && s.position.next === 'opened') return;
  const where = describePosition(box, round, s.position);
  throw refused(says('error.custody.boxRoundOpenedYet', { where, box, round }), {
    expected: s.position.state === 'next' ? s.position.next : s.position.state,
  });
}

export function custodyOverview(db: Db, round: number): CustodyStateView[] {
  getRound(db, round);
  const boxes = db.prepare('SELECT id FROM box ORDER BY id').all() as { id: string }[];
  return boxes.map((b) => custodyState(db, b.id, round));
}
