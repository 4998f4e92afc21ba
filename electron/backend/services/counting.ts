import { BALLOT_PAGE_MAX, type BallotChangeView, type BallotContent, type BallotView, type BoxCountView, type CountingContract, type Sheet } from '../../../shared/api/counting';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import { appendAudit } from '../audit';
import { canonicalJson } from '../audit/canonical';
import { ApiError } from '../../../shared/api/envelope';
import { bilingual, invalid, refused, says, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { answerOnce } from './request-receipts';
import { ballotDefinition, compareSheets, describeContentKind, normalizeContent } from './ballots';
import {
  ballotAt,
  ballotByEntryKey,
  ballotRowAt,
  boxCountRow,
  doubleEntryEnabled,
  issuedToBox,
  markCountingChangedTx,
  q,
  requireBox,
  requireCountingOpen,
  requireOpenedBox,
  sheetBallots,
  sheetBallotsFrom,
  sheetLength,
  type StoredBallot,
} from './counting-store';
import { personName } from './person-standing';
import { actingPerson } from './acting-person';
import { committeeApprovers } from '../authority/approvals';
import { currentCaller } from '../authority/caller';
import { assertBoxCanBeOpened, custodyState, recordCustodyStepTx } from './custody';
import { getRound } from './setup-rounds';

/**
 * Counting a round's boxes (DOMAIN.md §7): open a box once its seal is checked, record how many ballots were found,
 * enter each ballot as it is called, correct entries on the record, and accept the box. Each write is one IMMEDIATE
 * transaction with its audit event; every write is refused once someone has signed the round's result.
 */

// ---- settings ----

export function countingSettings(db: Db): OutputOf<CountingContract, 'countingSettings'> {
  return { doubleEntry: doubleEntryEnabled(db) };
}

export function setDoubleEntry(ctx: BackendContext, input: InputOf<CountingContract, 'setDoubleEntry'>): OutputOf<CountingContract, 'setDoubleEntry'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    if (doubleEntryEnabled(db) === input.enabled) return { doubleEntry: input.enabled };
    if (q(db, 'SELECT 1 FROM box_count LIMIT 1').get()) {
      throw refused(says('error.counting.doubleEntryFixed'));
    }
    db.prepare('INSERT INTO counting_setting (id, double_entry) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET double_entry = excluded.double_entry').run(
      input.enabled ? 1 : 0,
    );
    appendAudit(db, { type: 'counting.setting-changed', at: ctx.now(), actor: ctx.actor, subject: 'election', detail: { doubleEntry: input.enabled } });
    return { doubleEntry: input.enabled };
  });
}

// ---- views ----

export function boxCountView(db: Db, round: number, box: string): BoxCountView {
  const b = requireBox(db, box);
  const row = boxCountRow(db, round, box);
  const issued = issuedToBox(db, round, box);
  const sheets = (
    q(
      db,
      `SELECT s.sheet, p.name AS counter,
         (SELECT count(*) FROM ballot x WHERE x.round_number = s.round_number AND x.box_id = s.box_id AND x.sheet = s.sheet) AS entered
       FROM count_sheet s LEFT JOIN person p ON p.id = s.counter_person_id
       WHERE s.round_number = ? AND s.box_id = ? ORDER BY s.sheet`,
    ).all(round, box) as { sheet: Sheet; counter: string | null; entered: number }[]
  ).map((s) => ({ sheet: s.sheet, counter: s.counter, entered: s.entered }));
  const doubtfulUnruled = row
    ? (
        q(
          db,
          `SELECT count(*) AS n FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = 'A'
             AND ruling_json IS NULL AND content_json LIKE '{"doubtful":%'`,
        ).get(round, box) as { n: number }
      ).n
    : 0;
  const corrections = (q(db, 'SELECT count(*) AS n FROM ballot_change WHERE round_number = ? AND box_id = ?').get(round, box) as { n: number }).n;
  const found = row?.found ?? null;
  return {
    round,
    box,
    name: b.name,
    status: row ? row.status : 'not-opened',
    issued,
    found,
    difference: found === null ? null : found - issued,
    sheets,
    doubtfulUnruled,
    corrections,
  };
}

