import type { NominationKind, NominationOverview, OfficeNominations } from '../../../shared/api/nomination';
import { addDays } from '../../../shared/domain/roll-life';
import { formalMargin, nominationOutcome } from '../../../shared/rules/nomination';
import { sortByStroke } from '../../../shared/rules/stroke-order';
import { notFound, says } from '../context';
import type { Db } from '../db';
import { readOffices, requireElection, type OfficeRow } from './setup-read';

/** The formal list is posted at least this many days before the vote (seed 002: 正式选举日5日前张榜公布). */
export const FORMAL_LIST_DAYS_BEFORE = 5;

export interface NominationRow {
  id: number;
  office_id: string;
  kind: NominationKind;
  voter_id: number;
  preliminary: number;
  votes: number | null;
  name: string;
  certificate: string;
  group_name: string;
  gender: 'female' | 'male';
  id_number: string;
  removed_at: string | null;
  nominators: number;
}

export interface NominationVoteRow {
  office_id: string;
  held_on: string;
  present: number;
  ballots: number;
  formal_count: number;
  tie_chosen: string | null;
}

export function jointNominators(db: Db): number {
  return (db.prepare('SELECT joint_nominators AS n FROM nomination_rule WHERE id = 1').get() as { n: number }).n;
}

export function officeById(db: Db, id: string): OfficeRow {
  const office = readOffices(db).find((o) => o.id === id);
  if (!office) throw notFound(says('error.nomination.noOffice', { office: id }));
  return office;
}

export function nominationsOf(db: Db, office: string): NominationRow[] {
  return db
    .prepare(
      `SELECT n.id, n.office_id, n.kind, n.voter_id, n.preliminary, n.votes, v.name, v.certificate, v.group_name, v.gender, v.id_number, v.removed_at,
              (SELECT count(*) FROM nominator r WHERE r.nomination_id = n.id) AS nominators
         FROM nomination n JOIN voter v ON v.id = n.voter_id WHERE n.office_id = ? ORDER BY n.id`,
    )
    .all(office) as NominationRow[];
}

export function voteOf(db: Db, office: string): NominationVoteRow | undefined {
  return db.prepare('SELECT * FROM nomination_vote WHERE office_id = ?').get(office) as NominationVoteRow | undefined;
}

/** The count's outcome for an office with the committee's tie decision applied (formal ids in rank order). */
export function officeOutcome(rows: readonly NominationRow[], vote: NominationVoteRow): OfficeNominations['outcome'] {
  const standing = rows.filter((r) => r.preliminary === 1);
  const o = nominationOutcome(standing, (r) => r.votes ?? 0, vote.formal_count);
  const chosen = vote.tie_chosen === null ? null : (JSON.parse(vote.tie_chosen) as number[]);
  return {
    formal: [...o.formal.map((r) => r.id), ...(chosen ?? [])],
    tied: o.tied.map((r) => r.id),
    tieSeats: o.tieSeats,
    tieDecided: o.tieSeats === 0 || chosen !== null,
    short: o.short,
  };
}

export function officeNominationsView(db: Db, office: OfficeRow): OfficeNominations {
  const e = requireElection(db);
  const rows = nominationsOf(db, office.id);
  const vote = voteOf(db, office.id);
  return {
    office: office.id,
    title: office.title,
    rank: office.rank,
    seats: office.seats,
    margin: formalMargin(e.body, office),
    nominations: sortByStroke(rows, (r) => r.name).map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      certificate: r.certificate,
      group: r.group_name,
      gender: r.gender,
      nominators: r.nominators,
      preliminary: r.preliminary === 1,
      votes: r.votes,
    })),
    vote: vote ? { heldOn: vote.held_on, present: vote.present, ballots: vote.ballots, formalCount: vote.formal_count } : null,
    outcome: vote ? officeOutcome(rows, vote) : null,
  };
}

export function nominationOverview(db: Db): NominationOverview {
  const e = requireElection(db);
  const confirmed = db.prepare('SELECT * FROM formal_list WHERE id = 1').get() as
    | { published_on: string; confirmed_at: string; confirmed_by: string }
    | undefined;
  return {
    electionDate: e.date,
    jointNominators: jointNominators(db),
    offices: readOffices(db).map((o) => officeNominationsView(db, o)),
    formalList: {
      latest: addDays(e.date, -FORMAL_LIST_DAYS_BEFORE),
      publishedOn: confirmed?.published_on ?? null,
      confirmedAt: confirmed?.confirmed_at ?? null,
      confirmedBy: confirmed ? (JSON.parse(confirmed.confirmed_by) as string[]) : [],
    },
  };
}
