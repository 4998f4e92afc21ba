import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { DrillCompleteView, DrillOutcomeView, DrillSampleView, DrillStage } from '../../../shared/api/drill';
import type { SealWrittenView } from '../../../shared/api/seal';
import { normalizeName } from '../../../shared/domain/names';
import { appendAudit, auditHead } from '../audit';
import { createContext, refused, type BackendContext, says } from '../context';
import { actorOrLabel, runAsCaller } from '../authority/caller';
import { asStaff } from './staff';
import { inTransaction } from '../db';
import { crashPoint } from '../files/crash-point';
import { sealElection } from '../services/seal';
import { requireElection } from '../services/setup-read';
import { roundBallot } from '../services/setup-rounds';
import { DrillClock } from './clock';
import { drillFileState, interruptedDrillRefusal, markDrillFinished, type DrillFileState } from './state';
import { verifySealedFile } from '../seal';
import { drawPopularity, writeInPool } from './marks';
import { randomName } from './names';
import { runCounting } from './phases-count';
import { approveDrillProxies, chairApproval, importDrillRoll, setUpElection, type DrillVoter } from './phases-setup';
import { ballotsFor, boxFor, openRoundForVoting, runVoting } from './phases-voting';
import { drillRng } from './credentials';
import { DRILL_BOXES, DRILL_VENUES } from './definition';
import { phaseReporter, yieldToEventLoop, type ProgressListener } from './progress';
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
  /** An existing drill database (interrupted or not) and its sealed file are replaced; never a real election. */
  replace?: boolean;
}

/** What a whole-day drill did (`station drill --json`): the app's answer plus the database it wrote. */
export type DrillSummary = Omit<DrillCompleteView, 'stage'> & { db: string };

export const DEFAULT_DRILL_DATE = '2026-05-16';

/** The audit actor of what the drill itself records (its start and end), which no person does. */
export const DRILL_ACTOR = '演练 drill';

export interface DrillRunOptions {
  voters: number;
  seed: string | number;
  /** Default 'complete'. */
  stage?: DrillStage;
  /** The sealed file ('complete' only); default <dataDir>/drill-<seed>.sealed.json (-2, -3… if taken). */
  out?: string;
  /** Election day, YYYY-MM-DD; default today in China Standard Time by the context's clock. */
  date?: string;
  community?: string;
  /** Replace `out` if it exists (the caller checked it is a drill's). */
  overwriteOut?: boolean;
}

export function defaultSealedPath(dbFile: string): string {
  const abs = resolve(dbFile);
  const ext = extname(abs);
  return join(dirname(abs), `${basename(abs, ext)}.sealed.json`);
}

/** <dataDir>/drill-<seed>.sealed.json, or -2, -3… when a file of that name is already there. */
export function drillSealedPath(dataDir: string, seed: string): string {
  const safe = seed.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40) || 'seed';
  for (let n = 1; ; n++) {
    const p = join(resolve(dataDir), `drill-${safe}${n === 1 ? '' : `-${n}`}.sealed.json`);
    if (!existsSync(p)) return p;
  }
}

/** Today's date in China Standard Time (UTC+8), where these elections are held. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function checkVoters(voters: number): void {
  if (!Number.isInteger(voters) || voters < 10 || voters > 200_000) {
    throw refused(says('error.drill.drillNeedsBetweenVoters'));
  }
}

/**
 * A whole election day rehearsed through the real services, deterministic for a seed: the election, the roll
 * (imported as a CSV file), the mobile list, proxies, voting with assisted writing and spoiled exchanges, the
 * custody of every box, counting with plausible marks, results, further rounds when the result asks for them,
 * sign-offs by every official, and a sealed result file. Both a training tool and the end-to-end fixture.
 * Creates a new database file; the app plays into its open (empty) election file with runDrillInContext.
 */