export function countingOverview(db: Db, round: number): BoxCountView[] {
  getRound(db, round);
  return (db.prepare('SELECT id FROM box ORDER BY id').all() as { id: string }[]).map((b) => boxCountView(db, round, b.id));
}

export function toBallotView(db: Db, box: string, b: StoredBallot): BallotView {
  return {
    box,
    sheet: b.sheet,
    position: b.position,
    content: b.content,
    ruling: b.ruling === null ? null : { decision: b.ruling.decision, by: b.ruling.by, byName: personName(db, b.ruling.by), reason: b.ruling.reason },
  };
}

export function boxBallots(db: Db, input: InputOf<CountingContract, 'boxBallots'>): BallotView[] {
  requireOpenedBox(db, input.round, input.box);
  const sheet = input.sheet ?? 'A';
  const ballots =
    input.from === undefined && input.limit === undefined
      ? sheetBallots(db, input.round, input.box, sheet)
      : sheetBallotsFrom(db, input.round, input.box, sheet, input.from ?? 1, input.limit ?? BALLOT_PAGE_MAX);
  return ballots.map((b) => toBallotView(db, input.box, b));
}

// ---- opening a box ----

/** Opens a box for counting: its custody trail must stand at "seal checked" (and decided, if flagged). */
export function openBox(ctx: BackendContext, input: InputOf<CountingContract, 'openBox'>): BoxCountView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    requireBox(db, input.box);
    if (boxCountRow(db, input.round, input.box)) {
      throw refused(says('error.counting.boxAlreadyOpenCounting', { box: input.box, round: input.round }));
    }
    // The box may already have been opened in public from the Boxes screen (its custody trail is then complete);
    // counting starts either way, and the opening is recorded once.
    if (custodyState(db, input.box, input.round).position.state !== 'done') {
      assertBoxCanBeOpened(db, input.box, input.round);
      recordCustodyStepTx(ctx, { box: input.box, round: input.round, step: 'opened' });
    }
    db.prepare("INSERT INTO box_count (round_number, box_id, found, status) VALUES (?, ?, NULL, 'counting')").run(input.round, input.box);
    const sheets: Sheet[] = doubleEntryEnabled(db) ? ['A', 'B'] : ['A'];
    for (const s of sheets) db.prepare('INSERT INTO count_sheet (round_number, box_id, sheet) VALUES (?, ?, ?)').run(input.round, input.box, s);
    markCountingChangedTx(ctx, round);
    const issued = issuedToBox(db, input.round, input.box);
    appendAudit(db, {
      type: 'counting.box-opened',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, issued, doubleEntry: sheets.length === 2 },
    });
    return boxCountView(db, input.round, input.box);
  });
}

/** Records (or re-records) how many ballots were taken out of the box; the view shows the difference to issued. */
export function recordBallotsFound(ctx: BackendContext, input: InputOf<CountingContract, 'recordBallotsFound'>): BoxCountView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    const row = requireOpenedBox(db, input.round, input.box);
    if (row.status === 'accepted') {
      throw refused(says('error.counting.boxAlreadyAcceptedCount', { box: input.box }));
    }
    if (row.found === input.found) return boxCountView(db, input.round, input.box);
    db.prepare('UPDATE box_count SET found = ? WHERE round_number = ? AND box_id = ?').run(input.found, input.round, input.box);
    markCountingChangedTx(ctx, round);
    const issued = issuedToBox(db, input.round, input.box);
    appendAudit(db, {
      type: 'counting.found-recorded',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, found: input.found, previous: row.found, issued, difference: input.found - issued },
    });
    return boxCountView(db, input.round, input.box);
  });
}

// ---- entering ballots ----

function resolveSheet(db: Db, sheet: Sheet | undefined): Sheet {
  const s = sheet ?? 'A';
  if (s === 'B' && !doubleEntryEnabled(db)) {
    throw invalid('sheet', says('error.counting.doubleEntryOffElection'));
  }
  return s;
}

/** The contract's input, and the counting client's random key for this entry (taken aside by dispatch). */
export type EnterBallotInput = InputOf<CountingContract, 'enterBallot'> & { entryKey?: string | undefined };

