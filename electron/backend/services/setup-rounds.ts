import { normalizeName } from '../../../shared/domain/names';
import { ROUND_STATUSES, type RoundStatus } from '../../../shared/domain/round';
import type { RoundKind } from '../../../shared/record/cer';
import { sortByStroke } from '../../../shared/rules/stroke-order';
import { appendAudit } from '../audit';
import { invalid, notFound, refused, type BackendContext, says, statusWords } from '../context';
import type { Db } from '../db';
import { readCandidates, readOffices } from './setup-read';
import type { BallotOffice, RoundView } from '../../../shared/api/setup';
import { tallySpoiled } from './spoiled';
import type { LaterCandidateFacts } from './round-candidates';

export function listRounds(db: Db): RoundView[] {
  return (db.prepare('SELECT number, kind, status, created_at FROM round ORDER BY number').all() as {
    number: number;
    kind: RoundKind;
    status: RoundStatus;
    created_at: string;
  }[]).map((r) => ({ number: r.number, kind: r.kind, status: r.status, createdAt: r.created_at }));
}

export function getRound(db: Db, number: number): RoundView {
  const r = listRounds(db).find((x) => x.number === number);
  if (!r) throw notFound(says('error.setup.noRound', { number }));
  return r;
}

export interface LaterRoundOffice {
  office: string;
  seats: number;
  candidates: { id?: string | undefined; name: string; gender?: 'female' | 'male' | undefined; facts?: LaterCandidateFacts | null | undefined }[];
}

/**
 * Creates the next round (numbered in creation order). Round 1 is the regular round made by createElection;
 * a tie re-vote or supplementary round lists its offices, seats and persons. Call inside a transaction.
 */
export function createRoundTx(ctx: BackendContext, input: { kind: RoundKind; offices: LaterRoundOffice[] }): RoundView {
  const db = ctx.db;
  const last = db.prepare('SELECT number, status FROM round ORDER BY number DESC LIMIT 1').get() as
    | { number: number; status: RoundStatus }
    | undefined;
  const number = (last?.number ?? 0) + 1;
  if (number === 1 && input.kind !== 'regular') throw refused(says('error.setup.roundMustRegularRound'));
  if (number > 1 && input.kind === 'regular') {
    throw refused(says('error.setup.onlyRoundRegularLater'));
  }
  if (last && !['counted', 'signed', 'sealed'].includes(last.status)) {
    throw refused(
      says('error.setup.roundNotCountedYet', { number: last.number, status: statusWords(last.status) }),
    );
  }
  if (number > 1 && input.offices.length === 0) throw invalid('offices', says('error.setup.laterRoundMustList'));
  const at = ctx.now().toISOString();
  db.prepare('INSERT INTO round (number, kind, status, created_at) VALUES (?, ?, ?, ?)').run(number, input.kind, 'prepared', at);
  const known = new Map(readOffices(db).map((o) => [o.id, o]));
  input.offices.forEach((o, i) => {
    if (!known.has(o.office)) throw invalid(`offices[${i}].office`, says('error.setup.unknownOffice', { office: o.office }));
    if (o.candidates.length === 0) throw invalid(`offices[${i}].candidates`, says('error.setup.leastOneCandidate'));
    db.prepare('INSERT INTO round_office (round_number, office_id, seats) VALUES (?, ?, ?)').run(number, o.office, o.seats);
    const keys = new Set<string>();
    o.candidates.forEach((c, j) => {
      const key = normalizeName(c.name);
      if (keys.has(key)) throw invalid(`offices[${i}].candidates[${j}].name`, says('error.setup.listedTwice2', { name: c.name }));
      keys.add(key);
      const id = c.id ?? `r${number}-${o.office}-${j + 1}`;
      const f = c.facts ?? null;
      db.prepare(
        `INSERT INTO round_candidate (round_number, office_id, id, name, name_key, gender, birth_year, education, political_status, person_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(number, o.office, id, c.name.trim(), key, c.gender ?? null, f?.birthYear ?? null, f?.education ?? null, f?.politicalStatus ?? null, f?.personKey ?? null);
    });
  });
  appendAudit(db, {
    type: 'round.created',
    at,
    actor: ctx.actor,
    subject: `round:${number}`,
    detail: { kind: input.kind, offices: input.offices.map((o) => ({ office: o.office, seats: o.seats, candidates: o.candidates.map((c) => c.name) })) },
  });
  return getRound(db, number);
}

/**
 * Allowed moves: forward one step; sealed from counted too (a committee override of missing sign-offs); or back to
 * counting from counted, signed or sealed (a reopening, which needs a reason).
 */
export function statusMoveAllowed(from: RoundStatus, to: RoundStatus): boolean {
  const i = ROUND_STATUSES.indexOf(from);
  const j = ROUND_STATUSES.indexOf(to);
  if (j === i + 1) return true;
  if (to === 'sealed') return from === 'counted';
  return to === 'counting' && (from === 'counted' || from === 'signed' || from === 'sealed');
}

export function setRoundStatusTx(ctx: BackendContext, input: { round: number; status: RoundStatus; reason?: string | undefined }): RoundView {
  const r = getRound(ctx.db, input.round);
  if (!statusMoveAllowed(r.status, input.status)) {
    const next = ROUND_STATUSES[ROUND_STATUSES.indexOf(r.status) + 1];
    const moving = { round: r.number, status: statusWords(r.status), to: statusWords(input.status) };
    throw refused(next ? says('error.setup.statusMoveNext', { ...moving, next: statusWords(next) }) : says('error.setup.statusMove', moving));
  }
  const reopening = ROUND_STATUSES.indexOf(input.status) < ROUND_STATUSES.indexOf(r.status);
  if (reopening && !input.reason) throw refused(says('error.setup.reopeningCountNeedsReason'));
  // Closing the poll brings every box's spoiled-ballot exchanges not yet in the audit log into it (services/spoiled.ts).
  if (input.status === 'closed') tallySpoiled(ctx, r.number);
  ctx.db.prepare('UPDATE round SET status = ? WHERE number = ?').run(input.status, r.number);
  appendAudit(ctx.db, {
    type: 'round.status-changed',
    at: ctx.now(),
    actor: ctx.actor,
    subject: `round:${r.number}`,
    detail: { from: r.status, to: input.status, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return { ...r, status: input.status };
}

/** What is on a round's ballot: offices in rank order, candidates in surname stroke order. */
export function roundBallot(db: Db, round: number): BallotOffice[] {
  getRound(db, round);
  const offices = readOffices(db);
  const rows = db.prepare('SELECT office_id, seats FROM round_office WHERE round_number = ?').all(round) as {
    office_id: string;
    seats: number;
  }[];
  if (rows.length === 0) {
    const candidates = readCandidates(db);
    return offices.map((o) => ({
      ...o,
      candidates: sortByStroke(
        candidates.filter((c) => c.office === o.id).map((c) => ({ id: c.id, name: c.name, gender: c.gender })),
        (c) => c.name,
      ),
    }));
  }
  const seats = new Map(rows.map((r) => [r.office_id, r.seats]));
  const cands = db.prepare('SELECT office_id, id, name, gender FROM round_candidate WHERE round_number = ?').all(round) as {
    office_id: string;
    id: string;
    name: string;
    gender: 'female' | 'male' | null;
  }[];
  return offices
    .filter((o) => seats.has(o.id))
    .map((o) => ({
      ...o,
      seats: seats.get(o.id)!,
      candidates: sortByStroke(
        cands.filter((c) => c.office_id === o.id).map((c) => ({ id: c.id, name: c.name, gender: c.gender })),
        (c) => c.name,
      ),
    }));
}
