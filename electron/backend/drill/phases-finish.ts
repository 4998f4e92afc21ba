import type { LaterRoundKind } from '../services/rounds';
import { createNextRound } from '../services/rounds';
import type { RoundResultView } from '../../../shared/api/results';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { signResult } from '../services/signoff';
import type { BackendContext } from '../context';
import type { DrillClock } from './clock';
import type { DrillSigner } from './phases-setup';
import { phaseReporter, type ProgressListener } from './progress';
import { asStaff } from './staff';

/** The most rounds a drill plays: a regular round and a handful of further ones (a new tie asks for another). */
const MAX_ROUNDS = 6;

/**
 * Plays the further rounds the results ask for: each tie re-vote and supplementary election is created from the
 * result by the rounds service (the committee chair deciding where the law leaves it to the committee), voted,
 * counted and signed; its own result may ask for more.
 */
export async function runFurtherRounds(
  ctx: BackendContext,
  clock: DrillClock,
  first: RoundResultView,
  play: (round: number, hours: [string, string]) => Promise<RoundResultView>,
  approval: CommitteeApproval,
): Promise<RoundResultView[]> {
  const later: RoundResultView[] = [];
  const pending: { from: number; kind: LaterRoundKind }[] = [];
  const queue = (r: RoundResultView): void => {
    for (const kind of ['tie-revote', 'supplementary'] as const) {
      if (r.result.nextSteps.some((s) => s.kind === kind)) pending.push({ from: r.round, kind });
    }
  };
  queue(first);
  let hour = 18;
  while (pending.length > 0 && 1 + later.length < MAX_ROUNDS) {
    const step = pending.shift()!;
    clock.advance(1800);
    const round = asStaff(ctx, approval.person, () => createNextRound(ctx, {
      fromRound: step.from,
      kind: step.kind,
      approval,
      note: step.kind === 'tie-revote' ? '得票相等，依法再次投票' : '当选人数不足，依法另行选举',
    }));
    const start = `${String(Math.min(hour, 21)).padStart(2, '0')}:00`;
    const end = `${String(Math.min(hour, 21) + 1).padStart(2, '0')}:30`;
    hour += 2;
    const result = await play(round.number, [start, end]);
    later.push(result);
    queue(result);
  }
  return later;
}

/** Every signing official, then the committee chair, signs the round's result as themself with their own PIN. */
export function signRound(ctx: BackendContext, clock: DrillClock, result: RoundResultView, signers: DrillSigner[], onProgress?: ProgressListener): number {
  const report = phaseReporter(onProgress, 'signoff', signers.length, result.round);
  signers.forEach((s, i) => {
    clock.advance(45);
    asStaff(ctx, s.id, () => signResult(ctx, { round: result.round, role: s.role, pin: s.pin, resultHash: result.resultHash }));
    report(i + 1, `round ${result.round}`);
  });
  return signers.length;
}