function entryConflict(zh: string, en: string, details: Record<string, unknown>): ApiError {
  return new ApiError('conflict', bilingual(zh, en), { details });
}

/**
 * The next ballot as called, appended to the sheet's sequence. Returns its position. A re-send (the same entry key,
 * or without a key the same content at the expected position) answers the first entry with `alreadyEntered`; other
 * content at that position, or an expected position that is not the next one, is a conflict and changes nothing.
 */
export function enterBallot(ctx: BackendContext, input: EnterBallotInput): OutputOf<CountingContract, 'enterBallot'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    const row = requireOpenedBox(db, input.round, input.box);
    const sheet = resolveSheet(db, input.sheet);
    const normalized = normalizeContent(ballotDefinition(db, input.round), input.ballot);
    const content = canonicalJson(normalized);
    const where = { box: input.box, sheet };
    const next = sheetLength(db, input.round, input.box, sheet) + 1;
    // A re-send meets its own entry at the expected position (or, sent without a position, wherever its key is).
    const earlier =
      input.position !== undefined
        ? input.position < next
          ? ballotRowAt(db, input.round, input.box, sheet, input.position)
          : undefined
        : input.entryKey !== undefined
          ? ballotByEntryKey(db, input.round, input.box, sheet, input.entryKey)
          : undefined;
    if (earlier) {
      // Without a key (the command line, the drill) the position alone says which entry it is.
      const sameEntry = input.entryKey === undefined || earlier.entry_key === input.entryKey;
      if (sameEntry && earlier.content_json === content) {
        return { ...where, position: earlier.position, alreadyEntered: true, ballot: storedView(db, input.round, input.box, sheet, earlier.position) };
      }
      if (input.entryKey !== undefined && earlier.entry_key === input.entryKey) {
        throw entryConflict(
          `录入编号 ${input.entryKey} 已用于第 ${earlier.position} 张选票，内容不同；未录入`,
          `entry key ${input.entryKey} was used for ballot ${earlier.position} with other content; nothing was entered`,
          { reason: 'entry-key-reused', position: earlier.position },
        );
      }
    }
    if (input.position !== undefined && input.position !== next) {
      const taken = input.position < next;
      throw entryConflict(
        taken
          ? `${sheet} 表第 ${input.position} 张已录入另一张选票（下一张是第 ${next} 张）；未录入，请刷新后核对`
          : `${sheet} 表下一张是第 ${next} 张，不是第 ${input.position} 张；未录入，请刷新后核对`,
        taken
          ? `sheet ${sheet} already holds another ballot at position ${input.position} (the next is ${next}); nothing was entered: reload and check`
          : `the next ballot on sheet ${sheet} is number ${next}, not ${input.position}; nothing was entered: reload and check`,
        { reason: taken ? 'position-taken' : 'position-ahead', next },
      );
    }
    if (row.status === 'accepted') {
      throw refused(
        says('error.counting.boxAlreadyAcceptedNothing', { box: input.box }),
      );
    }
    // The signed-in person entering is the sheet's counter (nobody is recorded while the file is still being set up).
    const counter = currentCaller()?.person;
    if (counter !== undefined) assignCounter(db, input.round, input.box, sheet, counter);
    q(db, 'INSERT INTO ballot (round_number, box_id, sheet, position, content_json, entry_key) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.round,
      input.box,
      sheet,
      next,
      content,
      input.entryKey ?? null,
    );
    if (round.status !== 'counting') markCountingChangedTx(ctx, round);
    else q(db, 'DELETE FROM round_result WHERE round_number = ?').run(input.round);
    appendAudit(db, {
      type: 'counting.ballot-entered',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, sheet, position: next, kind: describeContentKind(normalized), content: normalized },
    });
    return { ...where, position: next, alreadyEntered: false, ballot: storedView(db, input.round, input.box, sheet, next) };
  });
}

function storedView(db: Db, round: number, box: string, sheet: Sheet, position: number): BallotView {
  return toBallotView(db, box, ballotAt(db, round, box, sheet, position)!);
}

