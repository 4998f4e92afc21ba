import { DRILL_PHASES, type DrillPhase } from '../../../shared/api/drill';

export { DRILL_PHASES, type DrillPhase };

/** Progress of a drill: the phase, and how far through it (0–100). */
export interface DrillProgress {
  phase: DrillPhase;
  percent: number;
  detail?: string;
  /** The round being played (voting, counting, sign-off). */
  round?: number;
}

export type ProgressListener = (p: DrillProgress) => void;

/** Calls the listener at most once per whole percent, plus at 0 and 100. */
export function phaseReporter(listener: ProgressListener | undefined, phase: DrillPhase, total: number, round?: number) {
  let last = -1;
  const report = (done: number, detail?: string): void => {
    if (!listener) return;
    const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
    if (percent === last && done !== total) return;
    last = percent;
    listener({ phase, percent, ...(detail !== undefined ? { detail } : {}), ...(round !== undefined ? { round } : {}) });
  };
  report(0);
  return report;
}

/** How many voters or ballots a long loop handles between two yields to the event loop. */
export const YIELD_EVERY = 250;

/**
 * Lets the process answer other requests (the screen asking how far the drill is) before going on. Draws nothing and
 * changes nothing, so a drill with the same seed gives the same database however often it yields.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where each phase sits in the whole drill, as [start, end] fractions of one round or of the drill. */
const BEFORE_VOTING: Partial<Record<DrillPhase, [number, number]>> = { setup: [0, 0.02], roll: [0.02, 0.14], proxies: [0.14, 0.17] };
const READY_TO_VOTE: Partial<Record<DrillPhase, [number, number]>> = { setup: [0, 0.05], roll: [0.05, 0.8], proxies: [0.8, 0.9], voting: [0.9, 1] };
// Voting reports include the boxes' custody after it, counting the result after it.
const IN_ROUND: Partial<Record<DrillPhase, [number, number]>> = { voting: [0, 0.52], counting: [0.52, 0.97], signoff: [0.97, 1] };
const ROUNDS: [number, number] = [0.17, 0.96];

/**
 * Turns per-phase progress into a fraction of the whole drill that never goes back. Round 1 takes most of the rounds'
 * share; a further round (not known beforehand: the result asks for it) takes half of what is left before sealing.
 */
export function overallFraction(stage: 'complete' | 'ready-to-vote', p: DrillProgress): number {
  const within = Math.max(0, Math.min(1, p.percent / 100));
  const at = ([a, b]: [number, number]) => a + (b - a) * within;
  if (stage === 'ready-to-vote') return at(READY_TO_VOTE[p.phase] ?? [0.9, 1]);
  const before = BEFORE_VOTING[p.phase];
  if (before) return at(before);
  if (p.phase === 'seal') return at([ROUNDS[1], 1]);
  const round = p.round ?? 1;
  const [lo, hi] = ROUNDS;
  // Round 1 spans [lo, lo + 0.85 (hi - lo)]; round k ≥ 2 spans half of what round k-1 left.
  const firstEnd = lo + 0.85 * (hi - lo);
  let start = lo;
  let end = firstEnd;
  for (let k = 2; k <= round; k++) {
    start = end;
    end = end + (hi - end) / 2;
  }
  const [a, b] = IN_ROUND[p.phase] ?? [0, 1];
  return start + (end - start) * (a + (b - a) * within);
}
