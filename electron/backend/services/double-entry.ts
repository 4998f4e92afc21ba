import type { BoxCountView, DisagreementView, Sheet } from '../../../shared/api/counting';
import { appendAudit } from '../audit';
import { canonicalJson } from '../audit/canonical';
import { refused, type BackendContext } from '../context';
import { inTransaction } from '../db';
import type { Db } from '../db';
import { comparableContent } from './ballots';
import { boxCountView } from './counting';
import {
  doubleEntryEnabled,
  markCountingChangedTx,
  requireCountingOpen,
  requireOpenedBox,
  requireRole,
  sheetBallots,
  type StoredBallot,
} from './counting-store';

/**
 * Double entry (optional per election): two counters enter the same box on sheets A and B. The box is accepted
 * only when both sequences agree; each disagreement (by position) is settled by scrutineers choosing one version.
 * Also where a box's count is accepted, with or without double entry.
 */

export function boxDisagreements(db: Db, round: number, box: string): DisagreementView[] {
  requireOpenedBox(db, round, box);
  if (!doubleEntryEnabled(db)) return [];
  return compareSheets(sheetBallots(db, round, box, 'A'), sheetBallots(db, round, box, 'B'));
}

function compareSheets(a: StoredBallot[], b: StoredBallot[]): DisagreementView[] {
  const out: DisagreementView[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x && y && comparableContent(x.content) === comparableContent(y.content)) continue;
    out.push({ position: i + 1, a: x?.content ?? null, b: y?.content ?? null });
  }
  return out;
}

/**
 * Scrutineers settle the disagreement at `position` by choosing sheet A's or B's version; the other sheet takes it
 * (recorded as a settlement with both versions). Choosing "nothing here" removes a surplus entry, last one first.
 */
export function settleDisagreement(
  ctx: BackendContext,
  input: { round: number; box: string; position: number; choose: Sheet; by: number; reason: string },
): DisagreementView[] {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    requireOpenedBox(db, input.round, input.box);
    if (!doubleEntryEnabled(db)) throw refused('本次选举未启用双人录入', 'double entry is off for this election');
    const byName = requireRole(db, input.by, ['chief-scrutineer', 'scrutineer'], { zh: '裁定录入分歧', en: 'settle entry disagreements' });
    const sheets = { A: sheetBallots(db, input.round, input.box, 'A'), B: sheetBallots(db, input.round, input.box, 'B') };
    const d = compareSheets(sheets.A, sheets.B).find((x) => x.position === input.position);
    if (!d) {
      throw refused(`票箱 ${input.box} 第 ${input.position} 张两表一致,无需裁定`, `box ${input.box}: both sheets agree at position ${input.position}; nothing to settle`);
    }
    const other: Sheet = input.choose === 'A' ? 'B' : 'A';
    const chosen = sheets[input.choose][input.position - 1];
    const replaced = sheets[other][input.position - 1];
    const otherLength = sheets[other].length;
    if (chosen === undefined) {
      if (input.position !== otherLength) {
        throw refused(`请先裁定 ${other} 表最后一张(第 ${otherLength} 张)`, `settle the last entry of sheet ${other} (position ${otherLength}) first`);
      }
      db.prepare('DELETE FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').run(input.round, input.box, other, input.position);
    } else if (replaced === undefined) {
      if (input.position !== otherLength + 1) {
        throw refused(`请先裁定第 ${otherLength + 1} 张`, `settle position ${otherLength + 1} first`);
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
      input.by,
      input.reason,
    );
    markCountingChangedTx(ctx, round);
    appendAudit(db, {
      type: 'counting.disagreement-settled',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, position: input.position, chosen: input.choose, a: d.a, b: d.b, by: input.by, byName, reason: input.reason },
    });
    return compareSheets(sheetBallots(db, input.round, input.box, 'A'), sheetBallots(db, input.round, input.box, 'B'));
  });
}

/**
 * Ends the entry of a box. Accepted when: the ballots found are recorded and equal the ballots entered, every
 * doubtful ballot is ruled, and with double entry both sheets agree. Otherwise either refused (naming what is
 * missing) or, for disagreements, answered with the list for the scrutineers (and the box stays open).
 */
export function finishBox(
  ctx: BackendContext,
  input: { round: number; box: string },
): { box: BoxCountView; accepted: boolean; disagreements: DisagreementView[] } {
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
      throw refused(`请先登记票箱 ${input.box} 中清点出的选票数`, `record how many ballots were found in box ${input.box} first`);
    }
    if (row.found !== a.length) {
      throw refused(
        `票箱 ${input.box} 清点出 ${row.found} 张选票,已录入 ${a.length} 张,两数不符`,
        `box ${input.box}: ${row.found} ballots were found but ${a.length} were entered`,
        { found: row.found, entered: a.length },
      );
    }
    const unruled = a.filter((b) => 'doubtful' in b.content && b.ruling === null).map((b) => b.position);
    if (unruled.length > 0) {
      throw refused(
        `票箱 ${input.box} 还有 ${unruled.length} 张有疑问的选票待选委会认定(第 ${unruled.join('、')} 张)`,
        `box ${input.box} has ${unruled.length} doubtful ballot(s) awaiting the committee's ruling (positions ${unruled.join(', ')})`,
        { positions: unruled },
      );
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
