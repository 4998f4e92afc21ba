import type { RoundKind } from '../record';
import type { RuleProfile } from './profile';

/**
 * Vote thresholds as the smallest whole vote count that meets each rule (never below 1: nobody is elected
 * with no votes). A person meets a threshold when votes >= threshold.
 */

/** Regular round (DOMAIN.md §7.3): votes × 2 > participants. */
export function majorityThreshold(participants: number): number {
  return Math.floor(participants / 2) + 1;
}

/** Tie re-vote (§7.4): 'over-third-of-participants' is votes × 3 > participants; 'none' is most votes (1). */
export function tieRevoteThreshold(rule: RuleProfile['tieRevoteThreshold'], participants: number): number {
  return rule === 'over-third-of-participants' ? Math.floor(participants / 3) + 1 : 1;
}

/** Supplementary election (§7.4): 'third-of-ballots-cast' is votes × 3 >= ballots cast; 'none' is most votes (1). */
export function supplementaryThreshold(rule: RuleProfile['supplementaryThreshold'], ballotsCast: number): number {
  return rule === 'third-of-ballots-cast' ? Math.max(1, Math.ceil(ballotsCast / 3)) : 1;
}

/** The threshold of a round of the given kind. */
export function roundThreshold(
  round: RoundKind,
  profile: Pick<RuleProfile, 'tieRevoteThreshold' | 'supplementaryThreshold'>,
  participants: number,
  ballotsCast: number,
): number {
  switch (round) {
    case 'regular':
      return majorityThreshold(participants);
    case 'tie-revote':
      return tieRevoteThreshold(profile.tieRevoteThreshold, participants);
    case 'supplementary':
      return supplementaryThreshold(profile.supplementaryThreshold, ballotsCast);
  }
}
