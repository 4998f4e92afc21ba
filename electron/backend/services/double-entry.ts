import type { CountingContract, DisagreementView, Sheet } from '../../../shared/api/counting';
import type { InputOf } from '../../../shared/api/envelope';
import { appendAudit } from '../audit';
import { canonicalJson } from '../audit/canonical';
import { refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import { compareSheets } from './ballots';
import {
  doubleEntryEnabled,
  markCountingChangedTx,
  requireCountingOpen,
  requireOpenedBox,
  sheetBallots,
} from './counting-store';
import { requireRole } from './person-standing';
import { actingPerson } from './acting-person';

/**
 * Double entry (optional per election): two counters enter the same box on sheets A and B. The box is accepted
 * only when both sequences agree (finishBox in counting.ts); each disagreement (by position) is settled by
 * scrutineers choosing one version.
 */

export function boxDisagreements(db: Db, round: number, box: string): DisagreementView[] {
  requireOpenedBox(db, round, box);
  if (!doubleEntryEnabled(db)) return [];
  return compareSheets(sheetBallots(db, round, box, 'A'), sheetBallots(db, round, box, 'B'));
}

const SETTLING = { zh: '裁定录入分歧', en: 'settle entry disagreements' };

/**
 * The signed-in scrutineer settles the disagreement at `position` by choosing sheet A's or B's version; the other sheet takes it
 * (recorded as a settlement with both versions). Choosing "nothing here" removes a surplus entry, last one first.
 */
export function settleDisagreement(
  ctx: BackendContext,
  input: InputOf<CountingContract, 'settleDisagreement'>,
): DisagreementView[] {
  const by = actingPerson(SETTLING);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    requireOpenedBox(db, input.round, input.box);
    if (!doubleEntryEnabled(db)) throw refused(says('error.counting.doubleEntryOffElection2'));
    requireRole(db, by.person, ['chief-scrutineer', 'scrutineer'], SETTLING);
    const sheets = { A: sheetBallots(db, input.round, input.box, 'A'), B: sheetBallots(db, input.round, input.box, 'B') };
    const d = compareSheets(sheets.A, sheets.B).find((x) => x.position === input.position);
    if (!d) {
      throw refused(says('error.counting.boxBothSheetsAgree', { box: input.box, position: input.position }));
    }
    const other: Sheet = input.choose === 'A' ? 'B' : 'A';
    const chosen = sheets[input.choose][input.position - 1];
    const replaced = sheets[other][input.position - 1];
    const otherLength = sheets[other].length;
    if (chosen === undefined) {
      if (input.position !== otherLength) {
        throw refused(says('error.counting.settleLastEntrySheet', { other, otherLength }));
      }
      db.prepare('DELETE FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').run(input.round, input.box, other, input.position);
    } else if (replaced === undefined) {
      if (input.position !== otherLength + 1) {
        throw refused(says('error.counting.settlePositionFirst', { position: otherLength + 1 }));
      }
      db.prepare('INSERT INTO ballot (round_number, box_id, sheet, position, content_json, ruling_json) VALUES (?, ?, ?, ?, ?, ?)').run(
        input.round,
        input.box,
        other,
        input.position,
        canonicalJson(chosen.content),
        chosen.ruling === null ? null : canonicalJson(chosen.ruling),
      );
    } else {
      db.prepare('UPDATE ballot SET content_json = ?, ruling_json = ? WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').run(
        canonicalJson(chosen.content),
        chosen.ruling === null ? null : canonicalJson(chosen.ruling),
        input.round,
        input.box,
        other,
        input.position,
      );
    }
    db.prepare(
      `INSERT INTO ballot_change (round_number, box_id, sheet, position, kind, old_json, new_json, by_person_id, reason)
       VALUES (?, ?, ?, ?, 'settlement', ?, ?, ?, ?)`,
    ).run(
      input.round,
      input.box,
      other,
      input.position,
      replaced ? canonicalJson(replaced.content) : null,
      chosen ? canonicalJson(chosen.content) : null,
      by.person,
      input.reason,
    );
    markCountingChangedTx(ctx, round);
    appendAudit(db, {
      type: 'counting.disagreement-settled',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, position: input.position, chosen: input.choose, a: d.a, b: d.b, by: by.person, byName: by.name, reason: input.reason },
    });
    return compareSheets(sheetBallots(db, input.round, input.box, 'A'), sheetBallots(db, input.round, input.box, 'B'));
  });
}