/** Each sheet is entered by one counter; with double entry the two sheets need two different counters. */
function assignCounter(db: Db, round: number, box: string, sheet: Sheet, counter: number): void {
  const name = personName(db, counter);
  const rows = q(db, 'SELECT sheet, counter_person_id FROM count_sheet WHERE round_number = ? AND box_id = ?').all(round, box) as {
    sheet: Sheet;
    counter_person_id: number | null;
  }[];
  const mine = rows.find((r) => r.sheet === sheet);
  if (mine?.counter_person_id === counter) return;
  if (mine && mine.counter_person_id !== null) {
    throw refused(
      says('error.counting.sheetHasOtherCounter', { box, sheet, person: personName(db, mine.counter_person_id), name }),
    );
  }
  if (rows.some((r) => r.sheet !== sheet && r.counter_person_id === counter)) {
    throw refused(says('error.counting.doubleEntryNeedsTwo', { name }));
  }
  q(db, 'UPDATE count_sheet SET counter_person_id = ? WHERE round_number = ? AND box_id = ? AND sheet = ?').run(counter, round, box, sheet);
}

// ---- corrections ----

const CORRECTING = { zh: '更正选票', en: 'correcting a ballot' };

/**
 * Replaces an entered ballot, as the signed-in person. Once the box was accepted, a committee member approves the
 * correction with their PIN (checked here, before the write). The old and new versions, who, the approver and why go
 * to ballot_change and the audit log.
 */
export function correctBallot(
  ctx: BackendContext,
  input: InputOf<CountingContract, 'correctBallot'>,
  requestKey?: string,
): BallotView {
  const by = actingPerson(CORRECTING);
  // What refuses anyway does so before anyone types a PIN.
  requireCountingOpen(ctx.db, input.round);
  const acceptedBefore = requireOpenedBox(ctx.db, input.round, input.box).status === 'accepted';
  const approvers =
    acceptedBefore || input.approval !== undefined
      ? committeeApprovers(ctx, input.approval ? [input.approval] : [], {
          atLeast: 1,
          path: 'approval',
          what: { zh: '确认后更正选票', en: 'a correction after the box was accepted' },
        })
      : null;
  return answerOnce(ctx.db, 'correctBallot', requestKey, input, () => inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    const row = requireOpenedBox(db, input.round, input.box);
    if (row.status === 'accepted' && approvers === null) {
      throw refused(
        says('error.counting.boxJustAcceptedCorrection', { box: input.box }),
        { reason: 'approvals-needed', atLeast: 1 },
      );
    }
    const sheet = resolveSheet(db, input.sheet);
    const old = ballotAt(db, input.round, input.box, sheet, input.position);
    if (!old) {
      throw invalid('position', says('error.counting.sheetBoxNoBallot', { box: input.box, sheet, position: input.position }));
    }
    const content = normalizeContent(ballotDefinition(db, input.round), input.ballot);
    if (canonicalJson(content) === canonicalJson(old.content)) {
      throw invalid('ballot', says('error.counting.correctedBallotSameOne'));
    }
    db.prepare('UPDATE ballot SET content_json = ?, ruling_json = NULL WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').run(
      canonicalJson(content),
      input.round,
      input.box,
      sheet,
      input.position,
    );
    const oldState = old.ruling ? { ...old.content, ruling: old.ruling } : old.content;
    db.prepare(
      `INSERT INTO ballot_change (round_number, box_id, sheet, position, kind, old_json, new_json, by_person_id, reason)
       VALUES (?, ?, ?, ?, 'correction', ?, ?, ?, ?)`,
    ).run(input.round, input.box, sheet, input.position, canonicalJson(oldState), canonicalJson(content), by.person, input.reason);
    if (row.status === 'accepted') {
      db.prepare("UPDATE box_count SET status = 'counting' WHERE round_number = ? AND box_id = ?").run(input.round, input.box);
    }
    markCountingChangedTx(ctx, round);
    appendAudit(db, {
      type: 'counting.ballot-corrected',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: {
        round: input.round,
        sheet,
        position: input.position,
        old: oldState,
        new: content,
        by: by.person,
        byName: by.name,
        reason: input.reason,
        ...(approvers && approvers.length > 0 ? { approvedBy: approvers } : {}),
        ...(row.status === 'accepted' ? { boxAcceptanceWithdrawn: true } : {}),
      },
    });
    return toBallotView(db, input.box, ballotAt(db, input.round, input.box, sheet, input.position)!);
  }));
}

