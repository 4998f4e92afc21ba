import { representativeCount } from './representatives-store';
import { registeredOnRoll } from './eligible-units';
import { isPartyRoll, partyRegisteredOnRoll } from '../party/counts';
import type { BallotContent } from '../../../shared/api/counting';
import { parseCerRecord, type Ballot, type CerRecord, type CerResult, type RuleProfileInput } from '../../../shared/record';
import { tally } from '../../../shared/rules/tally';
import { appendAudit } from '../audit';
import { ApiError } from '../../../shared/api/envelope';
import { refused, type BackendContext, says, statusWords } from '../context';
import { type Db, inTransaction } from '../db';
import { hashJson } from '../seal';
import { inCanonicalOrder } from './ballot-order';
import { q, signoffsInForce, type StoredBallot } from './counting-store';
import { custodyState } from './custody';
import { candidateRecordFacts } from './person-key';
import { requireElection } from './setup-read';
import { getRound, roundBallot, setRoundStatusTx } from './setup-rounds';
import type { RoundResultView } from '../../../shared/api/results';

/**
 * A round's result: the cer/1 record is built from the database and counted by shared/rules tally (the only tally
 * path). Record, result and hashJson of each are stored; computing again with nothing changed gives the same bytes.
 */

/**
 * Registered: the number set for the election, or the representatives (an election by them), or from the roll
 * (voters, households in a household election, a Party meeting's members less probationary and excused: party/counts).
 */
export function registeredCount(db: Db): number {
  const e = requireElection(db);
  if (e.registered.source === 'number') return e.registered.number;
  if (e.method === 'representative') return representativeCount(db);
  if (isPartyRoll(e)) return partyRegisteredOnRoll(db);
  return registeredOnRoll(db);
}

/** People who received a ballot in this round. */
export function participantsOf(db: Db, round: number): number {
  return (q(db, 'SELECT count(*) AS n FROM issuance WHERE round_number = ?').get(round) as { n: number }).n;
}

/** What a stored ballot counts as: its marks, its void reason, or for a doubtful one, the committee's ruling. */
function recordBallot(box: string, b: StoredBallot): Ballot {
  const c = 'doubtful' in b.content ? b.ruling?.decision : b.content;
  if (c === undefined) throw new Error(`unruled doubtful ballot in accepted box ${box}`);
  return 'void' in c ? { box, void: c.void } : { box, marks: c.marks };
}

/**
 * The round's cer/1 record, each box's ballots in canonical order (ballot-order.ts), never in entry order. Refused
 * while a box is still being counted, or a box that received ballots this round has not been opened (unless the
 * committee set it aside).
 */
export function buildRoundRecord(db: Db, round: number): CerRecord {
  const e = requireElection(db);
  const r = getRound(db, round);
  const boxes = db
    .prepare(
      `SELECT b.id, c.status,
         (SELECT count(*) FROM issuance i WHERE i.round_number = ? AND i.box_id = b.id) AS issued
       FROM box b LEFT JOIN box_count c ON c.box_id = b.id AND c.round_number = ? ORDER BY b.id`,
    )
    .all(round, round) as { id: string; status: 'counting' | 'accepted' | null; issued: number }[];
  const counting = boxes.filter((b) => b.status === 'counting').map((b) => b.id);
  if (counting.length > 0) {
    throw refused(says('error.results.boxesStillCounting', { round, boxes: counting }), { boxes: counting });
  }
  const unopened = boxes
    .filter((b) => b.status === null && b.issued > 0 && custodyState(db, b.id, round).position.state !== 'set-aside')
    .map((b) => b.id);
  if (unopened.length > 0) {
    throw refused(says('error.results.boxesUnopened', { round, boxes: unopened }), { boxes: unopened });
  }
  const ballots: Ballot[] = [];
  const rows = db.prepare(
    `SELECT x.box_id, x.position, x.content_json, x.ruling_json FROM ballot x
     JOIN box_count c ON c.round_number = x.round_number AND c.box_id = x.box_id AND c.status = 'accepted'
     WHERE x.round_number = ? AND x.sheet = 'A'`,
  );
  for (const row of rows.iterate(round) as IterableIterator<{ box_id: string; position: number; content_json: string; ruling_json: string | null }>) {
    ballots.push(
      recordBallot(row.box_id, {
        sheet: 'A',
        position: row.position,
        content: JSON.parse(row.content_json) as BallotContent,
        ruling: row.ruling_json === null ? null : (JSON.parse(row.ruling_json) as StoredBallot['ruling']),
      }),
    );
  }
  const offices = roundBallot(db, round);
  const factsOf = candidateRecordFacts(db, round);
  const { proxyLimit: _proxyLimit, ...rules } = e.rules;
  const record: CerRecord = {
    format: 'cer/1',
    election: { title: e.title, body: e.body, method: e.method, registered: registeredCount(db) },
    rules: rules satisfies RuleProfileInput,
    round: r.kind,
    offices: offices.map((o) => ({ id: o.id, title: o.title, seats: o.seats, rank: o.rank })),
    candidates: offices.flatMap((o) =>
      o.candidates.map((c) => ({ id: c.id, name: c.name, office: o.id, ...(c.gender !== null ? { gender: c.gender } : {}), ...factsOf(o.id, c.name) })),
    ),
    participants: participantsOf(db, round),
    ballots: inCanonicalOrder(ballots),
  };
  try {
    parseCerRecord(record);
  } catch (err) {
    throw new ApiError('internal', `第 ${round} 轮记录无法通过 cer/1 校验 / the round ${round} record is not a valid cer/1: ${(err as Error).message}`);
  }
  return record;
}

