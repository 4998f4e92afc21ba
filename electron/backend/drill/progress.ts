/** Progress of a drill: the phase, and how far through it (0–100). */
export interface DrillProgress {
  phase: DrillPhase;
  percent: number;
  detail?: string;
}

export const DRILL_PHASES = ['setup', 'roll', 'proxies', 'voting', 'custody', 'counting', 'results', 'signoff', 'seal'] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number];

export type ProgressListener = (p: DrillProgress) => void;

/** Calls the listener at most once per whole percent, plus at 0 and 100. */
export function phaseReporter(listener: ProgressListener | undefined, phase: DrillPhase, total: number) {
  let last = -1;
  const report = (done: number, detail?: string): void => {
    if (!listener) return;
    const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
    if (percent === last && done !== total) return;
    last = percent;
    listener(detail === undefined ? { phase, percent } : { phase, percent, detail });
  };
  report(0);
  return report;
}
