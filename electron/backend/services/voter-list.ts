import type { AssignmentTarget, AssignmentView } from '../../../shared/api/issuance';
import { checkIdNumber } from '../../../shared/domain/roll';
import type { Db } from '../db';
import { electorsOnly } from './electors';
import { assignmentOf, stmt } from './roll-store';

export interface VoterQuery {
  offset: number;
  limit: number;
  group?: string | undefined;
  search?: string | undefined;
  assignment?: AssignmentTarget | undefined;
  status?: 'issued' | 'not-issued' | undefined;
  round?: number | undefined;
  electors?: boolean | undefined;
}

export interface ListedVoter {
  name: string;
  group: string;
  gender: string;
  certificate: string;
  assignment: AssignmentView;
  issuedRounds: number[];
  removed?: boolean;
  household?: string;
}

/** A household's members come together, where its first member stands in roll order (ids are roll order). */
const HOUSEHOLD_ORDER = 'coalesce((SELECT min(h.id) FROM voter h WHERE h.household = voter.household), voter.id), voter.id';

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause and its parameters for a query's filters (all of them must hold). Who has (not) been issued a
 * ballot is asked of those to vote only, as is a list asked for with `electors` (electors.ts).
 */
function filterOf(db: Db, q: VoterQuery): { sql: string; params: Record<string, string | number> } {
  const where: string[] = [];
  if (q.electors === true || q.status !== undefined) where.push(electorsOnly(db));
  const params: Record<string, string | number> = {};
  if (q.group !== undefined) {
    where.push('group_name = @group');
    params.group = q.group.normalize('NFKC');
  }
  if (q.search !== undefined) {
    const either: string[] = [];
    if (/^\d+$/.test(q.search)) {
      // A certificate number or its first digits (as typed before the last digit), through the certificate index.
      either.push('(certificate >= @from AND certificate < @to)');
      params.from = q.search;
      params.to = `${q.search}:`; // ':' sorts right after '9'
    } else {
      either.push("name LIKE @search ESCAPE '\\'");
      params.search = likePattern(q.search);
    }
    const id = checkIdNumber(q.search);
    if (id.ok) {
      either.push('id_number = @idNumber');
      params.idNumber = id.idNumber;
    }
    where.push(`(${either.join(' OR ')})`);
  }
  if (q.assignment !== undefined) {
    if ('venue' in q.assignment) {
      where.push('venue_id = @venue');
      params.venue = q.assignment.venue;
    } else {
      where.push('mobile_box_id = @mobileBox');
      params.mobileBox = q.assignment.mobileBox;
    }
  }
  if (q.status !== undefined) {
    const issued = 'EXISTS (SELECT 1 FROM issuance i WHERE i.voter_id = voter.id AND i.round_number = @round)';
    where.push(q.status === 'issued' ? issued : `NOT ${issued}`);
    params.round = q.round ?? 1;
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * One page of the roll in roll order, with the total matching the filters. Voters are inserted in import and line
 * order and never deleted, so the rowid is roll order and a page needs no sort. With a filter, the matching rowids
 * are found in one pass (the total is their number) and only the page's rows are read.
 */
export function listVoters(db: Db, q: VoterQuery): { total: number; voters: ListedVoter[] } {
  const { sql, params } = filterOf(db, q);
  let total: number;
  let rows: VoterListRow[];
  const households = stmt(db, 'SELECT 1 FROM voter WHERE household IS NOT NULL LIMIT 1').get() !== undefined;
  if (sql === '' && !households) {
    total = (stmt(db, 'SELECT count(*) AS n FROM voter').get() as { n: number }).n;
    rows = stmt(db, `SELECT ${LISTED} FROM voter ORDER BY id LIMIT ? OFFSET ?`).all(q.limit, q.offset) as VoterListRow[];
  } else {
    const ids = db.prepare(`SELECT id FROM voter ${sql} ORDER BY ${households ? HOUSEHOLD_ORDER : 'id'}`).pluck().all(params) as number[];
    total = ids.length;
    const byId = stmt(db, `SELECT ${LISTED} FROM voter WHERE id = ?`);
    rows = ids.slice(q.offset, q.offset + q.limit).map((id) => byId.get(id) as VoterListRow);
  }
  return {
    total,
    voters: rows.map((r) => ({
      name: r.name,
      group: r.group_name,
      gender: r.gender,
      certificate: r.certificate,
      assignment: assignmentOf(db, r),
      issuedRounds: r.rounds === null ? [] : r.rounds.split(',').map(Number).sort((a, b) => a - b),
      ...(r.removed_at === null ? {} : { removed: true }),
      ...(r.household === null ? {} : { household: r.household }),
    })),
  };
}

const LISTED = `name, group_name, gender, certificate, venue_id, mobile_box_id, removed_at, household,
  (SELECT group_concat(round_number) FROM issuance i WHERE i.voter_id = voter.id) AS rounds`;

interface VoterListRow {
  name: string;
  group_name: string;
  gender: string;
  certificate: string;
  venue_id: string | null;
  mobile_box_id: string | null;
  removed_at: string | null;
  household: string | null;
  rounds: string | null;
}

/** The residents' groups in roll order of their first voter, with how many voters each has and where they vote. */
export function rollGroups(db: Db): { group: string; voters: number; assignments: AssignmentView[] }[] {
  const rows = db
    .prepare(
      `SELECT group_name, venue_id, mobile_box_id, count(*) AS n, min(id) AS first FROM voter
       GROUP BY group_name, venue_id, mobile_box_id ORDER BY group_name`,
    )
    .all() as { group_name: string; venue_id: string | null; mobile_box_id: string | null; n: number; first: number }[];
  const groups = new Map<string, { group: string; voters: number; first: number; assignments: AssignmentView[] }>();
  for (const r of rows) {
    const g = groups.get(r.group_name) ?? { group: r.group_name, voters: 0, first: r.first, assignments: [] };
    g.voters += r.n;
    g.first = Math.min(g.first, r.first);
    g.assignments.push(assignmentOf(db, r));
    groups.set(r.group_name, g);
  }
  return [...groups.values()].sort((a, b) => a.first - b.first).map(({ group, voters, assignments }) => ({ group, voters, assignments }));
}
