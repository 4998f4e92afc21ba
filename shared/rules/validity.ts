import type { Body, Method, Problem } from '../record';
import { makeProblem } from './messages';

export interface RoundCounts {
  registered: number;
  participants: number;
  /** Every ballot taken out of the boxes, void ones included. */
  ballotsCast: number;
}

/** Whether the quorum of DOMAIN.md §7.1 is met (without the ballots-cast check). */
export function quorumMet(body: Body, method: Method, registered: number, participants: number): boolean {
  if (body === 'party') return participants * 5 > registered * 4;
  if (body === 'supervisory' && method === 'representative') return participants * 5 >= registered * 4;
  return participants * 2 > registered;
}

/** The quorum problem code for a body and method. */
export function quorumProblemCode(body: Body, method: Method): 'turnout-not-majority' | 'attendance-below-four-fifths' {
  return body === 'party' || (body === 'supervisory' && method === 'representative')
    ? 'attendance-below-four-fifths'
    : 'turnout-not-majority';
}

/** Validity of one round (DOMAIN.md §7.1): the quorum, and no more ballots cast than participants. */
export function roundValidity(
  election: { body: Body; method: Method },
  counts: RoundCounts,
): { valid: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const { registered, participants, ballotsCast } = counts;
  if (!quorumMet(election.body, election.method, registered, participants)) {
    problems.push(
      makeProblem(quorumProblemCode(election.body, election.method), {
        zh: `登记 ${registered}，参加 ${participants}`,
        en: `registered ${registered}, participants ${participants}`,
      }),
    );
  }
  if (ballotsCast > participants) {
    problems.push(
      makeProblem('ballots-exceed-participants', {
        zh: `收回 ${ballotsCast}，参加 ${participants}`,
        en: `ballots cast ${ballotsCast}, participants ${participants}`,
      }),
    );
  }
  return { valid: problems.length === 0, problems };
}
