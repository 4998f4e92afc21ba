import type { CommitteeApproval } from '../../../shared/domain/authority';
import { quorumMet } from '../../../shared/rules/validity';
import { appendAudit } from '../audit';
import { notFound, type BackendContext, says } from '../context';
import { inTransaction, type Db } from '../db';
import { approvedWrite } from '../services/approved-write';
import { requireElection } from '../services/setup-read';
import { resolveStation, stationScope } from './identity';

export interface PhonedFigure {
  station: string;
  name: string;
  round: number;
  count: number;
  phonedAt: string;
  /** What the figure adds to the turnout beyond the station's issuances already counted here (never counted twice). */
  extra: number;
}

export interface ProvisionalTurnout {
  /** The counted participants plus the phoned figures not yet replaced by a return. */
  participants: number;
  quorumMet: boolean;
  stations: PhonedFigure[];
}

/**
 * A figure phoned in from a station before its return arrives (docs/stations.md): typed by a committee member
 * with a committee PIN, audited, answered once per request key. It counts only as provisional turnout.
 */
export function recordPhonedTurnout(
  ctx: BackendContext,
  input: { station: string; round: number; count: number; phonedAt: string; approvals: readonly CommitteeApproval[] },
  requestKey: string | undefined,
): PhonedFigure {
  const call = { station: input.station, round: input.round, count: input.count, phonedAt: input.phonedAt };
  return approvedWrite(ctx, { method: 'recordPhonedTurnout', input: call, requestKey }, input.approvals, {
    atLeast: 1,
    path: 'approvals',
    what: { zh: '录入电话报告的投票人数', en: 'entering a turnout figure phoned in' },
  }, (approvers) =>
    inTransaction(ctx.db, () => {
      const db = ctx.db;
      const station = resolveStation(db, input.station);
      if (!db.prepare('SELECT 1 FROM round WHERE number = ?').get(input.round)) throw notFound(says('error.common.noRound', { round: input.round }));
      const at = ctx.now().toISOString();
      const decidedBy = approvers.map((a) => a.name).join('、') || (ctx.actor ?? '');
      db.prepare(`INSERT INTO phoned_turnout (station_id, round_number, count, phoned_at, entered_at, entered_by, decided_by, request_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(station.id, input.round, input.count, input.phonedAt, at, ctx.actor, decidedBy, requestKey ?? null);
      appendAudit(db, {
        type: 'station.turnout-phoned',
        at,
        actor: ctx.actor,
        subject: `station:${station.id}`,
        detail: { round: input.round, count: input.count, phonedAt: input.phonedAt, approvedBy: approvers.map((a) => a.id) },
      });
      return phonedFigures(db, input.round).find((f) => f.station === station.id) ?? { station: station.id, name: station.name, round: input.round, count: input.count, phonedAt: input.phonedAt, extra: 0 };
    }),
  );
}

/**
 * Each station's latest phoned figure for a round that no return has replaced yet (a return written at or after the
 * call replaces it), with what it adds beyond the issuances from that station already counted here.
 */
export function phonedFigures(db: Db, round: number): PhonedFigure[] {
  const rows = db
    .prepare(
      `SELECT p.station_id, p.count, p.phoned_at FROM phoned_turnout p
       WHERE p.round_number = ? AND p.id = (SELECT id FROM phoned_turnout q WHERE q.station_id = p.station_id AND q.round_number = p.round_number ORDER BY phoned_at DESC, id DESC LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM station_return r WHERE r.station_id = p.station_id AND r.written_at >= p.phoned_at)
       ORDER BY p.station_id`,
    )
    .all(round) as { station_id: string; count: number; phoned_at: string }[];
  return rows.map((r) => {
    const station = resolveStation(db, r.station_id);
    const counted = db
      .prepare(`SELECT count(*) FROM issuance WHERE round_number = ? AND box_id IN (SELECT id FROM box WHERE ${stationScope(station.kind).boxes})`)
      .pluck()
      .get(round, { station: station.id }) as number;
    return { station: station.id, name: station.name, round, count: r.count, phonedAt: r.phoned_at, extra: Math.max(0, r.count - counted) };
  });
}

export function provisionalTurnout(db: Db, round: number, participants: number, registered: number): ProvisionalTurnout {
  const stations = phonedFigures(db, round);
  const total = participants + stations.reduce((n, s) => n + s.extra, 0);
  const e = requireElection(db);
  return { participants: total, quorumMet: quorumMet(e.body, e.method, registered, total), stations };
}
