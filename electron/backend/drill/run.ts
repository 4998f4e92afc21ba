import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { SealWrittenView } from '../../../shared/api/seal';
import { normalizeName } from '../../../shared/domain/names';
import { appendAudit } from '../audit';
import { createContext, refused, type BackendContext } from '../context';
import { inTransaction } from '../db';
import { sealElection } from '../services/seal';
import { requireElection } from '../services/setup-read';
import { roundBallot } from '../services/setup-rounds';
import { DrillClock } from './clock';
import { drawPopularity, writeInPool } from './marks';
import { randomName } from './names';
import { runCounting } from './phases-count';
import { approveDrillProxies, importDrillRoll, setUpElection } from './phases-setup';
import { runVoting } from './phases-voting';
import { createRng } from './prng';
import { phaseReporter, type ProgressListener } from './progress';
import { runFurtherRounds, signRound } from './phases-finish';

export interface DrillOptions {
  /** The drill database to create (must not exist). */
  dbFile: string;
  voters: number;
  seed: string | number;
  /** The sealed file; default FILE.sealed.json beside the database. */
  out?: string;
  /** Election day, YYYY-MM-DD; default 2026-05-16. */
  date?: string;
  community?: string;
}

export interface DrillRoundSummary {
  number: number;
  kind: string;
  registered: number;
  participants: number;
  ballots: number;
  voidBallots: number;
  valid: boolean;
  elected: { office: string; names: string[]; vacant: number }[];
  nextSteps: { kind: string; office: string; seats: number; names: string[]; required: boolean }[];
  recordHash: string;
  resultHash: string;
  signoffs: number;
}

export interface DrillSummary {
  seed: string;
  db: string;
  sealedFile: string;
  election: string;
  date: string;
  voters: number;
  mobileList: number;
  proxies: number;
  proxyBallots: number;
  assisted: number;
  spoiled: number;
  doubtful: number;
  corrections: number;
  rounds: DrillRoundSummary[];
  fingerprint: string;
  auditHead: { count: number; hash: string };
  seconds: number;
}

export const DEFAULT_DRILL_DATE = '2026-05-16';

export function defaultSealedPath(dbFile: string): string {
  const abs = resolve(dbFile);
  const ext = extname(abs);
  return join(dirname(abs), `${basename(abs, ext)}.sealed.json`);
}

/**
 * A whole election day rehearsed through the real services, deterministic for a seed: the election, the roll
 * (imported as a CSV file), the mobile list, proxies, voting with assisted writing and spoiled exchanges, the
 * custody of every box, counting with plausible marks, results, further rounds when the result asks for them,
 * sign-offs by every official, and a sealed result file. Both a training tool and the end-to-end fixture.
 */