export async function runDrill(opts: DrillOptions, onProgress?: ProgressListener): Promise<DrillSummary> {
  checkVoters(opts.voters);
  const dbFile = resolve(opts.dbFile);
  const out = resolve(opts.out ?? defaultSealedPath(dbFile));
  if (existsSync(dbFile)) clearEarlierDrill(dbFile, opts.replace === true);
  const overwriteOut = existsSync(out) && opts.replace === true && isDrillSealedFile(out);
  if (existsSync(out) && !overwriteOut) {
    throw refused(`${out} 已存在`, `${out} already exists${opts.replace === true ? ' and is not a drill\'s sealed file' : ''}`);
  }
  const ctx: BackendContext = createContext({ dbFile, actor: DRILL_ACTOR });
  try {
    const outcome = await runDrillInContext(
      ctx,
      {
        voters: opts.voters,
        seed: opts.seed,
        stage: 'complete',
        out,
        overwriteOut,
        date: opts.date ?? DEFAULT_DRILL_DATE,
        ...(opts.community !== undefined ? { community: opts.community } : {}),
      },
      onProgress,
    );
    if (outcome.stage !== 'complete') throw new Error('drill: expected a complete drill');
    const { stage: _stage, ...summary } = outcome;
    return { ...summary, db: dbFile };
  } finally {
    ctx.db.close();
  }
}

/**
 * An existing drill database: without `replace` refused (saying so when it holds an interrupted drill); with it
 * removed — but only a drill's (or an empty file left by a drill killed while setting up), never a real election.
 */
function clearEarlierDrill(dbFile: string, replace: boolean): void {
  const ctx = createContext({ dbFile, mustExist: true, actor: DRILL_ACTOR });
  let state: DrillFileState;
  try {
    state = drillFileState(ctx.db);
  } finally {
    ctx.db.close();
  }
  if (!replace) {
    const how = { zh: '加 --replace 丢弃它并重新开始', en: 'run again with --replace to discard it and start again' };
    if (state.state === 'interrupted') throw interruptedDrillRefusal(state.seed, how, dbFile);
    if (state.state === 'empty') throw interruptedDrillRefusal(null, how, dbFile);
    throw refused(says('error.drill.alreadyExistsDrillAlways', { dbFile }));
  }
  if (state.state === 'real' || state.state === 'hand-made-drill') {
    throw refused(says('error.drill.holdsElectionDrillMade', { dbFile }));
  }
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(f, { force: true });
}

/** Far above any drill's sealed file (200,000 voters): a bigger file is not read, and not replaced. */
const MAX_DRILL_SEALED_BYTES = 512 * 1024 * 1024;

/** Whether `path` is a sealed file that verifies and was sealed from a drill election (so --replace may overwrite it). */
function isDrillSealedFile(path: string): boolean {
  if (statSync(path).size > MAX_DRILL_SEALED_BYTES) return false;
  const outcome = verifySealedFile(readFileSync(path));
  return outcome.ok && outcome.summary.payload.election.drill === true;
}

/**
 * Plays a drill into an open database that holds no election yet (the app's freshly created election file), through
 * the same services the officials use, on the drill's own clock, each step as the official who would take it (the
 * drill's own start and end are recorded as "演练 drill"). 'complete' plays the
 * whole day and seals; 'ready-to-vote' stops once round 1 is open for voting (every box sealed empty and voting, the
 * blank ballots received) so the officials practise the desk, the boxes, counting, sign-off and export themselves.
 * The connection's synchronous setting is lowered for the drill's many small commits and put back afterwards.
 */
