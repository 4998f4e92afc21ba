import type { DrillOutcomeView } from '../../../shared/api/drill';

/**
 * The last drill's summary (with its practice certificates), kept for this browser session so the Drill page shows it
 * again after a visit to the Desk. Keyed by the election title; the backend stays the authority on what is open.
 */
const KEY = 'station.drillOutcome';

export function rememberOutcome(outcome: DrillOutcomeView): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(outcome));
  } catch {
    /* storage full or denied: the summary is a convenience */
  }
}

/** The remembered summary of the drill with this title (any title when null). */
export function recallOutcome(title: string | null): DrillOutcomeView | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const outcome = JSON.parse(raw) as DrillOutcomeView;
    return title === null || outcome.election === title ? outcome : null;
  } catch {
    return null;
  }
}

export function forgetOutcome(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* nothing to forget */
  }
}
