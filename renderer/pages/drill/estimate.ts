import type { StartDrillInput } from '../../../shared/api/drill';

/**
 * A rough length of a drill on a modest laptop, for the waiting bar: the call answers only at the end, so the screen
 * shows the elapsed time against this estimate (measured on a shared 2-core machine: 5,000 voters ≈ 3.4 s complete,
 * ≈ 0.5 s ready to vote; 300 voters ≈ 1.1 s complete).
 */
export function estimatedSeconds(input: Pick<StartDrillInput, 'voters' | 'stage'>): number {
  const perVoter = input.stage === 'complete' ? 0.0008 : 0.0002;
  return Math.max(2, Math.round(1 + input.voters * perVoter));
}

/** The bar never claims to be done before the answer: it creeps towards 95% past the estimate. */
export function estimatedFraction(elapsed: number, estimate: number): number {
  if (elapsed <= estimate) return 0.9 * (elapsed / estimate);
  return 0.95 - 0.05 * Math.exp(-(elapsed - estimate) / estimate);
}
