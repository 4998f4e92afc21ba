import { ROUND_STATUSES, type RoundStatus } from './round';

/** The steps of election day in the order the committee takes them (the Start page's guided day). */
export const DAY_STEPS = ['setup', 'roll', 'certificates', 'open-voting', 'custody', 'close', 'count', 'results', 'sign', 'seal'] as const;
export type DayStep = (typeof DAY_STEPS)[number];

/** What the database says about the day, read in one go (services/day-progress.ts). */
export interface DayFacts {
  election: boolean;
  boxes: number;
  candidates: number;
  voters: number;
  /** The latest round; null before the election exists. */
  round: { number: number; status: RoundStatus } | null;
  /** Boxes of that round whose voting was started (or that the committee set aside). */
  boxesVoting: number;
  /** Boxes sealed after voting and checked at the central venue (ready to open, opened, or set aside). */
  boxesChecked: number;
  /** Boxes counted and accepted, or set aside, or never used (no ballot issued, not opened). */
  boxesCounted: number;
  /** Some box of the round is being counted (opened, not accepted yet). */
  countingUnderway: boolean;
  resultStored: boolean;
  /** Sign-offs sealing still needs for the stored result (0 when complete). */
  signaturesMissing: number;
  /** A sealed file was written since the round was last changed (the round's status is 'sealed'). */
  sealed: boolean;
}

/** Facts of a file with nothing in it yet: the start from which the service and tests fill in what they know. */
export const NO_DAY_FACTS: DayFacts = {
  election: false,
  boxes: 0,
  candidates: 0,
  voters: 0,
  round: null,
  boxesVoting: 0,
  boxesChecked: 0,
  boxesCounted: 0,
  countingUnderway: false,
  resultStored: false,
  signaturesMissing: 0,
  sealed: false,
};

/** 'overridden': the sign-off step when the file was sealed without every signature, by the committee's override. */
export const DAY_STEP_STATES = ['done', 'overridden', 'next', 'later'] as const;
export type DayStepState = (typeof DAY_STEP_STATES)[number];

export interface DayStepView {
  step: DayStep;
  state: DayStepState;
  /** How far a step that covers every box (or every signature) is: done of total; null for yes/no steps. */
  progress: { done: number; total: number } | null;
}

export interface DayProgress {
  round: number | null;
  next: DayStep | null;
  steps: DayStepView[];
}

function reached(status: RoundStatus | undefined, target: RoundStatus): boolean {
  return status !== undefined && ROUND_STATUSES.indexOf(status) >= ROUND_STATUSES.indexOf(target);
}

/**
 * Which steps are done, and the next one: the first step not done. A later step can be done before an earlier one
 * (the poll closed before the last box arrived); it stays done and the earlier one is still next. The certificates
 * leave no record when printed, so that step counts as done once voting has started. Sealed while sign-offs are still
 * missing can only be by the committee's override (two PINs and a reason): the signing step is then passed, but shown
 * as overridden, never as signed.
 */
export function dayProgress(f: DayFacts): DayProgress {
  const status = f.round?.status;
  const boxesPast = (n: number) => f.boxes > 0 && n >= f.boxes;
  const done: Record<DayStep, boolean> = {
    setup: f.election && f.boxes > 0 && f.candidates > 0,
    roll: f.voters > 0,
    certificates: reached(status, 'voting'),
    'open-voting': reached(status, 'voting') && (boxesPast(f.boxesVoting) || reached(status, 'closed')),
    custody: boxesPast(f.boxesChecked),
    close: reached(status, 'closed'),
    count: reached(status, 'counted') || (reached(status, 'closed') && !f.countingUnderway && boxesPast(f.boxesCounted)),
    results: f.resultStored,
    sign: f.resultStored && reached(status, 'signed') && f.signaturesMissing === 0,
    seal: f.sealed,
  };
  const progress: Partial<Record<DayStep, { done: number; total: number }>> =
    f.boxes > 0 && f.round
      ? {
          'open-voting': { done: Math.min(f.boxesVoting, f.boxes), total: f.boxes },
          custody: { done: Math.min(f.boxesChecked, f.boxes), total: f.boxes },
          count: { done: Math.min(f.boxesCounted, f.boxes), total: f.boxes },
        }
      : {};
  const overridden: Partial<Record<DayStep, boolean>> = { sign: f.sealed && f.resultStored && f.signaturesMissing > 0 };
  const next = DAY_STEPS.find((s) => !done[s] && !overridden[s]) ?? null;
  return {
    round: f.round?.number ?? null,
    next,
    steps: DAY_STEPS.map((step) => ({
      step,
      state: done[step] ? 'done' : overridden[step] ? 'overridden' : step === next ? 'next' : 'later',
      progress: progress[step] ?? null,
    })),
  };
}
