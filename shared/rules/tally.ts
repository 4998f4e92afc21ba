/**
 * The result (cer-result/1) of one round (cer/1): DOMAIN.md §7 with the rule profile of §9.
 *
 * Decisions where the documents are silent:
 * - Validity (§7.1): ballotsCast is every ballot in the record, void ones included. An invalid round elects nobody
 *   (every status 'not-elected', vacant = seats, acting null, no nextSteps) but still reports counts, per-person
 *   votes, voidSections and the threshold.
 * - Reading (§7.2): persons voted for in a section = listed candidates marked `for` ∪ distinct normalized write-ins.
 *   A write-in equal to a listed candidate of that office is a vote for that candidate and beats an `against` mark
 *   for the same candidate; a write-in equal to a candidate of another office is a write-in person of this office.
 *   Overvote is checked first; 'void-ballot' voids the whole ballot. Then the same person voted for in two valid
 *   sections: 'void-ballot' voids the ballot, 'count-higher-office' keeps the vote in the lowest rank number and
 *   drops it elsewhere (a dropped listed candidate abstains there). voidSections counts only sections of ballots that
 *   stay valid. A write-in person appears in the results only once a vote for them is counted; their name is the
 *   normalized name, so the result does not depend on ballot order or spelling variants.
 * - Offices are processed and reported in rank order. In every kind of round a person (normalized name) already
 *   elected to a higher office is 'elected-higher-office' in lower ones and skipped. Persons tied for one office
 *   may still be elected to a lower office in the same round.
 * - Regular round: threshold floor(p/2)+1. Straddling equal votes at the last seat: those strictly above are
 *   elected, the equal ones are 'tied' with a required tie-revote for the remaining seats; otherwise vacant seats
 *   get a supplementary nextStep whose names are the office's persons not elected anywhere and not tied anywhere,
 *   most votes first, vacant + 1 of them with everyone equal to the last included (listed candidates with 0 votes
 *   included when needed); required = distinct persons elected < minCommittee.
 * - acting: residents, valid regular round, nobody elected to the highest office: the first elected person of the
 *   next office (by rank) that has anyone elected (results order: most votes, then stroke order).
 * - no-woman-elected: valid regular round with requireWoman, when no elected person's normalized name equals a
 *   candidate (of any office) with gender 'female'.
 * - insufficient-candidate-margin: regular rounds, valid or not, one warning per office short of the margin.
 * - Later rounds: tie-revote threshold floor(p/3)+1 or 1, supplementary ceil(ballotsCast/3) (at least 1) or 1; a
 *   straddling tie gives a further required tie-revote; unfilled seats stay vacant with no supplementary nextStep.
 * - Nobody is elected with 0 votes. Results per office: most `for` first, equal by surname stroke order.
 */
import { normalizeName } from '../domain/names';
import type { CerRecord, CerResult, NextStep, OfficeResult, PersonResult, PersonStatus, Problem } from '../record';
import { checkCandidateMargins } from './margins';
import { makeProblem } from './messages';
import { resolveProfile } from './profile';
import { readBallots, type OfficeTally, type PersonTally } from './read-ballots';
import { allocateSeats, topWithTies } from './seats';
import { compareStrokeKeys, strokeSortKey } from './stroke-order';
import { roundThreshold } from './thresholds';
import { roundValidity } from './validity';

interface OfficeOutcome {
  tally: OfficeTally;
  ranked: PersonTally[];
  status: Map<PersonTally, PersonStatus>;
  elected: PersonTally[];
  tied: PersonTally[];
  tieSeats: number;
  vacant: number;
}

/** Most votes first, equal votes in surname stroke order; each name is prepared for comparison once. */
function rankPersons(persons: readonly PersonTally[]): PersonTally[] {
  return persons
    .map((p) => ({ p, key: strokeSortKey(p.name) }))
    .sort((x, y) => y.p.for - x.p.for || compareStrokeKeys(x.key, y.key))
    .map((x) => x.p);
}

