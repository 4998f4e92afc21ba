import { appendAudit } from '../audit';
import type { BackendContext } from '../context';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';

/**
 * Secret ballot and the spoiled-ballot exchange (换票). The voter who spoils a ballot has just been issued one, so
 * anything written at the moment of the exchange — an audit event, a time, the desk, the desk person — would sit
 * right after that voter's `ballot.issued` and name them. So an exchange writes only the box's bare count (no time,
 * no actor, no desk), and the audit log learns the count as one aggregate event per box and round,
 * 'ballot.spoiled-tallied', when the box closes (sealed after voting, the round closed, unused ballots returned);
 * its time is rounded down to the quarter hour. At that moment every voter of the box may have exchanged, so neither
 * the event's place in the log nor its time points at one. The stock balance (ballotStock) reads the count itself.
 */

/** Adds one exchange to the box's count. Call inside the exchange's transaction. */
export function countSpoiled(db: Db, box: string, round: number): void {
  q(
    db,
    `INSERT INTO spoiled_count (box_id, round_number, count) VALUES (?, ?, 1)
     ON CONFLICT (box_id, round_number) DO UPDATE SET count = count + 1`,
  ).run(box, round);
}

/** True when this re-sendable exchange's key was seen (a re-send); otherwise keeps the key. Inside the transaction. */
export function exchangeKeySeen(db: Db, key: string): boolean {
  return q(db, 'INSERT INTO spoiled_exchange_key (key) VALUES (?) ON CONFLICT (key) DO NOTHING').run(key).changes === 0;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

export function quarterHourFloor(at: Date): string {
  return new Date(Math.floor(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS).toISOString();
}

/**
 * Writes to the audit log the exchanges of a box (or of every box, without `box`) in a round that it does not hold
 * yet, one event per box. Call inside the transaction that closes the box or the round.
 */
export function tallySpoiled(ctx: BackendContext, round: number, box?: string): void {
  const rows = q(
    ctx.db,
    `SELECT box_id, count, audited FROM spoiled_count WHERE round_number = ? AND count > audited ${box === undefined ? '' : 'AND box_id = ?'}
     ORDER BY box_id`,
  ).all(...(box === undefined ? [round] : [round, box])) as { box_id: string; count: number; audited: number }[];
  const at = quarterHourFloor(ctx.now());
  for (const r of rows) {
    q(ctx.db, 'UPDATE spoiled_count SET audited = count WHERE box_id = ? AND round_number = ?').run(r.box_id, round);
    appendAudit(ctx.db, {
      type: 'ballot.spoiled-tallied',
      at,
      actor: ctx.actor,
      subject: `box:${r.box_id}`,
      detail: { round, count: r.count - r.audited, total: r.count },
    });
  }
}
