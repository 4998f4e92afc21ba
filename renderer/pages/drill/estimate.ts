import type { StartDrillInput } from '../../../shared/api/drill';

/**
 * A rough length of a drill on a modest laptop, told to the officials while they wait (the bar itself follows the
 * backend's own progress; measured on a shared 2-core machine: 5,000 voters ≈ 3.4 s complete,
 * ≈ 0.5 s ready to vote; 300 voters ≈ 1.1 s complete).
 */
export function estimatedSeconds(input: Pick<StartDrillInput, 'voters' | 'stage'>): number {
  const perVoter = input.stage === 'complete' ? 0.0008 : 0.0002;
  return Math.max(2, Math.round(1 + input.voters * perVoter));
}
