import type { Body, Candidate, CerRecord, CerResult, NextStep, ProblemCode } from '../../../shared/record';
import { resolveProfile } from '../../../shared/rules/profile';
import type { SealedPayload } from '../seal';

/**
 * What the status board needs from one sealed file, taken from its payload when the file is received (stored as
 * JSON beside the file's bytes, so the board never re-reads every ballot).
 */
export interface ElectionFacts {
  body: Body;
  date: string;
  minCommittee: number;
  requireWoman: boolean;
  overridden: boolean;
  /** Rounds with no sign-off in force (a file the app seals has none without an override). */
  unsignedRounds: number[];
  /** A rehearsal's file (the election definition says drill): filed and shown, marked as a drill. */
  drill: boolean;
  /** Offices of the regular round, highest rank first. */
  offices: Array<{ id: string; title: string; rank: number; seats: number }>;
  rounds: RoundFacts[];
  /**
   * Every candidate of the file's rounds by name, with the optional facts the structure report uses (first round
   * naming a person wins). Absent in facts stored before these fields existed.
   */
  people?: PersonFacts[];
}

export type PersonFacts = Pick<Candidate, 'name' | 'gender' | 'birthYear' | 'education' | 'politicalStatus' | 'personKey'>;

function peopleOf(records: readonly CerRecord[]): PersonFacts[] {
  const byName = new Map<string, PersonFacts>();
  for (const record of records) {
    for (const { id: _id, office: _office, ...person } of record.candidates) if (!byName.has(person.name)) byName.set(person.name, person);
  }
  return [...byName.values()];
}

export interface RoundFacts {
  number: number;
  kind: CerRecord['round'];
  valid: boolean;
  warnings: ProblemCode[];
  /** Offices on this round's ballot. */
  offices: string[];
  elected: Array<{ office: string; names: string[] }>;
  /** Elected persons who stood as candidates with gender "female". */
  women: string[];
  acting: CerResult['acting'];
  nextSteps: NextStep[];
}

function roundFacts(number: number, record: CerRecord, result: CerResult): RoundFacts {
  const female = new Set(record.candidates.filter((c) => c.gender === 'female').map((c) => c.name));
  const elected = result.offices.map((o) => ({ office: o.office, names: [...o.elected] }));
  return {
    number,
    kind: record.round,
    valid: result.valid,
    warnings: result.problems.filter((p) => p.severity === 'warning').map((p) => p.code),
    offices: record.offices.map((o) => o.id),
    elected,
    women: elected.flatMap((e) => e.names.filter((n) => female.has(n))),
    acting: result.acting,
    nextSteps: result.nextSteps,
  };
}

/** The facts of a verified payload (its first round is the regular one, which sets offices and rules). */
export function electionFacts(payload: SealedPayload): ElectionFacts {
  const first = payload.rounds[0]!.record;
  const seats = first.offices.reduce((n, o) => n + o.seats, 0);
  const profile = resolveProfile(first.election, first.rules, seats);
  const date = payload.election.date;
  return {
    body: first.election.body,
    date: typeof date === 'string' ? date : payload.sealedAt.slice(0, 10),
    minCommittee: profile.minCommittee,
    requireWoman: profile.requireWoman,
    overridden: payload.override !== undefined,
    unsignedRounds: payload.rounds.filter((r) => !payload.signoffs.some((x) => x.round === r.number && x.revoked === undefined)).map((r) => r.number),
    drill: payload.election.drill === true,
    offices: [...first.offices].sort((a, b) => a.rank - b.rank).map((o) => ({ id: o.id, title: o.title, rank: o.rank, seats: o.seats })),
    rounds: payload.rounds.map((r) => roundFacts(r.number, r.record, r.result)),
    people: peopleOf(payload.rounds.map((r) => r.record)),
  };
}
