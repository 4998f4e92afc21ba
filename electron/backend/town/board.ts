import { normalizeName } from '../../../shared/domain/names';
import { BODIES, type Body, type NextStep, type ProblemCode } from '../../../shared/record';
import type { ElectionFacts } from './facts';

/** Something a community still owes for one body, and the date the town expects it by. */
export interface OwedItem {
  /** rerun: the regular round was invalid; no-woman: nobody elected is a woman (a follow-up, not a round). */
  kind: 'rerun' | 'tie-revote' | 'supplementary' | 'no-woman';
  office: string | null;
  /** The office's title as the file names it (what people read; `office` is its id). */
  officeTitle: string | null;
  seats: number;
  names: string[];
  due: string;
}

export interface FiledFile {
  community: string;
  payloadHash: string;
  sequence: number;
  sealedAt: string;
  facts: ElectionFacts;
}

export interface BoardRow {
  community: string;
  body: Body;
  received: boolean;
  drill: boolean;
  payloadHash: string | null;
  sequence: number | null;
  rounds: Array<{ number: number; kind: string; valid: boolean }>;
  /** Whether the regular round is valid (null: nothing received). */
  valid: boolean | null;
  elected: number;
  seats: number;
  vacancies: number;
  minCommittee: number | null;
  belowMinimum: boolean;
  acting: { name: string; office: string; officeTitle: string } | null;
  women: number;
  warnings: ProblemCode[];
  /** unsigned: a round has no sign-off in force and the file names no override (not a file the app seals). */
  signoffs: 'complete' | 'overridden' | 'unsigned' | null;
  owed: OwedItem[];
}

export interface BoardFilter {
  owed?: boolean;
  missing?: boolean;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function emptyRow(community: string, body: Body): BoardRow {
  return {
    community, body, received: false, drill: false, payloadHash: null, sequence: null, rounds: [], valid: null, elected: 0, seats: 0,
    vacancies: 0, minCommittee: null, belowMinimum: false, acting: null, women: 0, warnings: [], signoffs: null, owed: [],
  };
}

/** The state of one election after all its filed rounds: who is elected per office, which tie re-votes are pending. */
export function fold(facts: ElectionFacts): { elected: Map<string, Set<string>>; ties: Map<string, NextStep>; women: Set<string> } {
  const elected = new Map(facts.offices.map((o) => [o.id, new Set<string>()]));
  const ties = new Map<string, NextStep>();
  const women = new Set<string>();
  for (const round of facts.rounds) {
    if (!round.valid) continue;
    for (const office of round.offices) ties.delete(office);
    for (const e of round.elected) for (const name of e.names) elected.get(e.office)?.add(name);
    for (const w of round.women) women.add(w);
    for (const step of round.nextSteps) if (step.kind === 'tie-revote') ties.set(step.office, step);
  }
  return { elected, ties, women };
}

/** One row of the board from the current (not superseded) file of a community's body. */
export function boardRow(community: string, file: FiledFile, followUpDays: number): BoardRow {
  const f = file.facts;
  const due = addDays(f.date, followUpDays);
  const regular = f.rounds[0]!;
  const seats = f.offices.reduce((n, o) => n + o.seats, 0);
  const row: BoardRow = {
    ...emptyRow(community, f.body),
    received: true,
    drill: f.drill,
    payloadHash: file.payloadHash,
    sequence: file.sequence,
    rounds: f.rounds.map((r) => ({ number: r.number, kind: r.kind, valid: r.valid })),
    valid: regular.valid,
    seats,
    vacancies: seats,
    minCommittee: f.minCommittee,
    warnings: [...new Set(f.rounds.flatMap((r) => r.warnings))],
    signoffs: f.overridden ? 'overridden' : f.unsignedRounds.length > 0 ? 'unsigned' : 'complete',
  };
  if (!regular.valid) {
    row.owed.push({ kind: 'rerun', office: null, officeTitle: null, seats, names: [], due });
    return row;
  }
  const { elected, ties, women } = fold(f);
  const titles = new Map(f.offices.map((o) => [o.id, o.title]));
  const titleOf = (office: string): string => titles.get(office) ?? office;
  const owed: OwedItem[] = [...ties.values()].map((t) => ({
    kind: 'tie-revote',
    office: t.office,
    officeTitle: titleOf(t.office),
    seats: t.seats,
    names: [...t.names],
    due,
  }));
  let total = 0;
  const vacantByOffice = f.offices.map((o) => {
    const filled = Math.min(elected.get(o.id)?.size ?? 0, o.seats);
    total += filled;
    return { office: o, vacant: o.seats - filled };
  });
  row.elected = total;
  row.vacancies = seats - total;
  row.belowMinimum = total < f.minCommittee;
  row.women = women.size;
  const rankOne = vacantByOffice[0];
  const acting = rankOne !== undefined && rankOne.vacant > 0 ? [...f.rounds].reverse().find((r) => r.acting !== null)?.acting : null;
  if (acting) row.acting = { ...acting, officeTitle: titleOf(acting.office) };
  if (row.belowMinimum) {
    for (const { office, vacant } of vacantByOffice) {
      const open = vacant - (ties.get(office.id)?.seats ?? 0);
      if (open <= 0) continue;
      const proposal = [...f.rounds].reverse().flatMap((r) => r.nextSteps).find((s) => s.kind === 'supplementary' && s.office === office.id);
      owed.push({ kind: 'supplementary', office: office.id, officeTitle: office.title, seats: open, names: proposal ? [...proposal.names] : [], due });
    }
  }
  if (f.requireWoman && row.women === 0) owed.push({ kind: 'no-woman', office: null, officeTitle: null, seats: 0, names: [], due });
  row.owed = owed;
  return row;
}

/**
 * The status board: one row per community × body, communities from the town's list and from the files received
 * (a file of a community not on the list still shows). Sorted by community, then body.
 */
export function buildBoard(communities: readonly string[], files: readonly FiledFile[], followUpDays: number, filter: BoardFilter = {}): BoardRow[] {
  const names = new Map<string, string>();
  for (const c of communities) names.set(normalizeName(c), c);
  const byKey = new Map<string, FiledFile>();
  for (const file of files) {
    const key = normalizeName(file.community);
    if (!names.has(key)) names.set(key, file.community);
    byKey.set(`${key}\u0000${file.facts.body}`, file);
  }
  const rows: BoardRow[] = [];
  for (const [key, community] of [...names].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))) {
    for (const body of BODIES) {
      const file = byKey.get(`${key}\u0000${body}`);
      rows.push(file ? boardRow(community, file, followUpDays) : emptyRow(community, body));
    }
  }
  return rows.filter((r) => {
    if (filter.owed && filter.missing) return !r.received || r.owed.length > 0;
    if (filter.owed) return r.owed.length > 0;
    if (filter.missing) return !r.received;
    return true;
  });
}
