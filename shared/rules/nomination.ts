import type { Body } from '../record';
import { allocateSeats } from './seats';

/**
 * Nomination to formal candidates (issue 12): the residents' representatives' meeting votes on the preliminary list
 * (初步候选人) and the formal candidates (正式候选人) are those with the most votes, as many as the office's seats plus
 * its margin (差额, DOMAIN.md §7.5).
 */

/** How many formal candidates an office may have: `max` null when the rule sets no upper bound. */
export interface FormalMargin {
  min: number;
  max: number | null;
}

/**
 * Residents and supervisory committees: the chair and vice-chair (a title naming 主任, or rank 1) exactly seats + 1,
 * members seats + 1 to seats + 2 (seed 002); the Party committee at least 1.2 × seats, no upper bound.
 */
export function formalMargin(body: Body, office: { title: string; rank: number; seats: number }): FormalMargin {
  if (body === 'party') return { min: Math.ceil((office.seats * 6) / 5), max: null };
  const chairLike = office.rank === 1 || office.title.includes('主任');
  return { min: office.seats + 1, max: office.seats + (chairLike ? 1 : 2) };
}

/** Whether `count` formal candidates are within the margin: 'too-few', 'too-many' or 'ok'. */
export function checkFormalCount(margin: FormalMargin, count: number): 'too-few' | 'too-many' | 'ok' {
  if (count < margin.min) return 'too-few';
  if (margin.max !== null && count > margin.max) return 'too-many';
  return 'ok';
}

export interface NominationOutcome<T> {
  /** Formal candidates by the count alone (most votes first). */
  formal: T[];
  /** Equal votes straddling the last place: the committee decides `tieSeats` of them. */
  tied: T[];
  tieSeats: number;
  /** Places left empty because fewer nominees received a vote than the formal count asks. */
  short: number;
}

/**
 * The top `formalCount` nominees by votes (a nominee without a vote is not a formal candidate), with the edge tie
 * the seat rule of the election itself finds (allocateSeats with no threshold).
 */
export function nominationOutcome<T>(nominees: readonly T[], votes: (t: T) => number, formalCount: number): NominationOutcome<T> {
  const ranked = [...nominees].sort((a, b) => votes(b) - votes(a));
  const { elected, tied, tieSeats } = allocateSeats(ranked, votes, formalCount, 0);
  const filled = elected.length + tieSeats;
  return { formal: elected, tied, tieSeats, short: Math.max(0, formalCount - filled) };
}
