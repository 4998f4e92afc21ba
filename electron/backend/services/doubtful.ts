import type { BallotView, CountingContract, Sheet } from '../../../shared/api/counting';
import type { InputOf } from '../../../shared/api/envelope';
import { appendAudit } from '../audit';
import { canonicalJson } from '../audit/canonical';
import { invalid, refused, type BackendContext, says } from '../context';
import { inTransaction } from '../db';
import { answerOnce } from './request-receipts';
import { ballotDefinition, comparableContent, normalizeRuling } from './ballots';
import { toBallotView } from './counting';
import {
  ballotAt,
  doubleEntryEnabled,
  markCountingChangedTx,
  requireCountingOpen,
  requireOpenedBox,
} from './counting-store';
import { decidingMembers } from './committee-decision';

/**
 * The committee's ruling on a doubtful ballot: count it with the marks as ruled, or void it (with the reason). A
 * sitting committee member approves it with their PIN (checked before the write); recorded with that member and why. With double entry the ruling applies to the position on both sheets, which must
 * agree there. A ruling is final; to change it, correct the ballot (recorded) and rule again.
 */
export function ruleDoubtful(
  ctx: BackendContext,
  input: InputOf<CountingContract, 'ruleDoubtful'>,
  requestKey?: string,
): BallotView[] {
  // What refuses anyway does so before anyone types a PIN.
  requireCountingOpen(ctx.db, input.round);
  requireOpenedBox(ctx.db, input.round, input.box);
  const [member] = decidingMembers(ctx, input.approval ? [input.approval] : [], {
    atLeast: 1,
    path: 'approval',
    what: { zh: '认定有疑问的选票', en: 'a ruling on a doubtful ballot' },
  });
  const by = member!;
  return answerOnce(ctx.db, 'ruleDoubtful', requestKey, input, () => inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireCountingOpen(db, input.round);
    requireOpenedBox(db, input.round, input.box);
    const decision = normalizeRuling(ballotDefinition(db, input.round), input.ruling);
    const sheets: Sheet[] = doubleEntryEnabled(db) ? ['A', 'B'] : ['A'];
    const ballots = sheets.map((s) => {
      const b = ballotAt(db, input.round, input.box, s, input.position);
      if (!b) throw invalid('position', says('error.counting.sheetBoxNoBallot2', { box: input.box, s, position: input.position }));
      if (!('doubtful' in b.content)) {
        throw refused(says('error.counting.ballotBoxNotMarked', { box: input.box, position: input.position }));
      }
      if (b.ruling !== null) {
        throw refused(
          says('error.counting.ballotBoxAlreadyRuled', { box: input.box, position: input.position }),
        );
      }
      return b;
    });
    if (ballots.length === 2 && comparableContent(ballots[0]!.content) !== comparableContent(ballots[1]!.content)) {
      throw refused(
        says('error.counting.twoSheetsDifferPosition', { box: input.box, position: input.position }),
      );
    }
    const ruling = canonicalJson({ decision, by: by.id, reason: input.reason });
    for (const s of sheets) {
      db.prepare('UPDATE ballot SET ruling_json = ? WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').run(
        ruling,
        input.round,
        input.box,
        s,
        input.position,
      );
    }
    markCountingChangedTx(ctx, round);
    appendAudit(db, {
      type: 'counting.doubtful-ruled',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `box:${input.box}`,
      detail: { round: input.round, position: input.position, decision, by: by.id, byName: by.name, reason: input.reason },
    });
    return sheets.map((s) => toBallotView(db, input.box, ballotAt(db, input.round, input.box, s, input.position)!));
  }));
}
