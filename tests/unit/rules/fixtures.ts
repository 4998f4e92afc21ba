import { parseCerRecord, type Body, type CerRecord, type CerResult, type Method, type OfficeResult, type PersonResult, type RoundKind, type RuleProfileInput } from '../../../shared/record';

/**
 * A compact way to write cer/1 records in tests. Ballot sections list names: "王芳" is a `for` mark of the listed
 * candidate, "-王芳" an `against` mark, "+赵磊" a write-in (text taken as is). 'void' is a committee-voided ballot.
 */
export type BallotSpec = 'void' | Record<string, string[]>;

export interface RecordSpec {
  body?: Body;
  method?: Method;
  registered?: number;
  /** Default: the number of ballots. */
  participants?: number;
  round?: RoundKind;
  rules?: RuleProfileInput;
  /** Ranks default to the position in this list (first = rank 1). */
  offices: Array<{ id: string; seats: number; rank?: number }>;
  /** Office id → candidate names (ids are generated: c1, c2, …). */
  candidates: Record<string, string[]>;
  /** Names of female candidates; every other candidate is male. */
  women?: string[];
  ballots: BallotSpec[];
}

export function many(n: number, ballot: BallotSpec): BallotSpec[] {
  return Array.from({ length: n }, () => ballot);
}

/**
 * Marked ballots for one office giving each name exactly `votes[name]` for-marks, at most `seats` names per ballot
 * (so no overvote), using as few ballots as possible, padded with blank ballots up to `total`.
 */
export function ballotsWithVotes(officeId: string, seats: number, votes: Record<string, number>, total: number): BallotSpec[] {
  const left = new Map(Object.entries(votes));
  const out: BallotSpec[] = [];
  for (;;) {
    const names = [...left].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, seats).map(([name]) => name);
    if (names.length === 0) break;
    for (const name of names) left.set(name, left.get(name)! - 1);
    out.push({ [officeId]: names });
  }
  if (out.length > total) throw new Error(`these votes need ${out.length} ballots, more than ${total}`);
  return [...out, ...many(total - out.length, {})];
}

/** Builds the record and runs it through the real cer/1 parser, so every fixture is a valid record. */
export function build(spec: RecordSpec): CerRecord {
  const candidates: CerRecord['candidates'] = [];
  const idOf = new Map<string, string>();
  for (const [office, names] of Object.entries(spec.candidates)) {
    for (const name of names) {
      const id = `c${candidates.length + 1}`;
      idOf.set(`${office}/${name}`, id);
      candidates.push({ id, name, office, gender: spec.women?.includes(name) ? 'female' : 'male' });
    }
  }
  const ballots: CerRecord['ballots'] = spec.ballots.map((b, i) => {
    if (b === 'void') return { box: 'central-1', void: 'unreadable' as const };
    const marks: Record<string, { for: string[]; against: string[]; writeIns: string[] }> = {};
    for (const [office, entries] of Object.entries(b)) {
      const section = { for: [] as string[], against: [] as string[], writeIns: [] as string[] };
      for (const e of entries) {
        if (e.startsWith('+')) section.writeIns.push(e.slice(1));
        else {
          const against = e.startsWith('-');
          const name = against ? e.slice(1) : e;
          const id = idOf.get(`${office}/${name}`);
          if (id === undefined) throw new Error(`fixture ballot ${i}: "${name}" is not a candidate of ${office}`);
          (against ? section.against : section.for).push(id);
        }
      }
      marks[office] = section;
    }
    return { box: 'central-1', marks };
  });
  const participants = spec.participants ?? ballots.length;
  return parseCerRecord({
    format: 'cer/1',
    election: {
      title: 'test',
      body: spec.body ?? 'residents',
      method: spec.method ?? 'direct',
      registered: spec.registered ?? participants,
    },
    ...(spec.rules ? { rules: spec.rules } : {}),
    round: spec.round ?? 'regular',
    offices: spec.offices.map((o, i) => ({ id: o.id, title: o.id, seats: o.seats, rank: o.rank ?? i + 1 })),
    candidates,
    participants,
    ballots,
  });
}

export function office(result: CerResult, id: string): OfficeResult {
  const o = result.offices.find((x) => x.office === id);
  if (!o) throw new Error(`no office ${id} in result`);
  return o;
}

export function person(result: CerResult, officeId: string, name: string): PersonResult {
  const p = office(result, officeId).results.find((r) => r.name === name);
  if (!p) throw new Error(`no ${name} in ${officeId}: ${office(result, officeId).results.map((r) => r.name).join(', ')}`);
  return p;
}

export function codes(result: CerResult): string[] {
  return result.problems.map((p) => p.code);
}