export async function runDrillInContext(base: BackendContext, opts: DrillRunOptions, onProgress?: ProgressListener): Promise<DrillOutcomeView> {
  const started = performance.now();
  checkVoters(opts.voters);
  const earlier = drillFileState(base.db);
  if (earlier.state === 'interrupted') {
    throw interruptedDrillRefusal(earlier.seed, { zh: '请先丢弃它，再开始新的演练', en: 'discard it first, then start a new drill' });
  }
  if (earlier.state !== 'empty') {
    throw refused(
      says('error.drill.electionFileAlreadyHolds'),
      { reason: 'not-empty' },
    );
  }
  const stage = opts.stage ?? 'complete';
  const seed = String(opts.seed);
  const out = stage === 'complete' ? resolve(opts.out ?? drillSealedPath(base.dataDir, seed)) : null;
  if (out !== null && existsSync(out) && opts.overwriteOut !== true) throw refused(says('error.drill.alreadyExists', { out }));
  const date = opts.date ?? chinaDate(base.now());
  const rng = drillRng(seed);
  const clock = new DrillClock(date);
  // The drill's own clock and actor over the same connection; no backup hook (a rehearsal needs no backups).
  // Each phase runs as the person who would act at a real station (asStaff), so the audit log names them.
  const ctx: BackendContext = {
    db: base.db,
    dataDir: base.dataDir,
    now: clock.now,
    get actor() {
      return actorOrLabel(DRILL_ACTOR);
    },
    sessions: base.sessions,
  };
  // A drill database is a rehearsal: each commit need not reach the disk before the next starts (WAL keeps it
  // consistent). Everything else — transactions, checks, audit — is exactly what the station does.
  const synchronous = base.db.pragma('synchronous', { simple: true }) as number;
  base.db.pragma('synchronous = NORMAL');
  try {
    const community = opts.community ?? rng.fork('community').pick(['幸福里社区', '和平社区', '春晖社区', '清河社区', '翠苑社区', '文新社区']);
    // The election with its PINs and the 'drill.started' event that holds their seed commit together: a drill killed
    // during its set-up leaves the file empty, never an election whose PINs nobody can find again.
    const setup = inTransaction(ctx.db, () => {
      const made = setUpElection(ctx, rng, { date, community }, onProgress);
      crashPoint('drill:setting-up');
      runAsCaller(null, () => appendAudit(ctx.db, {
        type: 'drill.started',
        at: ctx.now(),
        actor: ctx.actor,
        subject: 'drill',
        detail: { seed, voters: opts.voters, ...(stage === 'complete' ? {} : { stage }), marksFinish: true },
      }));
      return made;
    });
    crashPoint('drill:started');
    const election = requireElection(ctx.db);
    await yieldToEventLoop();
    const chairPin = setup.staff.signers.find((s) => s.role === 'committee-chair')!.pin;
    const voters = await asStaff(ctx, setup.staff.chairId, () =>
      importDrillRoll(ctx, rng, clock, { voters: opts.voters, date, chairId: setup.staff.chairId, chairPin }, onProgress),
    );
    const candidateNames = new Set((setup.definition.candidates ?? []).map((c) => normalizeName(c.name)));
    await yieldToEventLoop();
    const proxies = await asStaff(ctx, setup.staff.chairId, () =>
      approveDrillProxies(ctx, rng, voters, { proxyLimit: election.rules.proxyLimit, chairId: setup.staff.chairId, chairPin, candidateNames }, onProgress),
    );
    await yieldToEventLoop();
    const mobileList = voters.filter((v) => v.mobile).length;

    if (stage === 'ready-to-vote') {
      const votingReport = phaseReporter(onProgress, 'voting', 1);
      openRoundForVoting(ctx, clock, { round: 1, voters, opensAt: '08:00', staff: setup.staff });
      votingReport(1);
      runAsCaller(null, () => markDrillFinished(ctx, stage));
      const head = auditHead(ctx.db);
      return {
        stage,
        seed,
        election: election.title,
        date,
        voters: opts.voters,
        mobileList,
        proxies,
        round: 1,
        boxes: DRILL_BOXES.map((b) => {
          const expected = voters.filter((v) => boxFor(v) === b.id).length;
          return { id: b.id, name: b.name, venueName: venueName(b.venue), expected, ballots: ballotsFor(expected) };
        }),
        samples: sampleCertificates(voters),
        auditHead: { count: head.count, hash: head.head },
        seconds: (performance.now() - started) / 1000,
      };
    }

    const pr = rng.fork('popularity');
    const turnoutRng = rng.fork('turnout');
    const writeIns = writeInPool(pr, () => randomName(pr, pr.chance(0.5) ? 'female' : 'male'));
    const signoffs = new Map<number, number>();
    const totals = { proxyBallots: 0, assisted: 0, spoiled: 0, doubtful: 0, corrections: 0 };
    const playRound = async (round: number, hours: [string, string], turnout: number) => {
      const voting = await runVoting(ctx, rng, clock, { round, voters, turnout, staff: setup.staff, carriers: setup.people.carriers, hours }, onProgress);
      totals.proxyBallots += voting.proxyBallots;
      totals.assisted += voting.assisted;
      totals.spoiled += voting.spoiled;
      crashPoint('drill:voted');
      const offices = roundBallot(ctx.db, round).map((o) => ({ id: o.id, seats: o.seats, candidates: o.candidates.map((c) => ({ id: c.id, name: c.name })) }));
      const popularity = drawPopularity(pr.fork(`round-${round}`), offices);
      const counted = await runCounting(ctx, rng, clock, { round, issued: voting.issued, staff: setup.staff, popularity, writeIns }, onProgress);
      totals.doubtful += counted.doubtful;
      totals.corrections += counted.corrections;
      crashPoint('drill:counted');
      await yieldToEventLoop();
      signoffs.set(round, signRound(ctx, clock, counted.result, setup.staff.signers, onProgress));
      return counted.result;
    };
    const first = await playRound(1, ['08:00', '17:00'], 0.8 + turnoutRng.next() * 0.12);
    const later = await runFurtherRounds(ctx, clock, first, (round, hours) => playRound(round, hours, 0.62 + turnoutRng.next() * 0.15), chairApproval(setup.staff));
    const all = [first, ...later];

    await yieldToEventLoop();
    const sealReport = phaseReporter(onProgress, 'seal', 1);
    clock.advance(900);
    const sealed: SealWrittenView = asStaff(ctx, setup.staff.chairId, () => sealElection(ctx, { path: out!, overwrite: opts.overwriteOut === true }));
    crashPoint('drill:sealed');
    runAsCaller(null, () => markDrillFinished(ctx, stage));
    sealReport(1);
    return {
      stage,
      seed,
      sealedFile: sealed.path,
      election: election.title,
      date,
      voters: opts.voters,
      mobileList,
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
    if (base.db.open) base.db.pragma(`synchronous = ${synchronous}`);
  }
}

function venueName(id: string): string {
  return DRILL_VENUES.find((v) => v.id === id)?.name ?? id;
}

/**
 * A few certificates per box for the desk to practise with (the first voters of the roll who vote there in person),
 * the first mobile-list voters, and each proxy giver with their trustee's certificate. Taken in roll order, so the same
 * seed lists the same people.
 */
function sampleCertificates(voters: DrillVoter[]): DrillSampleView[] {
  const trustees = new Set(voters.map((v) => v.proxyTo).filter((c): c is string => c !== undefined));
  const sample = (v: DrillVoter, kind: DrillSampleView['kind']): DrillSampleView => {
    const box = DRILL_BOXES.find((b) => b.id === boxFor(v))!;
    return {
      certificate: v.certificate,
      name: v.name,
      group: v.group,
      box: box.id,
      boxName: box.name,
      venue: box.venue,
      venueName: venueName(box.venue),
      kind,
      ...(kind === 'proxy' && v.proxyTo !== undefined ? { trusteeCertificate: v.proxyTo } : {}),
    };
  };
  const out: DrillSampleView[] = [];
  for (const b of DRILL_BOXES) {
    const here = voters.filter((v) => boxFor(v) === b.id && v.proxyTo === undefined && !trustees.has(v.certificate));
    for (const v of here.slice(0, 3)) out.push(sample(v, v.mobile ? 'mobile' : 'in-person'));
  }
  for (const v of voters.filter((x) => x.proxyTo !== undefined).slice(0, 2)) out.push(sample(v, 'proxy'));
  return out;
}