export async function runDrill(opts: DrillOptions, onProgress?: ProgressListener): Promise<DrillSummary> {
  const started = performance.now();
  if (!Number.isInteger(opts.voters) || opts.voters < 10 || opts.voters > 200_000) {
    throw refused('演练选民人数须在 10 到 200000 之间', 'a drill needs between 10 and 200,000 voters');
  }
  const dbFile = resolve(opts.dbFile);
  if (existsSync(dbFile)) {
    throw refused(`${dbFile} 已存在；演练总是新建一个数据库`, `${dbFile} already exists; a drill always creates a new database`);
  }
  const out = resolve(opts.out ?? defaultSealedPath(dbFile));
  if (existsSync(out)) throw refused(`${out} 已存在`, `${out} already exists`);
  const date = opts.date ?? DEFAULT_DRILL_DATE;
  const seed = String(opts.seed);
  const rng = createRng(`drill:${seed}`);
  const clock = new DrillClock(date);
  const ctx: BackendContext = createContext({ dbFile, now: clock.now, actor: '演练 drill' });
  // A drill database is a rehearsal: each commit need not reach the disk before the next starts (WAL keeps it
  // consistent). Everything else — transactions, checks, audit — is exactly what the station does.
  ctx.db.pragma('synchronous = NORMAL');
  try {
    const community = opts.community ?? rng.fork('community').pick(['幸福里社区', '和平社区', '春晖社区', '清河社区', '翠苑社区', '文新社区']);
    const setup = setUpElection(ctx, rng, { date, community }, onProgress);
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, { type: 'drill.started', at: ctx.now(), actor: ctx.actor, subject: 'drill', detail: { seed, voters: opts.voters } }),
    );
    const election = requireElection(ctx.db);
    const voters = await importDrillRoll(ctx, rng, clock, { voters: opts.voters, date, chairId: setup.staff.chairId }, onProgress);
    const candidateNames = new Set((setup.definition.candidates ?? []).map((c) => normalizeName(c.name)));
    const proxies = approveDrillProxies(ctx, rng, voters, { proxyLimit: election.rules.proxyLimit, chairId: setup.staff.chairId, candidateNames }, onProgress);

    const pr = rng.fork('popularity');
    const turnoutRng = rng.fork('turnout');
    const writeIns = writeInPool(pr, () => randomName(pr, pr.chance(0.5) ? 'female' : 'male'));
    const signoffs = new Map<number, number>();
    const totals = { proxyBallots: 0, assisted: 0, spoiled: 0, doubtful: 0, corrections: 0 };
    const playRound = (round: number, hours: [string, string], turnout: number) => {
      const voting = runVoting(ctx, rng, clock, { round, voters, turnout, helpers: setup.staff.helpers, carriers: setup.people.carriers, hours }, onProgress);
      totals.proxyBallots += voting.proxyBallots;
      totals.assisted += voting.assisted;
      totals.spoiled += voting.spoiled;
      const offices = roundBallot(ctx.db, round).map((o) => ({ id: o.id, seats: o.seats, candidates: o.candidates.map((c) => ({ id: c.id, name: c.name })) }));
      const popularity = drawPopularity(pr.fork(`round-${round}`), offices);
      const counted = runCounting(ctx, rng, clock, { round, issued: voting.issued, staff: setup.staff, popularity, writeIns }, onProgress);
      totals.doubtful += counted.doubtful;
      totals.corrections += counted.corrections;
      signoffs.set(round, signRound(ctx, clock, counted.result, setup.staff.signers, onProgress));
      return counted.result;
    };
    const first = playRound(1, ['08:00', '17:00'], 0.8 + turnoutRng.next() * 0.12);
    const later = runFurtherRounds(ctx, clock, first, (round, hours) => playRound(round, hours, 0.62 + turnoutRng.next() * 0.15), setup.staff.chairId);
    const all = [first, ...later];

    const sealReport = phaseReporter(onProgress, 'seal', 1);
    clock.advance(900);
    const sealed: SealWrittenView = sealElection(ctx, { path: out });
    sealReport(1);
    return {
      seed,
      db: dbFile,
      sealedFile: sealed.path,
      election: election.title,
      date,
      voters: opts.voters,
      mobileList: voters.filter((v) => v.mobile).length,
      proxies,
      ...totals,
      rounds: all.map((r) => ({
        number: r.round,
        kind: r.kind,
        registered: r.result.counts.registered,
        participants: r.result.counts.participants,
        ballots: r.result.counts.ballotsCast,
        voidBallots: r.result.counts.voidBallots,
        valid: r.result.valid,
        elected: r.result.offices.map((o) => ({ office: o.office, names: o.elected, vacant: o.vacant })),
        nextSteps: r.result.nextSteps.map((s) => ({ ...s })),
        recordHash: r.recordHash,
        resultHash: r.resultHash,
        signoffs: signoffs.get(r.round) ?? 0,
      })),
      fingerprint: sealed.fingerprint.short,
      auditHead: sealed.auditHead,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    ctx.db.close();
  }
}
