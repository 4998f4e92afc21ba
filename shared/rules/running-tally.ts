import type { Ballot, CerRecord, SectionMarks, VoidReason } from '../record';
import { readBallots } from './read-ballots';

/**
 * The running tally shown while ballots are called: the entered ballots read by the same rules the result uses
 * (overvoted sections, the same person in two offices). Doubtful ballots count once the committee has ruled; until
 * then they are only counted as pending. The official result is computed by the results service, not from this.
 *
 * Reading is ballot by ballot, so the tally of a sheet is the sum of the tallies of its ballots: the backend reads a
 * whole sheet once and the counting screen adds each ballot entered since (addTallies), whatever the box's size.
 */
export interface RunningTally {
  offices: { id: string; title: string; seats: number; persons: { name: string; listed: boolean; for: number; against: number }[]; voidSections: number }[];
  ballots: number;
  voidBallots: number;
  pendingDoubtful: number;
}

export interface TallyRules {
  overvote: 'void-section' | 'void-ballot';
  samePersonInTwoOffices: 'void-ballot' | 'count-higher-office';
}

/** An office of the round's ballot with its candidates. */
export interface TallyOffice {
  id: string;
  title: string;
  seats: number;
  rank: number;
  candidates: readonly { id: string; name: string }[];
}

type Marks = Record<string, SectionMarks>;
type Reading = { marks: Marks } | { void: VoidReason };

/** A ballot as entered: read marks, void, or doubtful — counted as the committee ruled, pending until then. */
export interface EnteredBallotContent {
  content: Reading | { doubtful: { marks?: Marks | undefined } };
  ruling: { decision: Reading } | null;
}

export function runningTally(offices: readonly TallyOffice[], ballots: Iterable<EnteredBallotContent>, rules: TallyRules): RunningTally {
  const read: Ballot[] = [];
  let pendingDoubtful = 0;
  let entered = 0;
  for (const b of ballots) {
    entered++;
    const c = 'doubtful' in b.content ? b.ruling?.decision : b.content;
    if (c === undefined) {
      pendingDoubtful++;
      continue;
    }
    read.push('void' in c ? { box: '-', void: c.void } : { box: '-', marks: c.marks });
  }
  const record = {
    format: 'cer/1',
    election: { title: '', body: 'residents', method: 'direct', registered: 0 },
    round: 'regular',
    offices: offices.map((o) => ({ id: o.id, title: o.title, seats: o.seats, rank: o.rank })),
    candidates: offices.flatMap((o) => o.candidates.map((c) => ({ id: c.id, name: c.name, office: o.id }))),
    participants: 0,
    ballots: read,
  } as CerRecord;
  const reading = readBallots(record, rules);
  const byId = new Map(reading.offices.map((o) => [o.office.id, o]));
  return {
    offices: offices.map((o) => {
      const tally = byId.get(o.id);
      return {
        id: o.id,
        title: o.title,
        seats: o.seats,
        voidSections: tally?.voidSections ?? 0,
        persons: (tally?.persons ?? []).map((p) => ({ name: p.name, listed: p.candidate !== undefined, for: p.for, against: p.against })),
      };
    }),
    ballots: entered,
    voidBallots: reading.voidBallots,
    pendingDoubtful,
  };
}

/**
 * The tally of two disjoint sets of ballots of the same round: `more` added to `base`. Persons are matched by name and
 * whether listed; a write-in person new in `more` comes after those already in `base` (the order readBallots gives).
 */
export function addTallies(base: RunningTally, more: RunningTally): RunningTally {
  const moreById = new Map(more.offices.map((o) => [o.id, o]));
  const key = (p: { name: string; listed: boolean }) => `${p.listed ? 'L' : 'W'}:${p.name}`;
  return {
    offices: base.offices.map((o) => {
      const extra = moreById.get(o.id);
      if (!extra) return o;
      const added = new Map(extra.persons.map((p) => [key(p), p]));
      const persons = o.persons.map((p) => {
        const e = added.get(key(p));
        added.delete(key(p));
        return e ? { ...p, for: p.for + e.for, against: p.against + e.against } : p;
      });
      for (const p of added.values()) if (p.for > 0 || p.against > 0 || p.listed) persons.push({ ...p });
      return { ...o, voidSections: o.voidSections + extra.voidSections, persons };
    }),
    ballots: base.ballots + more.ballots,
    voidBallots: base.voidBallots + more.voidBallots,
    pendingDoubtful: base.pendingDoubtful + more.pendingDoubtful,
  };
}