interface RawResult {
  round_number: number;
  record_json: string;
  result_json: string;
  record_hash: string;
  result_hash: string;
  computed_at: string;
}

export function storedResult(db: Db, round: number): RoundResultView | null {
  const r = getRound(db, round);
  const row = q(db, 'SELECT * FROM round_result WHERE round_number = ?').get(round) as RawResult | undefined;
  if (!row) return null;
  return {
    round,
    kind: r.kind,
    record: JSON.parse(row.record_json) as CerRecord,
    result: JSON.parse(row.result_json) as CerResult,
    recordHash: row.record_hash,
    resultHash: row.result_hash,
    computedAt: row.computed_at,
  };
}

/** Only the stored result's hash (signing needs nothing else; the record can run to megabytes). */
export function storedResultHash(db: Db, round: number): string | null {
  const row = q(db, 'SELECT result_hash FROM round_result WHERE round_number = ?').get(round) as { result_hash: string } | undefined;
  return row?.result_hash ?? null;
}

/**
 * Computes (or confirms) the round's result and stores it; the round becomes 'counted'. Once signed, the round is
 * frozen and the stored result is returned as it is.
 */
export function computeResults(ctx: BackendContext, round: number): RoundResultView {
  const view = computeResultsTx(ctx, round);
  // After the commit: the shell keeps a backup copy of the database at every closed count.
  ctx.onRoundClosed?.();
  return view;
}

function computeResultsTx(ctx: BackendContext, round: number): RoundResultView {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const r = getRound(db, round);
    const stored = storedResult(db, round);
    if (stored && (signoffsInForce(db, round).length > 0 || r.status === 'signed' || r.status === 'sealed')) return stored;
    if (r.status === 'prepared' || r.status === 'voting') {
      throw refused(says('error.results.roundNotClosedYet', { round, status: statusWords(r.status) }));
    }
    const record = buildRoundRecord(db, round);
    const result = tally(parseCerRecord(record));
    const recordHash = hashJson(record);
    const resultHash = hashJson(result);
    let view: RoundResultView;
    if (stored && stored.recordHash === recordHash && stored.resultHash === resultHash) {
      view = stored;
    } else {
      const at = ctx.now().toISOString();
      db.prepare(
        `INSERT INTO round_result (round_number, record_json, result_json, record_hash, result_hash, computed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (round_number) DO UPDATE SET record_json = excluded.record_json, result_json = excluded.result_json,
           record_hash = excluded.record_hash, result_hash = excluded.result_hash, computed_at = excluded.computed_at`,
      ).run(round, JSON.stringify(record), JSON.stringify(result), recordHash, resultHash, at);
      appendAudit(db, {
        type: 'result.computed',
        at,
        actor: ctx.actor,
        subject: `round:${round}`,
        detail: { recordHash, resultHash, valid: result.valid, ballots: record.ballots.length, participants: record.participants },
      });
      view = { round, kind: r.kind, record, result, recordHash, resultHash, computedAt: at };
    }
    if (r.status === 'closed') setRoundStatusTx(ctx, { round, status: 'counting' });
    if (r.status === 'closed' || r.status === 'counting') setRoundStatusTx(ctx, { round, status: 'counted' });
    return view;
  });
}

/** The stored result, computed first if there is none yet. */
export function results(ctx: BackendContext, round: number): RoundResultView {
  return storedResult(ctx.db, round) ?? computeResults(ctx, round);
}

/** The exact cer/1 record the stored result was computed from. */
export function exportRecord(ctx: BackendContext, round: number): CerRecord {
  return results(ctx, round).record;
}
