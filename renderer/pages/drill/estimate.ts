import type { StartDrillInput } from '../../../shared/api/drill';

/**
 * A rough length of a drill on a modest laptop, told to the officials while they wait (the bar itself follows the
 * backend's own progress). Measured on a shared 2-core machine: complete 5,000 voters ≈ 3.4 s, 20,000 ≈ 22 s,
 * 50,000 ≈ 72 s (it grows faster than the roll: the boxes, the counting and the sealed file all grow with it);
 * ready to vote 5,000 ≈ 0.5 s, 50,000 ≈ 42 s (132 s with the machine loaded by other work).
 */
export function estimatedSeconds(input: Pick<StartDrillInput, 'voters' | 'stage'>): number {
  const n = input.voters;
  const seconds = input.stage === 'complete' ? 0.0006 * n + 1.7e-8 * n * n : 0.0002 * n + 1.2e-8 * n * n;
  return Math.max(2, Math.round(1 + seconds));
}
