import { normalizeName } from '../../../shared/domain/names';
import type { Education } from '../../../shared/record';
import { fold, type FiledFile } from './board';
import type { ElectionFacts, PersonFacts } from './facts';

/** Age bands at election day, by birth year (the record carries no birth date): ≤35, 36–45, 46–55, >55. */
export const AGE_BANDS = ['upTo35', '36to45', '46to55', 'over55'] as const;
export type AgeBand = (typeof AGE_BANDS)[number] | 'unknown';
export const COLLEGE_OR_ABOVE: readonly Education[] = ['college', 'bachelor', 'postgraduate'];

/** The make-up of one elected committee. */
export interface CommitteeProfile {
  members: number;
  women: number;
  ages: Record<AgeBand, number>;
  education: Record<Education | 'unknown', number>;
  collegeOrAbove: number;
  /** Members whose political status is party-member or probationary (中共党员、预备党员). */
  partyMembers: number;
  /** Members with no political status in the record. */
  statusUnknown: number;
}

/** How two elected persons were found to be the same: both records carry a person key, else by name. */
export type MatchBy = 'key' | 'name';

export interface StructureRow {
  community: string;
  drill: boolean;
  /** The files the row was made from (payload hashes). */
  residentsFile: string;
  partyFile: string;
  /** 一肩挑: the Party body's first-ranked office holder is also elected to the residents' first-ranked office. */
  oneShoulder: { name: string; by: MatchBy } | null;
  /** 交叉任职: persons elected to both committees. */
  crossServing: Array<{ name: string; by: MatchBy }>;
  residents: CommitteeProfile;
  party: CommitteeProfile;
}

export interface StructureReport {
  rows: StructureRow[];
  /** Communities with only one of the two results filed (not in the rows or totals yet). */
  incomplete: Array<{ community: string; missing: 'residents' | 'party' }>;
  totals: {
    communities: number;
    oneShoulder: number;
    oneShoulderByName: number;
    crossServing: number;
    crossServingByName: number;
    residents: CommitteeProfile;
    party: CommitteeProfile;
  };
  /** Payload hashes of every file the report was made from, in row order. */
  sources: string[];
}

interface Elected {
  name: string;
  person: PersonFacts | undefined;
}

function emptyProfile(): CommitteeProfile {
  return {
    members: 0,
    women: 0,
    ages: { upTo35: 0, '36to45': 0, '46to55': 0, over55: 0, unknown: 0 },
    education: { 'junior-or-below': 0, senior: 0, vocational: 0, college: 0, bachelor: 0, postgraduate: 0, unknown: 0 },
    collegeOrAbove: 0,
    partyMembers: 0,
    statusUnknown: 0,
  };
}

export function ageBand(birthYear: number | undefined, electionDate: string): AgeBand {
  if (birthYear === undefined) return 'unknown';
  const age = Number(electionDate.slice(0, 4)) - birthYear;
  return age <= 35 ? 'upTo35' : age <= 45 ? '36to45' : age <= 55 ? '46to55' : 'over55';
}

/** Everyone elected in the file's valid rounds, rank-1 office first, each with the facts its candidacy carried. */
function electedOf(facts: ElectionFacts): { first: Elected[]; all: Elected[]; women: Set<string> } {
  const people = new Map((facts.people ?? []).map((p) => [p.name, p]));
  const { elected, women } = fold(facts);
  const of = (office: string): Elected[] => [...(elected.get(office) ?? [])].map((name) => ({ name, person: people.get(name) }));
  const all = new Map<string, Elected>();
  for (const office of facts.offices) for (const e of of(office.id)) if (!all.has(e.name)) all.set(e.name, e);
  const first = facts.offices[0] === undefined ? [] : of(facts.offices[0].id);
  return { first, all: [...all.values()], women };
}

