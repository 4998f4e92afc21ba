import type { Ballot, SectionMarks, VoidReason } from '../../../shared/record/cer';
import type { Rng } from './prng';

/** What is on a ballot, as the drill needs it: offices in rank order with their candidates. */
export interface DrillBallotOffice {
  id: string;
  seats: number;
  candidates: { id: string; name: string }[];
}

/** How voters lean: a weight per candidate id (higher is more popular). */
export type Popularity = Map<string, number>;

/** Rates of the unusual things officials must practise handling, per ballot or per section. */
export interface MarkRates {
  voidBallot: number;
  blankSection: number;
  overvote: number;
  writeIn: number;
  against: number;
  sameNameTwice: number;
}

export const DEFAULT_MARK_RATES: MarkRates = {
  voidBallot: 0.008,
  blankSection: 0.03,
  overvote: 0.012,
  writeIn: 0.025,
  against: 0.04,
  sameNameTwice: 0.002,
};

/** Write-in names voters use (另选他人): a few local favourites, and now and then someone else. */
export function writeInPool(rng: Rng, names: () => string): string[] {
  return Array.from({ length: 3 + rng.int(0, 2) }, names);
}

/** Random popularity: a clear favourite now and then, a close race other times. */
export function drawPopularity(rng: Rng, offices: readonly DrillBallotOffice[]): Popularity {
  const p: Popularity = new Map();
  for (const o of offices) for (const c of o.candidates) p.set(c.id, 0.3 + rng.next() * 1.2);
  return p;
}

function chooseFor(rng: Rng, office: DrillBallotOffice, popularity: Popularity, howMany: number): string[] {
  const pool = office.candidates.map((c) => [c.id, popularity.get(c.id) ?? 1] as [string, number]);
  const chosen: string[] = [];
  while (chosen.length < howMany && pool.length > 0) {
    const id = rng.weighted(pool);
    chosen.push(id);
    pool.splice(pool.findIndex(([x]) => x === id), 1);
  }
  return chosen;
}

/**
 * One ballot as a voter might fill it in: mostly valid, voting for up to `seats` candidates per section by
 * popularity; now and then a blank section, an overvoted section, a write-in, an "against" mark, the same person
 * written into two offices, or a ballot the committee voids as a whole.
 */
export function drawBallot(
  rng: Rng,
  box: string,
  offices: readonly DrillBallotOffice[],
  popularity: Popularity,
  writeIns: readonly string[],
  rates: MarkRates = DEFAULT_MARK_RATES,
): Ballot {
  if (rng.chance(rates.voidBallot)) {
    const reason: VoidReason = rng.weighted([['unreadable', 6], ['identifying-mark', 3], ['other', 1]]);
    return { box, void: reason };
  }
  const marks: Record<string, SectionMarks> = {};
  for (const o of offices) {
    if (rng.chance(rates.blankSection)) {
      marks[o.id] = {};
      continue;
    }
    const section: SectionMarks = {};
    let howMany = Math.min(o.seats, o.candidates.length);
    // Most voters use every vote they have; some give fewer.
    if (howMany > 1 && rng.chance(0.15)) howMany = rng.int(1, howMany - 1);
    const overvote = rng.chance(rates.overvote);
    const writeIn = writeIns.length > 0 && rng.chance(rates.writeIn);
    let forIds = chooseFor(rng, o, popularity, overvote ? o.candidates.length : howMany - (writeIn ? 1 : 0));
    if (overvote && forIds.length <= o.seats) forIds = forIds.slice(0, o.seats); // not enough candidates to overvote
    if (forIds.length > 0) section.for = forIds;
    if (writeIn) section.writeIns = [rng.pick(writeIns)];
    if (overvote && forIds.length <= o.seats && writeIns.length > 0) section.writeIns = [...(section.writeIns ?? []), rng.pick(writeIns)];
    const against = o.candidates.filter((c) => !forIds.includes(c.id) && rng.chance(rates.against)).map((c) => c.id);
    if (against.length > 0) section.against = against;
    marks[o.id] = section;
  }
  if (offices.length > 1 && rng.chance(rates.sameNameTwice)) {
    // The same person voted for in two offices: written into the last section a second time.
    const first = offices[0]!;
    const last = offices[offices.length - 1]!;
    const person = first.candidates[0];
    if (person !== undefined) {
      marks[first.id] = { for: [person.id] };
      marks[last.id] = { ...marks[last.id], writeIns: [...(marks[last.id]?.writeIns ?? []), person.name] };
    }
  }
  return { box, marks };
}
