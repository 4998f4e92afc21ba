import { createHash } from 'node:crypto';
import type { Candidate } from '../../../shared/record';
import { normalizeName } from '../../../shared/domain/names';
import { appendAudit } from '../audit';
import { says, refused, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { requireElection } from './setup-read';
import { recordFacts, type StoredFacts } from './candidate-facts';

/**
 * The candidates' optional record facts (election-record.md): birth year, education, political status as entered at
 * set-up, and the personKey made from the town's salt and the candidate's ID number. The salt stays in this file.
 */

/** Lowercase hex SHA-256 of the salt followed by the 18-character ID number (check letter in upper case). */
export function personKeyOf(salt: string, idNumber: string): string {
  return createHash('sha256').update(`${salt}${idNumber.toUpperCase()}`, 'utf8').digest('hex');
}

export function readPersonKeySalt(db: Db): string | null {
  const row = db.prepare('SELECT person_key_salt AS salt FROM election WHERE id = 1').get() as { salt: string | null } | undefined;
  return row?.salt ?? null;
}

/**
 * Sets the town's salt while round 1 has not opened (a record computed after would otherwise key the same people
 * differently). Setting the salt it already holds changes nothing and logs nothing, so a re-send is harmless.
 */
export function setPersonKeySalt(ctx: BackendContext, salt: string): { changed: boolean } {
  requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    const before = readPersonKeySalt(ctx.db);
    if (before === salt) return { changed: false };
    const first = ctx.db.prepare('SELECT status FROM round WHERE number = 1').get() as { status: string } | undefined;
    if (first && first.status !== 'prepared') throw refused(says('error.candfields.saltAfterOpening'));
    ctx.db.prepare('UPDATE election SET person_key_salt = ? WHERE id = 1').run(salt);
    // Never the salt itself: the audit log is shown and exported.
    appendAudit(ctx.db, { type: 'election.person-key-salt-set', at: ctx.now(), actor: ctx.actor, subject: 'election', detail: { replaced: before !== null } });
    return { changed: true };
  });
}

export type CandidateRecordFacts = Pick<Candidate, 'birthYear' | 'education' | 'politicalStatus' | 'personKey'>;

interface RawFacts {
  office_id: string;
  name_key: string;
  birth_year: number | null;
  education: StoredFacts['education'];
  political_status: StoredFacts['politicalStatus'];
}

function factsOfRow(r: RawFacts): StoredFacts {
  return { birthYear: r.birth_year, education: r.education, politicalStatus: r.political_status };
}

/**
 * The record facts of a round's candidates, found by office and normalized name: a set-up candidate's facts (also
 * on a later ballot, where the same person has an id of that round), else those entered for a person who first
 * stands in that later round (kept with their person key, services/round-candidates.ts). Only known facts are
 * present (a record without them is as valid).
 */
export function candidateRecordFacts(db: Db, round: number): (office: string, name: string) => CandidateRecordFacts {
  const salt = readPersonKeySalt(db);
  const byKey = new Map<string, CandidateRecordFacts>();
  const later = db
    .prepare('SELECT office_id, name_key, birth_year, education, political_status, person_key FROM round_candidate WHERE round_number = ?')
    .all(round) as Array<RawFacts & { person_key: string | null }>;
  for (const r of later) {
    byKey.set(`${r.office_id}\u0000${r.name_key}`, { ...recordFacts(factsOfRow(r)), ...(r.person_key !== null ? { personKey: r.person_key } : {}) });
  }
  const setUp = db.prepare('SELECT office_id, name_key, id_number, birth_year, education, political_status FROM candidate').all() as Array<
    RawFacts & { id_number: string | null }
  >;
  for (const r of setUp) {
    byKey.set(`${r.office_id}\u0000${r.name_key}`, {
      ...recordFacts(factsOfRow(r)),
      ...(salt !== null && r.id_number !== null ? { personKey: personKeyOf(salt, r.id_number) } : {}),
    });
  }
  return (office, name) => byKey.get(`${office}\u0000${normalizeName(name)}`) ?? {};
}