/** Corrections and settlements of a round (or one box), oldest first. `old` shows what was entered (without ruling). */
export function ballotChanges(db: Db, input: InputOf<CountingContract, 'ballotChanges'>): BallotChangeView[] {
  getRound(db, input.round);
  const rows = db
    .prepare(
      `SELECT c.id, c.box_id, c.sheet, c.position, c.kind, c.old_json, c.new_json, c.by_person_id, p.name, c.reason
       FROM ballot_change c JOIN person p ON p.id = c.by_person_id
       WHERE c.round_number = ? AND (? IS NULL OR c.box_id = ?) ORDER BY c.id`,
    )
    .all(input.round, input.box ?? null, input.box ?? null) as {
    id: number;
    box_id: string;
    sheet: Sheet;
    position: number;
    kind: 'correction' | 'settlement';
    old_json: string | null;
    new_json: string | null;
    by_person_id: number;
    name: string;
    reason: string;
  }[];
  const strip = (json: string | null): BallotContent | null => {
    if (json === null) return null;
    const { ruling: _ruling, ...content } = JSON.parse(json) as BallotContent & { ruling?: unknown };
    return content as BallotContent;
  };
  return rows.map((r) => ({
    id: r.id,
    box: r.box_id,
    sheet: r.sheet,
    position: r.position,
    kind: r.kind,
    old: strip(r.old_json),
    new: strip(r.new_json),
    by: r.by_person_id,
    byName: r.name,
    reason: r.reason,
  }));
}

// ---- accepting a box ----

/**
 * Ends the entry of a box. Accepted when: the ballots found are recorded and equal the ballots entered, every
 * doubtful ballot is ruled, and with double entry both sheets agree. Otherwise either refused (naming what is
 * missing) or, for disagreements, answered with the list for the scrutineers (and the box stays open).
 */
export function finishBox(
  ctx: BackendContext,
  input: InputOf<CountingContract, 'finishBox'>,
): OutputOf<CountingContract, 'finishBox'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireCountingOpen(db, input.round);
    const row = requireOpenedBox(db, input.round, input.box);
    if (row.status === 'accepted') return { box: boxCountView(db, input.round, input.box), accepted: true, disagreements: [] };
    const a = sheetBallots(db, input.round, input.box, 'A');
    if (doubleEntryEnabled(db)) {
      const disagreements = compareSheets(a, sheetBallots(db, input.round, input.box, 'B'));
      if (disagreements.length > 0) {
        appendAudit(db, {
          type: 'counting.box-not-accepted',
          at: ctx.now(),
          actor: ctx.actor,
          subject: `box:${input.box}`,
          detail: { round: input.round, disagreements: disagreements.map((x) => x.position) },
        });
        return { box: boxCountView(db, input.round, input.box), accepted: false, disagreements };
      }
    }
    if (row.found === null) {
      throw refused(says('error.counting.recordHowManyBallots', { box: input.box }));
    }
    if (row.found !== a.length) {
      throw refused(
        says('error.counting.foundDiffersEntered', { box: input.box, found: row.found, length: a.length }),
        { found: row.found, entered: a.length },
      );
    }
    const unruled = a.filter((b) => 'doubtful' in b.content && b.ruling === null).map((b) => b.position);
    if (unruled.length > 0) {
      throw refused(says('error.counting.doubtfulUnruled', { box: input.box, count: unruled.length, positions: unruled }), { positions: unruled });
    }
    db.prepare("UPDATE box_count SET status = 'accepted' WHERE round_number = ? AND box_id = ?").run(input.round, input.box);
    appendAudit(db, {
      type: 'counting.box-accepted',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, ballots: a.length },
    });
    return { box: boxCountView(db, input.round, input.box), accepted: true, disagreements: [] };
  });
}
