import type { Body, Method } from '../../../shared/record/cer';
import { ruleProfile } from '../../../shared/rules/profile';
import { notFound, says } from '../context';
import type { Db } from '../db';
import type { ElectionOverview, ElectionView } from '../../../shared/api/setup';

/** The election as stored (its party exclusions are read apart). */
export type ElectionRow = Omit<ElectionView, 'exclusions'>;

interface RawElection {
  title: string;
  community: string;
  body: Body;
  method: Method;
  date: string;
  rules_json: string;
  registered_source: 'roll' | 'number';
  registered_number: number | null;
  drill: number;
  created_at: string;
  person_key_salt: string | null;
}

/** The election of this file, or null before `init`. */
export function readElection(db: Db): ElectionRow | null {
  const r = db.prepare('SELECT * FROM election WHERE id = 1').get() as RawElection | undefined;
  if (!r) return null;
  return {
    title: r.title,
    community: r.community,
    body: r.body,
    method: r.method,
    date: r.date,
    rules: ruleProfile.parse(JSON.parse(r.rules_json)),
    registered:
      r.registered_source === 'number' ? { source: 'number', number: r.registered_number ?? 0 } : { source: 'roll' },
    drill: r.drill === 1,
    createdAt: r.created_at,
    personKeySaltSet: r.person_key_salt !== null,
  };
}

export function requireElection(db: Db): ElectionRow {
  const e = readElection(db);
  if (!e) throw notFound(says('error.setup.noElectionDatabaseYet'));
  return e;
}

export interface OfficeRow {
  id: string;
  title: string;
  rank: number;
  seats: number;
  womenOnly: boolean;
}

export function readOffices(db: Db): OfficeRow[] {
  return (
    db.prepare('SELECT id, title, rank, seats, women_only FROM office ORDER BY rank').all() as {
      id: string;
      title: string;
      rank: number;
      seats: number;
      women_only: number;
    }[]
  ).map((o) => ({ id: o.id, title: o.title, rank: o.rank, seats: o.seats, womenOnly: o.women_only === 1 }));
}

export interface CandidateRow {
  id: string;
  name: string;
  gender: 'female' | 'male' | null;
  office: string;
  idNumber: string | null;
}

export function readCandidates(db: Db): CandidateRow[] {
  return (
    db.prepare('SELECT id, name, gender, office_id, id_number FROM candidate ORDER BY id').all() as {
      id: string;
      name: string;
      gender: 'female' | 'male' | null;
      office_id: string;
      id_number: string | null;
    }[]
  ).map((c) => ({ id: c.id, name: c.name, gender: c.gender, office: c.office_id, idNumber: c.id_number }));
}

type CandidateFacts = ElectionOverview['candidateFacts'][number];

/** The optional record facts entered for each set-up candidate (whether a personKey can be made, never the key). */
export function readCandidateFacts(db: Db): CandidateFacts[] {
  return (
    db.prepare('SELECT id, birth_year, education, political_status, id_number FROM candidate ORDER BY id').all() as {
      id: string;
      birth_year: number | null;
      education: CandidateFacts['education'];
      political_status: CandidateFacts['politicalStatus'];
      id_number: string | null;
    }[]
  ).map((c) => ({ id: c.id, birthYear: c.birth_year, education: c.education, politicalStatus: c.political_status, idNumber: c.id_number !== null }));
}
