import { preparedOnce } from '../db/statements';
import type { AssignmentView, IssuedWhere } from '../../../shared/api/issuance';
import type { Gender, RegistrationCategory } from '../../../shared/domain/roll';
import { appendAudit, type AuditInput } from '../audit';
import { ApiError } from '../../../shared/api/envelope';
import { notFound, type BackendContext, says } from '../context';
import type { Db } from '../db';

/** Reads shared by the roll, proxy, issuance and turnout services. */

/** A statement prepared once per connection (see db/statements). */
export const stmt = preparedOnce;

export interface VoterRow {
  id: number;
  name: string;
  name_key: string;
  id_number: string;
  gender: Gender;
  birth_date: string;
  group_name: string;
  category: RegistrationCategory;
  certificate: string;
  venue_id: string | null;
  mobile_box_id: string | null;
  /** Set when the committee removed the voter from the roll (kept for history). */
  removed_at: string | null;
  /** The household number (户号), when the roll gives one. */
  household: string | null;
  /** A Party roll's probationary member (预备党员), who has no vote. */
  probationary: 0 | 1;
}

/**
 * The one condition for "on the roll": a removed voter stays in the voter table for history with removed_at set.
 * Every query that counts or lists voters on the roll uses these (onRoll('v') where the table has an alias).
 */
export const ON_ROLL = 'removed_at IS NULL';
export const REMOVED = 'removed_at IS NOT NULL';
export function onRoll(alias: string): string {
  return `${alias}.${ON_ROLL}`;
}

/** Voters on the roll (removed ones are kept for history but not counted), through the partial index of removals. */
export const ON_ROLL_COUNT = `((SELECT count(*) FROM voter) - (SELECT count(*) FROM voter WHERE ${REMOVED}))`;

export function voterByCertificate(db: Db, certificate: string): VoterRow | undefined {
  return stmt(db, 'SELECT * FROM voter WHERE certificate = ?').get(certificate) as VoterRow | undefined;
}

export function voterById(db: Db, id: number): VoterRow {
  return stmt(db, 'SELECT * FROM voter WHERE id = ?').get(id) as VoterRow;
}

export function assignmentOf(db: Db, v: Pick<VoterRow, 'venue_id' | 'mobile_box_id'>): AssignmentView {
  if (v.mobile_box_id !== null) {
    const b = stmt(db, 'SELECT id, name, venue_id FROM box WHERE id = ?').get(v.mobile_box_id) as
      | { id: string; name: string; venue_id: string }
      | undefined;
    return { kind: 'mobile-box', id: v.mobile_box_id, name: b?.name ?? v.mobile_box_id, venue: b?.venue_id ?? '' };
  }
  const venue = stmt(db, 'SELECT id, name FROM venue WHERE id = ?').get(v.venue_id) as { id: string; name: string } | undefined;
  return { kind: 'venue', id: v.venue_id ?? '', name: venue?.name ?? v.venue_id ?? '' };
}

export function describeAssignment(a: AssignmentView): { zh: string; en: string } {
  return a.kind === 'venue'
    ? { zh: `${a.name}（${a.id}）`, en: `${a.name} (${a.id})` }
    : { zh: `流动票箱 ${a.name}（${a.id}）`, en: `mobile box ${a.name} (${a.id})` };
}

/** A ballot issued to a voter: where, when, and for a proxy ballot the trustee; for assisted writing the helper. */
export interface IssuanceFacts extends Omit<IssuedWhere, 'proxy'> {
  trustee: { name: string; group: string } | null;
  assistedBy: string | null;
}

export function issuanceFactsOf(db: Db, voterId: number): IssuanceFacts[] {
  const rows = stmt(
    db,
    `SELECT i.round_number, i.at, i.desk, i.box_id, b.name AS box_name, b.venue_id, v.name AS venue_name,
            t.name AS trustee_name, t.group_name AS trustee_group, h.name AS helper_name
     FROM issuance i JOIN box b ON b.id = i.box_id JOIN venue v ON v.id = b.venue_id
     LEFT JOIN voter t ON t.id = i.trustee_id LEFT JOIN person h ON h.id = i.helper_person_id
     WHERE i.voter_id = ? ORDER BY i.round_number`,
  ).all(voterId) as {
    round_number: number;
    at: string;
    desk: string;
    box_id: string;
    box_name: string;
    venue_id: string;
    venue_name: string;
    trustee_name: string | null;
    trustee_group: string | null;
    helper_name: string | null;
  }[];
  return rows.map((r) => ({
    round: r.round_number,
    at: r.at,
    venue: r.venue_id,
    venueName: r.venue_name,
    box: r.box_id,
    boxName: r.box_name,
    desk: r.desk,
    trustee: r.trustee_name === null ? null : { name: r.trustee_name, group: r.trustee_group ?? '' },
    assistedBy: r.helper_name,
  }));
}

export function issuancesOf(db: Db, voterId: number): IssuedWhere[] {
  return issuanceFactsOf(db, voterId).map(({ trustee, assistedBy: _helper, ...where }) => ({ ...where, proxy: trustee !== null }));
}

/** What the roll says of a voter, and where they vote. */
export function voterFacts(db: Db, v: VoterRow): { name: string; group: string; gender: Gender; category: RegistrationCategory; certificate: string; assignment: AssignmentView } {
  return { name: v.name, group: v.group_name, gender: v.gender, category: v.category, certificate: v.certificate, assignment: assignmentOf(db, v) };
}

export function requireVoter(db: Db, certificate: string): VoterRow {
  const v = voterByCertificate(db, certificate);
  if (!v) throw notFound(says('error.roll.certificateRoll', { certificate }));
  return v;
}

export function anyIssuance(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM issuance LIMIT 1').get() !== undefined;
}

/**
 * A refusal found inside a write transaction: its audit event is written in that same transaction (which then
 * commits with nothing else changed) and the error is thrown after the commit.
 */
export class Refusal {
  constructor(readonly error: ApiError) {}
}

export function refuseInTx(ctx: BackendContext, audit: Omit<AuditInput, 'outcome' | 'at'>, error: ApiError): Refusal {
  appendAudit(ctx.db, { ...audit, at: ctx.now(), actor: audit.actor ?? ctx.actor, outcome: 'refused', detail: { ...audit.detail, message: error.message } });
  return new Refusal(error);
}

export function unwrap<T>(result: T | Refusal): T {
  if (result instanceof Refusal) throw result.error;
  return result;
}
