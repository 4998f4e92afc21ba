import type { BallotContent, BallotMarks, DisagreementView, DoubtfulRuling } from '../../../shared/api/counting';
import { normalizeName } from '../../../shared/domain/names';
import type { SectionMarks } from '../../../shared/record/cer';
import { canonicalJson } from '../audit/canonical';
import { invalid, says } from '../context';
import type { Db } from '../db';
import type { StoredBallot } from './counting-store';
import type { BallotOffice } from '../../../shared/api/setup';
import { getRound, roundBallot } from './setup-rounds';

/** What may be marked on a round's ballot: office id → its candidates (id → name). */
export interface BallotDefinition {
  offices: Map<string, { office: BallotOffice; candidates: Map<string, string> }>;
}

// A round's offices and candidates no longer change once voting has started, so counting can cache them per database.
const cache = new WeakMap<Db, Map<number, BallotDefinition>>();

export function ballotDefinition(db: Db, round: number): BallotDefinition {
  const perDb = cache.get(db) ?? new Map<number, BallotDefinition>();
  cache.set(db, perDb);
  const hit = perDb.get(round);
  if (hit) return hit;
  const def: BallotDefinition = {
    offices: new Map(
      roundBallot(db, round).map((o) => [o.id, { office: o, candidates: new Map(o.candidates.map((c) => [c.id, c.name])) }]),
    ),
  };
  if (getRound(db, round).status !== 'prepared') perDb.set(round, def);
  return def;
}

/**
 * Checks marks against the round's offices and candidates and returns them in a canonical form: empty lists and
 * blank sections dropped, for/against sorted, write-ins normalised (NFKC, no whitespace). Two counters entering the
 * same ballot in a different click order therefore store the same thing.
 */
export function normalizeMarks(def: BallotDefinition, marks: BallotMarks, path: string): BallotMarks {
  const out: BallotMarks = {};
  for (const officeId of Object.keys(marks).sort()) {
    const at = `${path}.${officeId}`;
    const entry = def.offices.get(officeId);
    if (!entry) {
      throw invalid(at, says('error.counting.officeNotOnBallot', { officeId }));
    }
    const section = marks[officeId]!;
    const seen = new Map<string, 'for' | 'against'>();
    const norm: SectionMarks = {};
    for (const list of ['for', 'against'] as const) {
      const ids = section[list] ?? [];
      ids.forEach((cid, j) => {
        const where = `${at}.${list}[${j}]`;
        if (!entry.candidates.has(cid)) {
          throw invalid(where, says('error.counting.notCandidateRound', { title: entry.office.title, cid }));
        }
        const before = seen.get(cid);
        if (before === list) throw invalid(where, says('error.counting.candidateTwice', { cid }));
        if (before !== undefined) throw invalid(where, says('error.counting.candidateBothAgainst', { cid }));
        seen.set(cid, list);
      });
      if (ids.length > 0) norm[list] = [...ids].sort();
    }
    const writeIns = (section.writeIns ?? []).map((w, j) => {
      const n = normalizeName(w);
      if (n === '') throw invalid(`${at}.writeIns[${j}]`, says('error.counting.writeNameEmpty'));
      if (n.length > 64) throw invalid(`${at}.writeIns[${j}]`, says('error.counting.writeNameTooLong'));
      return n;
    });
    if (writeIns.length > 0) norm.writeIns = writeIns;
    if (Object.keys(norm).length > 0) out[officeId] = norm;
  }
  return out;
}

export function normalizeContent(def: BallotDefinition, content: BallotContent, path = 'ballot'): BallotContent {
  if ('marks' in content) return { marks: normalizeMarks(def, content.marks, `${path}.marks`) };
  if ('void' in content) return { void: content.void };
  const d = content.doubtful;
  return {
    doubtful: {
      ...(d.marks !== undefined ? { marks: normalizeMarks(def, d.marks, `${path}.doubtful.marks`) } : {}),
      note: d.note.trim(),
    },
  };
}

export function normalizeRuling(def: BallotDefinition, ruling: DoubtfulRuling, path = 'ruling'): DoubtfulRuling {
  return 'marks' in ruling ? { marks: normalizeMarks(def, ruling.marks, `${path}.marks`) } : { void: ruling.void };
}

/** What two entries must share to agree: what was read (a doubtful ballot's note is commentary and not compared). */
export function comparableContent(content: BallotContent): string {
  if ('doubtful' in content) return canonicalJson({ doubtful: content.doubtful.marks ?? null });
  return canonicalJson(content);
}

export function describeContentKind(content: BallotContent): 'marks' | 'void' | 'doubtful' {
  return 'marks' in content ? 'marks' : 'void' in content ? 'void' : 'doubtful';
}

/** Double entry: where two sheets differ, position by position (a missing entry shows as null). */
export function compareSheets(a: StoredBallot[], b: StoredBallot[]): DisagreementView[] {
  const out: DisagreementView[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x && y && comparableContent(x.content) === comparableContent(y.content)) continue;
    out.push({ position: i + 1, a: x?.content ?? null, b: y?.content ?? null });
  }
  return out;
}

