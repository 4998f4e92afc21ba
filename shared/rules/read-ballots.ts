import { normalizeName } from '../domain/names';
import { isVoidBallot, type Candidate, type CerRecord, type MarkedBallot, type Office } from '../record';
import type { RuleProfile } from './profile';

/** One person's votes for one office. Write-in persons have no candidate id and never get against/abstain. */
export interface PersonTally {
  /** Normalized name: how persons are told apart (DOMAIN.md §7.2). */
  key: string;
  /** The listed candidate's name as given, or the normalized write-in name. */
  name: string;
  candidate?: string;
  for: number;
  against: number;
  abstain: number;
}

export interface OfficeTally {
  office: Office;
  /** Listed candidates first (in record order), then write-in persons in order of first counted vote. */
  persons: PersonTally[];
  voidSections: number;
}

export interface BallotReading {
  /** In rank order, highest office (lowest rank number) first. */
  offices: OfficeTally[];
  /** Ballots void as a whole: committee ruling, overvote under 'void-ballot', the same person in two offices. */
  voidBallots: number;
}

interface SectionVotes {
  /** Persons voted for, by normalized name: listed candidates marked or written in, and write-in persons. */
  forKeys: Set<string>;
  /** Listed candidates marked against and not also written in (null: none). */
  againstKeys: Set<string> | null;
}

interface OfficeContext {
  office: Office;
  keyById: Map<string, string>;
  tally: OfficeTally;
  personByKey: Map<string, PersonTally>;
  /** Ballots counted with this section valid or blank: every listed candidate not voted for or against abstains. */
  sectionsCounted: number;
}

/** Reads every ballot of a round per DOMAIN.md §7.2 and the profile's overvote / same-person rules. */
export function readBallots(record: CerRecord, profile: Pick<RuleProfile, 'overvote' | 'samePersonInTwoOffices'>): BallotReading {
  const contexts = [...record.offices].sort((a, b) => a.rank - b.rank).map((office) => officeContext(office, record.candidates));
  let voidBallots = 0;
  for (const ballot of record.ballots) {
    if (isVoidBallot(ballot) || !countBallot(ballot, contexts, profile)) voidBallots++;
  }
  // Abstentions are derived once at the end, so the cost is ballots × marks, not ballots × candidates.
  for (const ctx of contexts) {
    for (const person of ctx.tally.persons) {
      if (person.candidate !== undefined) person.abstain = ctx.sectionsCounted - person.for - person.against;
    }
  }
  return { offices: contexts.map((c) => c.tally), voidBallots };
}

function officeContext(office: Office, candidates: readonly Candidate[]): OfficeContext {
  const listed = candidates.filter((c) => c.office === office.id);
  const persons: PersonTally[] = listed.map((c) => ({
    key: normalizeName(c.name),
    name: c.name,
    candidate: c.id,
    for: 0,
    against: 0,
    abstain: 0,
  }));
  return {
    office,
    keyById: new Map(listed.map((c) => [c.id, normalizeName(c.name)])),
    tally: { office, persons, voidSections: 0 },
    personByKey: new Map(persons.map((p) => [p.key, p])),
    sectionsCounted: 0,
  };
}

/** Counts one marked ballot; returns false (and counts nothing) when a rule voids the whole ballot. */
function countBallot(
  ballot: MarkedBallot,
  contexts: readonly OfficeContext[],
  profile: Pick<RuleProfile, 'overvote' | 'samePersonInTwoOffices'>,
): boolean {
  // Per context, in rank order: undefined = blank section, null = overvoted, else the section's votes.
  const sections: (SectionVotes | null | undefined)[] = new Array<SectionVotes | null | undefined>(contexts.length);
  let overvoted = false;
  let sectionsWithVotes = 0;
  for (let c = 0; c < contexts.length; c++) {
    const ctx = contexts[c]!;
    const marks = Object.hasOwn(ballot.marks, ctx.office.id) ? ballot.marks[ctx.office.id] : undefined;
    if (marks === undefined) continue;
    const forKeys = new Set<string>();
    for (const id of marks.for ?? NONE) {
      const key = ctx.keyById.get(id);
      if (key !== undefined) forKeys.add(key);
    }
    for (const name of marks.writeIns ?? NONE) {
      const key = normalizeName(name);
      if (key !== '') forKeys.add(key);
    }
    if (forKeys.size > ctx.office.seats) {
      sections[c] = null;
      overvoted = true;
      continue;
    }
    let againstKeys: Set<string> | null = null;
    for (const id of marks.against ?? NONE) {
      const key = ctx.keyById.get(id);
      if (key !== undefined && !forKeys.has(key)) (againstKeys ??= new Set<string>()).add(key);
    }
    sections[c] = { forKeys, againstKeys };
    if (forKeys.size > 0) sectionsWithVotes++;
  }
  if (overvoted && profile.overvote === 'void-ballot') return false;

  // The same person voted for in two valid sections.
  if (sectionsWithVotes > 1) {
    const seen = new Set<string>();
    for (const section of sections) {
      if (!section) continue;
      for (const key of section.forKeys) {
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        if (profile.samePersonInTwoOffices === 'void-ballot') return false;
        section.forKeys.delete(key); // sections are in rank order: the higher office keeps the vote
      }
    }
  }

  for (let c = 0; c < contexts.length; c++) {
    const ctx = contexts[c]!;
    const section = sections[c];
    if (section === null) {
      ctx.tally.voidSections++;
      continue;
    }
    ctx.sectionsCounted++;
    if (section === undefined) continue;
    if (section.againstKeys) for (const key of section.againstKeys) ctx.personByKey.get(key)!.against++;
    for (const key of section.forKeys) {
      let person = ctx.personByKey.get(key);
      if (person === undefined) {
        person = { key, name: key, for: 0, against: 0, abstain: 0 };
        ctx.personByKey.set(key, person);
        ctx.tally.persons.push(person);
      }
      person.for++;
    }
  }
  return true;
}

const NONE: readonly string[] = [];
