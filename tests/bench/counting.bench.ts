/**
 * Counting benchmark (issue 4): enter 30,000 ballots into one box, one IMMEDIATE transaction each with its audit
 * event and the fsync of synchronous=FULL, as the counting screen does; then compute the round's result (build the
 * cer/1 record from the database and run the shared tally). Targets: entry p99 < 3 ms, result < 1 s.
 * Setup only (not measured): the 30,000 issuance rows are written in one bulk transaction instead of through the
 * desk service, which has its own benchmark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../electron/backend/context';
import { inTransaction } from '../../electron/backend/db';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../electron/backend/services/counting';
import { recordCustodyStep } from '../../electron/backend/services/custody';
import { importRoll } from '../../electron/backend/services/roll';
import { computeResults } from '../../electron/backend/services/results';
import { createElection } from '../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../electron/backend/services/setup-rounds';
import type { BallotContent } from '../../shared/api/counting';
import { makeRollCsv, utf8 } from '../unit/roll/make-roll';

const BALLOTS = 30_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A small deterministic PRNG (mulberry32), so every run enters the same ballots. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
}

/** Plausible ballots for the sample election: mostly marked, some against, some write-ins, an overvote, a few void. */
function makeBallot(r: () => number, ids: Record<string, string[]>): BallotContent {
  const x = r();
  if (x < 0.01) return { void: 'unreadable' };
  if (x < 0.02) return { marks: {} };
  const marks: Record<string, { for?: string[]; against?: string[]; writeIns?: string[] }> = {};
  const seats: Record<string, number> = { chair: 1, vice: 1, member: 3, women: 1 };
  for (const [office, cands] of Object.entries(ids)) {
    const n = r() < 0.03 ? seats[office]! + 1 : Math.floor(r() * (seats[office]! + 1));
    const chosen = pick(r, cands, n);
    const rest = cands.filter((c) => !chosen.includes(c));
    const section: { for?: string[]; against?: string[]; writeIns?: string[] } = {};
    if (chosen.length > 0) section.for = chosen;
    if (rest.length > 0 && r() < 0.2) section.against = [rest[0]!];
    if (office === 'member' && r() < 0.02) section.writeIns = ['赵磊'];
    marks[office] = section;
  }
  return { marks };
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-counting-'));
  try {
    const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'bench' });
    createElection(ctx, JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'election-residents.json'), 'utf8')));
    await importRoll(ctx, { bytes: utf8(makeRollCsv(40_000, { withCertificates: false }), true), fileName: 'roll.csv' });
    inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['B-1'] });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'voting' });
    inTransaction(ctx.db, () => {
      ctx.db
        .prepare(
          `INSERT INTO issuance (voter_id, round_number, box_id, desk, at, actor)
           SELECT id, 1, 'C1', 'C1', '2026-05-16T09:00:00.000Z', 'bench' FROM voter ORDER BY id LIMIT ?`,
        )
        .run(BALLOTS);
    });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-closed', seals: ['B-2'] });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['B-1', 'B-2'], intact: true });
    inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'closed' }));
    openBox(ctx, { round: 1, box: 'C1' });
    recordBallotsFound(ctx, { round: 1, box: 'C1', found: BALLOTS });

    const ids: Record<string, string[]> = {};
    for (const c of ctx.db.prepare('SELECT id, office_id FROM candidate ORDER BY id').all() as { id: string; office_id: string }[]) {
      (ids[c.office_id] ??= []).push(c.id);
    }
    const r = prng(4);
    const ballots = Array.from({ length: BALLOTS }, () => makeBallot(r, ids));
    const times: number[] = [];
    const started = performance.now();
    for (const ballot of ballots) {
      const t = performance.now();
      enterBallot(ctx, { round: 1, box: 'C1', ballot });
      times.push(performance.now() - t);
    }
    const entryTotal = performance.now() - started;
    times.sort((a, b) => a - b);
    finishBox(ctx, { round: 1, box: 'C1' });

    let t = performance.now();
    const result = computeResults(ctx, 1);
    const resultMs = performance.now() - t;
    t = performance.now();
    const again = computeResults(ctx, 1);
    const recomputeMs = performance.now() - t;
    ctx.db.close();
    const p99 = percentile(times, 99);
    return {
      'ballots entered': BALLOTS,
      'entry total s': entryTotal / 1000,
      'entry p50 ms': percentile(times, 50),
      'entry p99 ms (target < 3)': p99,
      'entry max ms': times[times.length - 1]!,
      'result ms (target < 1000)': resultMs,
      'recompute, nothing changed, ms': recomputeMs,
      'same hash on recompute': String(again.resultHash === result.resultHash),
      'result valid / void ballots': `${result.result.valid} / ${result.result.counts.voidBallots}`,
      targets: p99 < 3 && resultMs < 1000 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
