import { normalizeName } from '../domain/names';
import { isVoidBallot, type Ballot, type Candidate, type CerRecord, type MarkedBallot, type Office } from '../record';
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

interface OfficeContext {
  office: Office;
  keyById: Map<string, string>;
  tally: OfficeTally;
  personByKey: Map<string, PersonTally>;
  /** Ballots counted with this section valid or blank: every listed candidate not voted for or against abstains. */
  sectionsCounted: number;
  /**
   * The ballot being read, reused from ballot to ballot (a round has tens of thousands): its section for this office
   * and the persons it votes for and against, by normalized name. A section voting for more persons than seats is
   * overvoted as soon as that is known, so the lists stay as short as the seats.
   */
  section: Section;
  forKeys: KeyList;
  againstKeys: KeyList;
}

/** Names a section votes for or against: an array while short (nearly always), with a set beside it once long. */
class KeyList {
  readonly keys: string[] = [];
  private index: Set<string> | null = null;

  clear(): void {
    this.keys.length = 0;
    this.index = null;
  }

  has(key: string): boolean {
    return this.index !== null ? this.index.has(key) : this.keys.includes(key);
  }

  add(key: string): void {
    this.keys.push(key);
    if (this.index !== null) this.index.add(key);
    else if (this.keys.length > 16) this.index = new Set(this.keys);
  }

  /** Keeps the names `keep` accepts, in order; false as soon as it refuses one when `stopAtFirst`. */
  retain(keep: (key: string) => boolean, stopAtFirst: boolean): boolean {
    let kept = 0;
    for (const key of this.keys) {
      if (keep(key)) this.keys[kept++] = key;
      else if (stopAtFirst) return false;
      else this.index?.delete(key);
    }
    this.keys.length = kept;
    return true;
  }
}

const enum Section {
  Blank,
  Overvoted,
  Votes,
}

/** Reads every ballot of a round per DOMAIN.md §7.2 and the profile's overvote / same-person rules. */
export function readBallots(record: CerRecord, profile: Pick<RuleProfile, 'overvote' | 'samePersonInTwoOffices'>): BallotReading {
  const contexts = [...record.offices].sort((a, b) => a.rank - b.rank).map((office) => officeContext(office, record.candidates));
  let voidBallots = 0;
  // One ballot object may stand many times (a sealed file's reader shares repeated ballots): read once, counted as
  // often as it stands, in the order of first appearance (write-in persons are listed in that order).
  const times = new Map<Ballot, number>();
  for (const ballot of record.ballots) times.set(ballot, (times.get(ballot) ?? 0) + 1);
  for (const [ballot, n] of times) {
    if (isVoidBallot(ballot) || !countBallot(ballot, n, contexts, profile)) voidBallots += n;
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
    section: Section.Blank,
    forKeys: new KeyList(),
    againstKeys: new KeyList(),
  };
}

/** Counts one marked ballot `n` times; returns false (and counts nothing) when a rule voids the whole ballot. */
function countBallot(
  ballot: MarkedBallot,
  n: number,
  contexts: readonly OfficeContext[],
  profile: Pick<RuleProfile, 'overvote' | 'samePersonInTwoOffices'>,
): boolean {
  let overvoted = false;
  let sectionsWithVotes = 0;
  for (const ctx of contexts) {
    readSection(ctx, Object.hasOwn(ballot.marks, ctx.office.id) ? ballot.marks[ctx.office.id] : undefined);
    if (ctx.section === Section.Overvoted) overvoted = true;
    else if (ctx.forKeys.keys.length > 0) sectionsWithVotes++;
  }
  if (overvoted && profile.overvote === 'void-ballot') return false;

  // The same person voted for in two valid sections: contexts are in rank order, so the higher office keeps the vote.
  if (sectionsWithVotes > 1) {
    const voidBallot = profile.samePersonInTwoOffices === 'void-ballot';
    for (let c = 1; c < contexts.length; c++) {
      const ctx = contexts[c]!;
      if (ctx.section === Section.Votes && !ctx.forKeys.retain((key) => !votedForAbove(contexts, c, key), voidBallot)) return false;
    }
  }

  for (const ctx of contexts) {
    if (ctx.section === Section.Overvoted) {
      ctx.tally.voidSections += n;
      continue;
    }
    ctx.sectionsCounted += n;
    for (const key of ctx.againstKeys.keys) ctx.personByKey.get(key)!.against += n;
    for (const key of ctx.forKeys.keys) {
      let person = ctx.personByKey.get(key);
      if (person === undefined) {
        person = { key, name: key, for: 0, against: 0, abstain: 0 };
        ctx.personByKey.set(key, person);
        ctx.tally.persons.push(person);
      }
      person.for += n;
    }
  }
  return true;
}

/** Reads one office's section of a ballot into its context: blank, overvoted, or the persons voted for and against. */
function readSection(ctx: OfficeContext, marks: MarkedBallot['marks'][string] | undefined): void {
  ctx.forKeys.clear();
  ctx.againstKeys.clear();
  ctx.section = Section.Blank;
  if (marks === undefined) return;
  const seats = ctx.office.seats;
  for (const id of marks.for ?? NONE) {
    const key = ctx.keyById.get(id);
    if (key !== undefined && !addOnce(ctx.forKeys, key, seats)) return overvote(ctx);
  }
  for (const name of marks.writeIns ?? NONE) {
    const key = normalizeName(name);
    if (key !== '' && !addOnce(ctx.forKeys, key, seats)) return overvote(ctx);
  }
  ctx.section = Section.Votes;
  for (const id of marks.against ?? NONE) {
    const key = ctx.keyById.get(id);
    if (key !== undefined && !ctx.forKeys.has(key) && !ctx.againstKeys.has(key)) ctx.againstKeys.add(key);
  }
}

function overvote(ctx: OfficeContext): void {
  ctx.section = Section.Overvoted;
  ctx.forKeys.clear();
}

/** Adds a person once; false when that would make more persons than seats. */
function addOnce(list: KeyList, key: string, seats: number): boolean {
  if (list.has(key)) return true;
  if (list.keys.length >= seats) return false;
  list.add(key);
  return true;
}

function votedForAbove(contexts: readonly OfficeContext[], c: number, key: string): boolean {
  for (let above = 0; above < c; above++) {
    const ctx = contexts[above]!;
    if (ctx.section === Section.Votes && ctx.forKeys.has(key)) return true;
  }
  return false;
}

const NONE: readonly string[] = [];
