import { preparedOnce } from '../db/statements';
import type { BallotContent, DoubtfulRuling, Sheet } from '../../../shared/api/counting';
import { notFound, refused, type BackendContext, says, statusWords, bothWords } from '../context';
import type { Db } from '../db';
import type { RoundView } from '../../../shared/api/setup';
import { getRound, setRoundStatusTx } from './setup-rounds';
import { SIGNOFF_ROLE_NAMES, type SignoffRole } from './signoff';

/** Reads and guards shared by the counting, results and sign-off services. */

/** A statement prepared once per connection (see db/statements). */
export const q = preparedOnce;

export function doubleEntryEnabled(db: Db): boolean {
  const r = q(db, 'SELECT double_entry FROM counting_setting WHERE id = 1').get() as { double_entry: number } | undefined;
  return r?.double_entry === 1;
}

export interface BoxRowLite {
  id: string;
  name: string;
  kind: 'central' | 'station' | 'mobile';
}

export function requireBox(db: Db, box: string): BoxRowLite {
  const r = q(db, 'SELECT id, name, kind FROM box WHERE id = ?').get(box) as BoxRowLite | undefined;
  if (!r) throw notFound(says('error.counting.noBox', { box }));
  return r;
}

export interface BoxCountRow {
  found: number | null;
  status: 'counting' | 'accepted';
}

export function boxCountRow(db: Db, round: number, box: string): BoxCountRow | undefined {
  return q(db, 'SELECT found, status FROM box_count WHERE round_number = ? AND box_id = ?').get(round, box) as BoxCountRow | undefined;
}

export function requireOpenedBox(db: Db, round: number, box: string): BoxCountRow {
  requireBox(db, box);
  const r = boxCountRow(db, round, box);
  if (!r) throw refused(says('error.counting.boxNotBeenOpened', { box, round }));
  return r;
}

export function issuedToBox(db: Db, round: number, box: string): number {
  return (q(db, 'SELECT coalesce(max(count), 0) AS n FROM issued_count WHERE round_number = ? AND box_id = ?').get(round, box) as { n: number }).n;
}

export interface SignoffInForce {
  name: string;
  role: SignoffRole;
}

export function signoffsInForce(db: Db, round: number): SignoffInForce[] {
  return q(db, 'SELECT name, role FROM signoff WHERE round_number = ? AND revoked_at IS NULL ORDER BY id').all(round) as SignoffInForce[];
}

/**
 * Counting of a round may change only after its poll closed and while nobody has signed its result. Returns the
 * round (call inside the write transaction).
 */
export function requireCountingOpen(db: Db, round: number): RoundView {
  const row = q(db, 'SELECT number, kind, status, created_at FROM round WHERE number = ?').get(round) as
    | { number: number; kind: RoundView['kind']; status: RoundView['status']; created_at: string }
    | undefined;
  const r: RoundView = row ? { number: row.number, kind: row.kind, status: row.status, createdAt: row.created_at } : getRound(db, round);
  if (r.status === 'prepared' || r.status === 'voting') {
    throw refused(
      says('error.counting.roundNotClosedYet', { round, status: statusWords(r.status) }),
    );
  }
  const signed = q(db, 'SELECT name, role FROM signoff WHERE round_number = ? AND revoked_at IS NULL LIMIT 3').all(round) as SignoffInForce[];
  if (signed.length > 0 || r.status === 'signed' || r.status === 'sealed') {
    const who = signed.map((s) => bothWords('error.counting.signerAs', { name: s.name, role: SIGNOFF_ROLE_NAMES[s.role] }));
    throw refused(
      signed.length > 0 ? says('error.counting.frozenSigned', { round, who }) : says('error.counting.frozen', { round, status: statusWords(r.status) }),
      { frozen: true },
    );
  }
  return r;
}

/**
 * After a counting change: the round is counting again and any stored result is stale (it is recomputed by
 * results()). Call inside the write transaction.
 */
export function markCountingChangedTx(ctx: BackendContext, round: RoundView): void {
  if (round.status === 'closed') {
    setRoundStatusTx(ctx, { round: round.number, status: 'counting' });
  } else if (round.status === 'counted') {
    setRoundStatusTx(ctx, { round: round.number, status: 'counting', reason: 'counting changed after the result was computed' });
  }
  q(ctx.db, 'DELETE FROM round_result WHERE round_number = ?').run(round.number);
}

export interface StoredBallot {
  sheet: Sheet;
  position: number;
  content: BallotContent;
  ruling: { decision: DoubtfulRuling; by: number; reason: string } | null;
}

interface RawBallot {
  sheet: Sheet;
  position: number;
  content_json: string;
  ruling_json: string | null;
}

function fromRaw(r: RawBallot): StoredBallot {
  return {
    sheet: r.sheet,
    position: r.position,
    content: JSON.parse(r.content_json) as BallotContent,
    ruling: r.ruling_json === null ? null : (JSON.parse(r.ruling_json) as StoredBallot['ruling']),
  };
}

export function sheetBallots(db: Db, round: number, box: string, sheet: Sheet): StoredBallot[] {
  return (
    q(db, 'SELECT sheet, position, content_json, ruling_json FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? ORDER BY position').all(
      round,
      box,
      sheet,
    ) as RawBallot[]
  ).map(fromRaw);
}

/** `limit` ballots of a sheet from position `from` on, in order. */
export function sheetBallotsFrom(db: Db, round: number, box: string, sheet: Sheet, from: number, limit: number): StoredBallot[] {
  return (
    q(
      db,
      'SELECT sheet, position, content_json, ruling_json FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND position >= ? ORDER BY position LIMIT ?',
    ).all(round, box, sheet, from, limit) as RawBallot[]
  ).map(fromRaw);
}

/** A sheet's ballots one at a time (a box of tens of thousands is never held as one array of rows). */
export function* eachSheetBallot(db: Db, round: number, box: string, sheet: Sheet): Generator<StoredBallot> {
  const rows = q(db, 'SELECT sheet, position, content_json, ruling_json FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? ORDER BY position');
  for (const r of rows.iterate(round, box, sheet) as IterableIterator<RawBallot>) yield fromRaw(r);
}

export function ballotAt(db: Db, round: number, box: string, sheet: Sheet, position: number): StoredBallot | undefined {
  const r = q(db, 'SELECT sheet, position, content_json, ruling_json FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').get(
    round,
    box,
    sheet,
    position,
  ) as RawBallot | undefined;
  return r ? fromRaw(r) : undefined;
}

export interface BallotRow {
  position: number;
  content_json: string;
  entry_key: string | null;
}

export function ballotRowAt(db: Db, round: number, box: string, sheet: Sheet, position: number): BallotRow | undefined {
  return q(db, 'SELECT position, content_json, entry_key FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND position = ?').get(
    round,
    box,
    sheet,
    position,
  ) as BallotRow | undefined;
}

/** Reads the whole sheet (the key has no index): only for an entry sent with a key but without its position. */
export function ballotByEntryKey(db: Db, round: number, box: string, sheet: Sheet, key: string): BallotRow | undefined {
  return q(db, 'SELECT position, content_json, entry_key FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ? AND entry_key = ?').get(
    round,
    box,
    sheet,
    key,
  ) as BallotRow | undefined;
}

export function sheetLength(db: Db, round: number, box: string, sheet: Sheet): number {
  return (
    q(db, 'SELECT coalesce(max(position), 0) AS n FROM ballot WHERE round_number = ? AND box_id = ? AND sheet = ?').get(round, box, sheet) as {
      n: number;
    }
  ).n;
}
