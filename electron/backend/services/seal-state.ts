import type { RoundStatus } from '../../../shared/domain/round';
import type { BackendContext } from '../context';
import type { Db } from '../db';
import { getRound, setRoundStatusTx } from './setup-rounds';

/**
 * What sealing does to the rounds: a sealed round is frozen (counting and sign-off refuse it, as for a signed round),
 * and reopening it needs more of the committee than reopening a round that was only signed.
 */

/** Committee members whose PINs reopening a round's count needs: two once the round was sealed. */
export function approvalsNeededToReopen(status: RoundStatus): number {
  return status === 'sealed' ? 2 : 1;
}

/** Moves the rounds of a sealed file that are counted or signed to 'sealed'. Call inside the transaction recording the file. */
export function markRoundsSealedTx(ctx: BackendContext, rounds: readonly number[]): void {
  for (const n of rounds) {
    const { status } = getRound(ctx.db, n);
    if (status === 'counted' || status === 'signed') setRoundStatusTx(ctx, { round: n, status: 'sealed' });
  }
}

/** The sealed files written so far (audit `seal.written`): how many, and the payload hash of the last. */
export function previousSeals(db: Db): { count: number; lastPayloadHash: string | null } {
  // The IN term repeats the partial index's condition (migration 5) so SQLite reads that index, not the whole log.
  const rows = db
    .prepare(
      `SELECT detail_json FROM audit_event WHERE type IN ('seal.started', 'seal.written', 'seal.abandoned')
       AND type = 'seal.written' AND outcome = 'ok' ORDER BY seq`,
    )
    .all() as { detail_json: string }[];
  const last = rows.at(-1);
  const hash = last ? (JSON.parse(last.detail_json) as { payloadHash?: unknown }).payloadHash : null;
  return { count: rows.length, lastPayloadHash: typeof hash === 'string' ? hash : null };
}
