import type { VoterHistoryEvent, VoterHistoryView } from '../../../shared/api/issuance';
import type { RemovalReason } from '../../../shared/domain/roll-life';
import type { Db } from '../db';
import { assignmentOf, issuanceFactsOf, requireVoter, stmt, voterFacts } from './roll-store';
import { certificateArg } from './voters';

/**
 * One voter's record for the voter list: when they came onto the roll, proxies, reassignments and ballots issued.
 * Issuance rows say who received a ballot where and when, never which ballot (ballots carry no voter, time or order),
 * and spoiled exchanges are bare counts per box, so neither can appear here.
 */
export function voterHistory(db: Db, certificateText: string): VoterHistoryView {
  const v = requireVoter(db, certificateArg(certificateText));
  const events: VoterHistoryEvent[] = [
    ...registered(db, v.id),
    ...rollChanges(db, v.id),
    ...reassignments(db, v.id),
    ...proxiesGiven(db, v.id),
    ...proxiesHeld(db, v.id),
    ...issuances(db, v.id),
  ];
  // A stable sort: events at the same moment keep the order of the lists above.
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    voter: { ...voterFacts(db, v), removedAt: v.removed_at },
    events,
  };
}

function registered(db: Db, voterId: number): VoterHistoryEvent[] {
  const r = stmt(db, 'SELECT ri.at, ri.file_name, v.line FROM voter v JOIN roll_import ri ON ri.id = v.import_id WHERE v.id = ?').get(
    voterId,
  ) as { at: string; file_name: string | null; line: number } | undefined;
  // A voter added one by one has no import: their 'added' change says when they came onto the roll.
  return r ? [{ kind: 'registered', at: r.at, fileName: r.file_name, line: r.line }] : [];
}

function rollChanges(db: Db, voterId: number): VoterHistoryEvent[] {
  const rows = stmt(db, 'SELECT kind, before_json, after_json, reason, removal, objection_id, decided_by, at FROM roll_change WHERE voter_id = ? ORDER BY id').all(
    voterId,
  ) as { kind: 'added' | 'removed' | 'corrected' | 'reinstated'; before_json: string | null; after_json: string | null; reason: string; removal: RemovalReason | null; objection_id: number | null; decided_by: string | null; at: string }[];
  const json = (t: string | null) => (t === null ? null : (JSON.parse(t) as Record<string, string | null>));
  return rows.map((r) => ({
    kind: r.kind,
    at: r.at,
    before: json(r.before_json),
    after: json(r.after_json),
    reason: r.reason,
    removal: r.removal,
    objection: r.objection_id,
    decidedBy: r.decided_by === null ? [] : (JSON.parse(r.decided_by) as string[]),
  }));
}

function reassignments(db: Db, voterId: number): VoterHistoryEvent[] {
  const rows = stmt(
    db,
    `SELECT r.at, r.from_venue_id, r.from_box_id, r.to_venue_id, r.to_box_id, r.reason, p.name AS decided_by
     FROM reassignment r LEFT JOIN person p ON p.id = r.decided_by WHERE r.voter_id = ? ORDER BY r.id`,
  ).all(voterId) as {
    at: string;
    from_venue_id: string | null;
    from_box_id: string | null;
    to_venue_id: string | null;
    to_box_id: string | null;
    reason: string;
    decided_by: string | null;
  }[];
  return rows.map((r) => ({
    kind: 'reassigned',
    at: r.at,
    from: assignmentOf(db, { venue_id: r.from_venue_id, mobile_box_id: r.from_box_id }),
    to: assignmentOf(db, { venue_id: r.to_venue_id, mobile_box_id: r.to_box_id }),
    decidedBy: r.decided_by,
    reason: r.reason,
  }));
}

interface ProxyRow {
  approved_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  other_name: string;
  other_group: string;
  approved_by: string | null;
}

function proxyRows(db: Db, voterId: number, side: 'voter_id' | 'trustee_id'): ProxyRow[] {
  const other = side === 'voter_id' ? 'trustee_id' : 'voter_id';
  return stmt(
    db,
    `SELECT x.approved_at, x.revoked_at, x.revoked_reason, o.name AS other_name, o.group_name AS other_group, p.name AS approved_by
     FROM proxy x JOIN voter o ON o.id = x.${other} LEFT JOIN person p ON p.id = x.approved_by
     WHERE x.${side} = ? ORDER BY x.id`,
  ).all(voterId) as ProxyRow[];
}

function proxiesGiven(db: Db, voterId: number): VoterHistoryEvent[] {
  return proxyRows(db, voterId, 'voter_id').flatMap((r): VoterHistoryEvent[] => {
    const trustee = { name: r.other_name, group: r.other_group };
    const given: VoterHistoryEvent = { kind: 'proxy-given', at: r.approved_at, trustee, approvedBy: r.approved_by ?? '' };
    if (r.revoked_at === null) return [given];
    return [given, { kind: 'proxy-revoked', at: r.revoked_at, trustee, reason: r.revoked_reason ?? '' }];
  });
}

function proxiesHeld(db: Db, voterId: number): VoterHistoryEvent[] {
  return proxyRows(db, voterId, 'trustee_id').map((r) => ({
    kind: 'proxy-held',
    at: r.approved_at,
    voter: { name: r.other_name, group: r.other_group },
    revokedAt: r.revoked_at,
  }));
}

function issuances(db: Db, voterId: number): VoterHistoryEvent[] {
  return issuanceFactsOf(db, voterId).map((i) => ({ kind: 'issued', ...i }));
}