function profileOf(committee: { all: readonly Elected[]; women: ReadonlySet<string> }, date: string): CommitteeProfile {
  const p = emptyProfile();
  for (const { name, person } of committee.all) {
    p.members++;
    if (committee.women.has(name)) p.women++;
    p.ages[ageBand(person?.birthYear, date)]++;
    p.education[person?.education ?? 'unknown']++;
    if (person?.education !== undefined && COLLEGE_OR_ABOVE.includes(person.education)) p.collegeOrAbove++;
    if (person?.politicalStatus === 'party-member' || person?.politicalStatus === 'probationary') p.partyMembers++;
    if (person?.politicalStatus === undefined) p.statusUnknown++;
  }
  return p;
}

/** Whether two elected persons are one person: by person key when both have one, else by name (normalised). */
function samePerson(a: Elected, b: Elected): MatchBy | null {
  const ka = a.person?.personKey;
  const kb = b.person?.personKey;
  if (ka !== undefined && kb !== undefined) return ka === kb ? 'key' : null;
  return normalizeName(a.name) === normalizeName(b.name) ? 'name' : null;
}

function matchIn(person: Elected, others: readonly Elected[]): MatchBy | null {
  for (const o of others) {
    const by = samePerson(person, o);
    if (by !== null) return by;
  }
  return null;
}

function addProfile(into: CommitteeProfile, p: CommitteeProfile): void {
  into.members += p.members;
  into.women += p.women;
  into.collegeOrAbove += p.collegeOrAbove;
  into.partyMembers += p.partyMembers;
  into.statusUnknown += p.statusUnknown;
  for (const k of Object.keys(p.ages) as AgeBand[]) into.ages[k] += p.ages[k];
  for (const k of Object.keys(p.education) as Array<keyof CommitteeProfile['education']>) into.education[k] += p.education[k];
}

function structureRow(community: string, residents: FiledFile, party: FiledFile): StructureRow {
  const r = electedOf(residents.facts);
  const p = electedOf(party.facts);
  let oneShoulder: StructureRow['oneShoulder'] = null;
  for (const secretary of p.first) {
    const by = matchIn(secretary, r.first);
    if (by !== null) {
      oneShoulder = { name: secretary.name, by };
      break;
    }
  }
  const crossServing = p.all.flatMap((person) => {
    const by = matchIn(person, r.all);
    return by === null ? [] : [{ name: person.name, by }];
  });
  return {
    community,
    drill: residents.facts.drill || party.facts.drill,
    residentsFile: residents.payloadHash,
    partyFile: party.payloadHash,
    oneShoulder,
    crossServing,
    residents: profileOf(r, residents.facts.date),
    party: profileOf(p, party.facts.date),
  };
}

/**
 * The town's structure report over the current filed results: for every community whose residents' and Party
 * results are both filed, 一肩挑, 交叉任职 and the make-up of both committees; totals for the town. Pure.
 */
export function structureReport(files: readonly FiledFile[]): StructureReport {
  const byCommunity = new Map<string, { name: string; residents?: FiledFile; party?: FiledFile }>();
  for (const f of files) {
    if (f.facts.body === 'supervisory') continue;
    const key = normalizeName(f.community);
    const entry = byCommunity.get(key) ?? { name: f.community };
    entry[f.facts.body] = f;
    byCommunity.set(key, entry);
  }
  const rows: StructureRow[] = [];
  const incomplete: StructureReport['incomplete'] = [];
  for (const e of [...byCommunity.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (e.residents === undefined) incomplete.push({ community: e.name, missing: 'residents' });
    else if (e.party === undefined) incomplete.push({ community: e.name, missing: 'party' });
    else rows.push(structureRow(e.name, e.residents, e.party));
  }
  const totals: StructureReport['totals'] = {
    communities: rows.length,
    oneShoulder: rows.filter((r) => r.oneShoulder !== null).length,
    oneShoulderByName: rows.filter((r) => r.oneShoulder?.by === 'name').length,
    crossServing: rows.reduce((n, r) => n + r.crossServing.length, 0),
    crossServingByName: rows.reduce((n, r) => n + r.crossServing.filter((c) => c.by === 'name').length, 0),
    residents: emptyProfile(),
    party: emptyProfile(),
  };
  for (const r of rows) {
    addProfile(totals.residents, r.residents);
    addProfile(totals.party, r.party);
  }
  return { rows, incomplete, totals, sources: rows.flatMap((r) => [r.residentsFile, r.partyFile]) };
}