export function tally(record: CerRecord): CerResult {
  const totalSeats = record.offices.reduce((n, o) => n + o.seats, 0);
  const profile = resolveProfile(record.election, record.rules, totalSeats);
  const reading = readBallots(record, profile);
  const counts = {
    registered: record.election.registered,
    participants: record.participants,
    ballotsCast: record.ballots.length,
    voidBallots: reading.voidBallots,
  };
  const validity = roundValidity(record.election, counts);
  const threshold = roundThreshold(record.round, profile, counts.participants, counts.ballotsCast);
  const regular = record.round === 'regular';

  const outcomes = allocateOffices(reading.offices, validity.valid ? threshold : Infinity);

  const problems: Problem[] = [...validity.problems];
  if (regular) {
    for (const s of checkCandidateMargins(record.election.body, record.offices, record.candidates)) {
      problems.push(
        makeProblem('insufficient-candidate-margin', {
          zh: `${s.office} 应选 ${s.seats} 名，候选人 ${s.candidates} 名，至少需要 ${s.required} 名`,
          en: `${s.office}: ${s.seats} seat(s), ${s.candidates} candidate(s), at least ${s.required} needed`,
        }),
      );
    }
  }

  const electedKeys = new Set(outcomes.flatMap((o) => o.elected.map((p) => p.key)));
  if (validity.valid && regular && profile.requireWoman) {
    const women = new Set(record.candidates.filter((c) => c.gender === 'female').map((c) => normalizeName(c.name)));
    if (![...electedKeys].some((k) => women.has(k))) problems.push(makeProblem('no-woman-elected'));
  }

  const nextSteps: NextStep[] = [];
  if (validity.valid) {
    const tiedKeys = new Set(outcomes.flatMap((o) => o.tied.map((p) => p.key)));
    const required = electedKeys.size < profile.minCommittee;
    for (const o of outcomes) {
      if (o.tieSeats > 0) {
        nextSteps.push({
          kind: 'tie-revote',
          office: o.tally.office.id,
          seats: o.tieSeats,
          names: o.tied.map((p) => p.name),
          required: true,
        });
      }
      if (regular && o.vacant > 0) {
        const open = o.ranked.filter((p) => !electedKeys.has(p.key) && !tiedKeys.has(p.key));
        nextSteps.push({
          kind: 'supplementary',
          office: o.tally.office.id,
          seats: o.vacant,
          names: topWithTies(open, (p) => p.for, o.vacant + 1).map((p) => p.name),
          required,
        });
      }
    }
  }

  let acting: CerResult['acting'] = null;
  if (validity.valid && regular && record.election.body === 'residents' && outcomes[0]?.elected.length === 0) {
    const next = outcomes.slice(1).find((o) => o.elected.length > 0);
    if (next) acting = { name: next.elected[0]!.name, office: next.tally.office.id };
  }

  return {
    format: 'cer-result/1',
    valid: validity.valid,
    problems,
    counts,
    offices: outcomes.map((o) => officeResult(o, threshold)),
    acting,
    nextSteps,
  };
}

/** Fills offices in rank order; a threshold of Infinity elects nobody (invalid round). */
function allocateOffices(tallies: readonly OfficeTally[], threshold: number): OfficeOutcome[] {
  const electedSoFar = new Set<string>();
  return tallies.map((tally) => {
    const ranked = rankPersons(tally.persons);
    const status = new Map<PersonTally, PersonStatus>(ranked.map((p) => [p, 'not-elected']));
    const eligible = ranked.filter((p) => {
      if (!electedSoFar.has(p.key)) return true;
      status.set(p, 'elected-higher-office');
      return false;
    });
    const seats = tally.office.seats;
    const { elected, tied, tieSeats } = allocateSeats(eligible, (p) => p.for, seats, threshold);
    for (const p of elected) status.set(p, 'elected');
    for (const p of tied) status.set(p, 'tied');
    for (const p of elected) electedSoFar.add(p.key);
    return { tally, ranked, status, elected, tied, tieSeats, vacant: seats - elected.length - tieSeats };
  });
}

function officeResult(o: OfficeOutcome, threshold: number): OfficeResult {
  const results: PersonResult[] = o.ranked.map((p) => {
    const status = o.status.get(p) ?? 'not-elected';
    return p.candidate === undefined
      ? { name: p.name, for: p.for, against: 0, abstain: 0, status }
      : { name: p.name, candidate: p.candidate, for: p.for, against: p.against, abstain: p.abstain, status };
  });
  return {
    office: o.tally.office.id,
    seats: o.tally.office.seats,
    threshold,
    voidSections: o.tally.voidSections,
    results,
    elected: o.elected.map((p) => p.name),
    vacant: o.vacant,
  };
}
