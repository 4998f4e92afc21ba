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
  const ballots: Ballot[] = rawBallots.map((raw, i) => parseBallot(raw, i));
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

  rec.ballots.forEach((b, i) => {
    if (!('marks' in b)) return;
    for (const [officeId, section] of Object.entries(b.marks)) {
      const at: Path = ['ballots', i, 'marks', officeId];
      if (!officeIds.has(officeId)) throw new RecordError(at, `unknown office "${officeId}"`);
      const seen = new Map<string, 'for' | 'against'>();
      for (const list of ['for', 'against'] as const) {
        (section[list] ?? []).forEach((cid, j) => {
          const where: Path = [...at, list, j];
          const owner = candidateOffice.get(cid);
          if (owner === undefined) throw new RecordError(where, `unknown candidate "${cid}"`);
          if (owner !== officeId) throw new RecordError(where, `candidate "${cid}" belongs to office "${owner}"`);
          const before = seen.get(cid);
          if (before === list) throw new RecordError(where, `candidate "${cid}" appears twice in "${list}"`);
          if (before !== undefined) throw new RecordError(where, `candidate "${cid}" is in both "for" and "against"`);
          seen.set(cid, list);
        });
      }
      (section.writeIns ?? []).forEach((w, j) => {
        if (normalizeName(w) === '') throw new RecordError([...at, 'writeIns', j], 'write-in name is empty');
      });
    }
  });
}

/** Parses and checks a `cer/1` record; throws RecordError naming the first bad field. */
export function parseCerRecord(input: unknown): CerRecord {
  const reserved = findReservedKey(input);
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
