import type { BallotContent } from '../../../shared/api/counting';
import type { Ballot } from '../../../shared/record/cer';
import type { BackendContext } from '../context';
import { correctBallot, enterBallot, finishBox, openBox, recordBallotsFound } from '../services/counting';
import { ruleDoubtful } from '../services/doubtful';
import type { RoundResultView } from '../../../shared/api/results';
import { results } from '../services/results';
import { roundBallot } from '../services/setup-rounds';
import type { DrillClock } from './clock';
import { DRILL_BOXES } from './definition';
import { drawBallot, DEFAULT_MARK_RATES, type Popularity } from './marks';
import { chairApproval, type DrillStaff } from './phases-setup';
import type { Rng } from './prng';
import { asStaff, staffCaller } from './staff';
import { runAsCaller } from '../authority/caller';
import { phaseReporter, YIELD_EVERY, yieldToEventLoop, type ProgressListener } from './progress';

export interface CountingOutcome {
  ballots: number;
  doubtful: number;
  corrections: number;
  result: RoundResultView;
}

function content(b: Ballot): BallotContent {
  return 'void' in b ? { void: b.void } : { marks: b.marks };
}

/**
 * Counts a round in public at the central venue: each box opened (its seal was checked), the ballots in it counted
 * against those issued, every ballot called and entered — a few marked doubtful and ruled on by the committee, a few
 * entered wrongly and corrected — the box accepted, and then the round's result computed by the results service.
 * Ballots are drawn here from the popularity of the candidates, independently of who voted: nothing links them.
 */
export async function runCounting(
  ctx: BackendContext,
  rng: Rng,
  clock: DrillClock,
  opts: { round: number; issued: Map<string, number>; staff: DrillStaff; popularity: Popularity; writeIns: string[] },
  onProgress?: ProgressListener,
): Promise<CountingOutcome> {
  const { round } = opts;
  const r = rng.fork(`counting-${round}`);
  const offices = roundBallot(ctx.db, round).map((o) => ({ id: o.id, seats: o.seats, candidates: o.candidates.map((c) => ({ id: c.id, name: c.name })) }));
  const counters = opts.staff.signers.filter((s) => s.role === 'counter').map((s) => s.id);
  const approval = chairApproval(opts.staff);
  const total = [...opts.issued.values()].reduce((a, b) => a + b, 0);
  const report = phaseReporter(onProgress, 'counting', total, round);
  let done = 0;
  let doubtful = 0;
  let corrections = 0;
  clock.advance(1800);
  for (const [bi, box] of DRILL_BOXES.entries()) {
    const n = opts.issued.get(box.id) ?? 0;
    const counter = counters[bi % Math.max(1, counters.length)];
    // The chief scrutineer opens the box; the box's counter counts and enters; the committee chair rules.
    asStaff(ctx, opts.staff.chiefScrutineer, () => openBox(ctx, { round, box: box.id }));
    const entering = staffCaller(ctx, counter ?? opts.staff.chiefCounter);
    const ruling = staffCaller(ctx, opts.staff.chairId);
    runAsCaller(entering, () => recordBallotsFound(ctx, { round, box: box.id, found: n }));
    const base = { round, box: box.id };
    for (let i = 0; i < n; i++) {
      if (done > 0 && done % YIELD_EVERY === 0) await yieldToEventLoop();
      clock.advance(r.int(4, 9));
      const ballot = drawBallot(r, box.id, offices, opts.popularity, opts.writeIns, DEFAULT_MARK_RATES);
      const called = content(ballot);
      if ('marks' in called && r.chance(0.003)) {
        // Doubtful: a mark that strays outside its box; the committee rules — usually as read, sometimes void.
        const { position } = runAsCaller(entering, () => enterBallot(ctx, { ...base, ballot: { doubtful: { marks: called.marks, note: '划票符号出格，是否有效须认定' } } }));
        const decision = r.chance(0.7) ? called : { void: 'unreadable' as const };
        runAsCaller(ruling, () => ruleDoubtful(ctx, { round, box: box.id, position, ruling: decision, approval, reason: r.chance(0.7) ? '符号虽出格但意思清楚，按所划计票' : '无法辨认投票意向，作废' }));
        doubtful += 1;
      } else if (r.chance(0.001)) {
        // Entered wrongly (the counter clicked the wrong thing), caught by the scrutineer and corrected.
        const wrong: BallotContent = 'void' in called ? { marks: {} } : { void: 'other' };
        const { position } = runAsCaller(entering, () => enterBallot(ctx, { ...base, ballot: wrong }));
        runAsCaller(entering, () => correctBallot(ctx, { round, box: box.id, position, ballot: called, reason: '监票人核对唱票时发现录入错误，予以更正' }));
        corrections += 1;
      } else {
        runAsCaller(entering, () => enterBallot(ctx, { ...base, ballot: called }));
      }
      report(++done);
    }
    runAsCaller(entering, () => finishBox(ctx, { round, box: box.id }));
  }
  await yieldToEventLoop();
  clock.advance(600);
  const result = asStaff(ctx, opts.staff.chiefCounter, () => results(ctx, round));
  return { ballots: total, doubtful, corrections, result };
}
