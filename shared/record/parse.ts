import { normalizeName } from '../domain/names';
import {
  cerRecordShape,
  markedBallot,
  voidBallot,
  type Ballot,
  type CerRecord,
} from './cer';
import { cerResult, type CerResult } from './cer-result';
import { readMarkedBallot } from './marked-ballot';
import { firstIssue, RecordError } from './path';
import { findReservedKey, RESERVED_KEY } from './reserved-keys';

type Path = PropertyKey[];

/** Structure first (types, enums, unknown fields), ballots one by one so each error names its own branch. */
function parseStructure(input: unknown): CerRecord {
  const shape = cerRecordShape.safeParse(withBallotsPlaceholder(input));
  if (!shape.success) throw firstIssue(shape.error);
  const rawBallots = (input as { ballots: unknown[] }).ballots;
  // A ballot object standing several times in the list (a sealed file's reader shares repeated ballots) is read once.
  const read = new Map<unknown, Ballot>();
  const ballots: Ballot[] = rawBallots.map((raw, i) => {
    let ballot = read.get(raw);
    if (ballot === undefined) {
      ballot = parseBallot(raw, i);
      if (raw !== null && typeof raw === 'object') read.set(raw, ballot);
    }
    return ballot;
  });
  return { ...shape.data, ballots };
}

/** Validates everything but the ballots, which are checked individually afterwards. */
function withBallotsPlaceholder(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const obj = input as Record<string, unknown>;
  if (!Array.isArray(obj.ballots)) return input;
  return { ...obj, ballots: [] };
}

function parseBallot(raw: unknown, i: number): Ballot {
  const at: Path = ['ballots', i];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RecordError(at, 'a ballot must be an object');
  const hasVoid = 'void' in raw;
  const hasMarks = 'marks' in raw;
  if (hasVoid && hasMarks) throw new RecordError(at, 'a ballot has either "marks" or "void", never both');
  if (!hasVoid && !hasMarks) throw new RecordError(at, 'a ballot needs "marks" (use {} for a blank ballot) or "void"');
  if (!hasVoid) {
    const plain = readMarkedBallot(raw);
    if (plain !== null) return plain;
  }
  const parsed = hasVoid ? voidBallot.safeParse(raw) : markedBallot.safeParse(raw);
  if (!parsed.success) throw firstIssue(parsed.error, at);
  return parsed.data;
}

/** Cross-references the spec requires, checked in document order so the first bad field is reported. */
function checkReferences(rec: CerRecord): void {
  if (rec.participants > rec.election.registered) {
    throw new RecordError(['participants'], `${rec.participants} participants but only ${rec.election.registered} registered`);
  }

  const officeIds = new Set<string>();
  const ranks = new Set<number>();
  rec.offices.forEach((o, i) => {
    if (o.id === RESERVED_KEY) throw new RecordError(['offices', i, 'id'], `"${RESERVED_KEY}" is not allowed as an id`);
    if (officeIds.has(o.id)) throw new RecordError(['offices', i, 'id'], `duplicate office id "${o.id}"`);
    officeIds.add(o.id);
    if (ranks.has(o.rank)) throw new RecordError(['offices', i, 'rank'], `duplicate rank ${o.rank}`);
    ranks.add(o.rank);
  });

  const candidateOffice = new Map<string, string>();
  const namesByOffice = new Map<string, Set<string>>();
  rec.candidates.forEach((c, i) => {
    if (candidateOffice.has(c.id)) throw new RecordError(['candidates', i, 'id'], `duplicate candidate id "${c.id}"`);
    if (!officeIds.has(c.office)) throw new RecordError(['candidates', i, 'office'], `unknown office "${c.office}"`);
    const name = normalizeName(c.name);
    if (name === '') throw new RecordError(['candidates', i, 'name'], 'name is empty');
    const names = namesByOffice.get(c.office) ?? new Set<string>();
    if (names.has(name)) throw new RecordError(['candidates', i, 'name'], `"${c.name}" is listed twice for office "${c.office}"`);
    names.add(name);
    namesByOffice.set(c.office, names);
    candidateOffice.set(c.id, c.office);
  });

  const checked = new Set<Ballot>();
  rec.ballots.forEach((b, i) => {
    if (checked.has(b)) return;
    checked.add(b);
    if ('marks' in b) checkBallotReferences(b.marks, i, officeIds, candidateOffice);
  });
}

/**
 * One ballot's marks against the offices and candidates, reported in document order. Tens of thousands of ballots
 * pass through here, so nothing is allocated unless something is wrong or a list is long: a section's marks are few,
 * and looking back among them for a repeat costs less than a map per section.
 */
function checkBallotReferences(marks: MarkedSections, i: number, officeIds: ReadonlySet<string>, candidateOffice: ReadonlyMap<string, string>): void {
  for (const officeId in marks) {
    if (!Object.hasOwn(marks, officeId)) continue;
    if (!officeIds.has(officeId)) throw new RecordError(['ballots', i, 'marks', officeId], `unknown office "${officeId}"`);
    const section = marks[officeId]!;
    const forList = section.for ?? NO_MARKS;
    const againstList = section.against ?? NO_MARKS;
    const forFirst = firstPositions(forList);
    checkMarkList(i, officeId, 'for', forList, forFirst, null, null, candidateOffice);
    checkMarkList(i, officeId, 'against', againstList, firstPositions(againstList), forList, forFirst, candidateOffice);
    const writeIns = section.writeIns ?? NO_MARKS;
    for (let j = 0; j < writeIns.length; j++) {
      if (normalizeName(writeIns[j]!) === '') throw new RecordError(['ballots', i, 'marks', officeId, 'writeIns', j], 'write-in name is empty');
    }
  }
}

/** A section's for or against list: each mark a candidate of this office, none twice, none both for and against. */
function checkMarkList(
  i: number,
  officeId: string,
  name: 'for' | 'against',
  list: readonly string[],
  first: ReadonlyMap<string, number> | null,
  /** For the against list: the section's for list, which none of its marks may be in. */
  forList: readonly string[] | null,
  forFirst: ReadonlyMap<string, number> | null,
  candidateOffice: ReadonlyMap<string, string>,
): void {
  for (let j = 0; j < list.length; j++) {
    const cid = list[j]!;
    const owner = candidateOffice.get(cid);
    const problem =
      owner === undefined
        ? `unknown candidate "${cid}"`
        : owner !== officeId
          ? `candidate "${cid}" belongs to office "${owner}"`
          : isRepeat(list, j, first)
            ? `candidate "${cid}" appears twice in "${name}"`
            : forList !== null && (forFirst === null ? forList.includes(cid) : forFirst.has(cid))
              ? `candidate "${cid}" is in both "for" and "against"`
              : null;
    if (problem !== null) throw new RecordError(['ballots', i, 'marks', officeId, name, j], problem);
  }
}

/** Beyond this many marks in a list, repeats are found through a map instead of by looking back. */
const LOOK_BACK = 16;

function firstPositions(list: readonly string[]): Map<string, number> | null {
  if (list.length <= LOOK_BACK) return null;
  const first = new Map<string, number>();
  list.forEach((cid, j) => {
    if (!first.has(cid)) first.set(cid, j);
  });
  return first;
}

function isRepeat(list: readonly string[], j: number, first: ReadonlyMap<string, number> | null): boolean {
  const cid = list[j]!;
  if (first !== null) return first.get(cid) !== j;
  for (let k = 0; k < j; k++) if (list[k] === cid) return true;
  return false;
}

type MarkedSections = Extract<Ballot, { marks: unknown }>['marks'];
const NO_MARKS: readonly string[] = [];

/**
 * Parses and checks a `cer/1` record; throws RecordError naming the first bad field. `reservedKeysAbsent`: the caller
 * has already found no `__proto__` key in the text the record was parsed from (a sealed payload's scan does), so the
 * walk over every value looking for one is skipped.
 */
export function parseCerRecord(input: unknown, opts: { reservedKeysAbsent?: boolean } = {}): CerRecord {
  const reserved = opts.reservedKeysAbsent === true ? null : findReservedKey(input);
  if (reserved) throw new RecordError(reserved, `"${RESERVED_KEY}" is not allowed as a key`);
  const rec = parseStructure(input);
  checkReferences(rec);
  return rec;
}

/** Same, from JSON text (a syntax error is reported as a RecordError at the root). */
export function parseCerRecordText(text: string): CerRecord {
  return parseCerRecord(parseJsonText(text));
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new RecordError([], `not valid JSON (${jsonSyntaxDetail(e)})`);
  }
}

/**
 * What JSON.parse found wrong, without the piece of the text V8 quotes in some messages: a file named by someone
 * (a key, /etc/shadow) must not be echoed back through an error.
 */
export function jsonSyntaxDetail(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/^Unexpected end of JSON input$/.test(message)) return 'the text ends too early';
  const at = /^([A-Za-z' ,:\-\[\]{}]+?) in JSON at (position \d+(?: \(line \d+ column \d+\))?)$/.exec(message);
  if (at) return `${at[1]} at ${at[2]}`;
  return 'unexpected character';
}

/** Parses a `cer-result/1` object (as stored in the database or a sealed file). */
export function parseCerResult(input: unknown): CerResult {
  const parsed = cerResult.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  return parsed.data;
}
