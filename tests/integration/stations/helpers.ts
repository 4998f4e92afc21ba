import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { inTransaction } from '../../../electron/backend/db';
import { loadOrCreateStationKey } from '../../../electron/backend/seal/station-key';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { assignGroup, reassignVoter } from '../../../electron/backend/services/voters';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { receiveBallots } from '../../../electron/backend/services/issuance';
import { exportStationPackage, openStationPackage } from '../../../electron/backend/stations/station-package';
import { writeStationReturn } from '../../../electron/backend/stations/return-write';
import { asPerson, establishAuthority } from '../../helpers/authority';
import { makeVoter } from '../../unit/roll/make-roll';
import { definition, importGenerated, steppingClock, tempDir, type Election } from '../issuance/helpers';

export const cert = (i: number) => makeVoter(i).certificate;
/** makeRollCsv puts voter i in 第{(i % 12) + 1}居民小组: group 2 goes to station s1, group 3 onto mobile box M1. */
export const S1_VOTERS = [1, 13, 25, 37];
export const M1_VOTERS = [2, 14, 26, 38];
export const CENTRAL_VOTER = 0;

export interface Central extends Election {
  dir: string;
  fingerprint: string;
  chair: number;
}

/**
 * The central laptop: the sample election with a desk official at station s1, 48 voters, group 2 assigned to s1 and
 * group 3 onto mobile box M1, sign-in established (everyone's PIN TEST_PIN), round 1 open for voting (unless
 * `votingOpen` is false: then the test opens it with openRound, e.g. after moving voters, which closes with it).
 * `household`: a household election (户代表), each voter their own household ("H" and the voter's row id) before
 * anyone is assigned (set straight in the file: importing the 户号 column is household.test.ts's part).
 */
export async function central(clockStart?: number, opts: { votingOpen?: boolean; household?: boolean } = {}): Promise<Central> {
  const dir = tempDir();
  const file = join(dir, 'election.sqlite');
  const ctx = createContext({ dbFile: file, now: steppingClock(clockStart), actor: 'test' });
  const def = definition(opts.household ? { method: 'household' } : {});
  createElection(ctx, { ...def, officials: [...(def.officials as object[]), { name: '王芳', roles: ['desk'], venue: 's1' }] });
  await importGenerated(ctx, 48);
  if (opts.household) ctx.db.exec("UPDATE voter SET household = 'H' || id");
  assignGroup(ctx, { group: '第2居民小组', venue: 's1' });
  for (const i of M1_VOTERS) reassignVoter(ctx, { certificate: cert(i), to: { mobileBox: 'M1' }, reason: '行动不便，上门投票' });
  const people = listPeople(ctx);
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  const chair = person('郭志明');
  establishAuthority(ctx, chair, people.filter((p) => p.id !== chair).map((p) => ({ person: p.id })));
  const c = { ctx, file, dir, person, chair, fingerprint: loadOrCreateStationKey(dir).fingerprint.short };
  if (opts.votingOpen !== false) openRound(c);
  return c;
}

/** Round 1 opened for voting on a laptop, by the central's committee chair. */
export function openRound(on: { ctx: BackendContext }, chair?: number): void {
  const by = chair ?? (on as Central).chair;
  asPerson(on.ctx, by, () => inTransaction(on.ctx.db, () => setRoundStatusTx(on.ctx, { round: 1, status: 'voting' })));
}

export interface StationLaptop {
  ctx: BackendContext;
  dir: string;
}

export function exportPackage(c: Central, station: string): string {
  const out = join(tempDir(), `${station}-package.json`);
  asPerson(c.ctx, c.chair, () => exportStationPackage(c.ctx, { station, path: out }));
  return out;
}

/** A second laptop: a fresh data folder with the package opened into it. */
export function openStation(packageFile: string, fingerprint: string, clockStart = Date.parse('2026-05-16T09:00:00Z')): StationLaptop {
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), now: steppingClock(clockStart), actor: 'test' });
  openStationPackage(ctx, readFileSync(packageFile), fingerprint);
  return { ctx, dir };
}

/** The box shown empty, sealed, opened for voting and given blank ballots, by the committee chair. */
export function openBoxAt(s: StationLaptop, chair: number, box: string, ballots = 20): void {
  asPerson(s.ctx, chair, () => {
    recordCustodyStep(s.ctx, { box, round: 1, step: 'sealed-empty', seals: [`${box}-1`] });
    recordCustodyStep(s.ctx, { box, round: 1, step: 'voting' });
    receiveBallots(s.ctx, { box, round: 1, count: ballots });
  });
}

export function writeReturn(s: StationLaptop, person: number, closing = false): string {
  const out = join(tempDir(), `return-${Math.random().toString(36).slice(2)}.json`);
  asPerson(s.ctx, person, () => writeStationReturn(s.ctx, { path: out, closing }));
  return out;
}

/** Everything an import may change, to compare before and after a refused one. */
export function snapshot(ctx: BackendContext): string {
  const tables = ['issuance', 'station_return', 'station_return_box', 'station_key', 'station_anomaly', 'spoiled_count', 'ballot_stock_movement', 'custody_event', 'audit_event'];
  return tables.map((t) => `${t}:${(ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(' ');
}

export function stationFingerprintOf(s: StationLaptop): string {
  return loadOrCreateStationKey(s.dir).fingerprint.short;
}

/** Everything in a file that a restore must bring back, table by table. */
export function contents(db: BackendContext['db']): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all())}`).join('\n');
}

/** A new, empty election file in its own folder. */
export function freshFile(): BackendContext {
  return createContext({ dbFile: join(tempDir(), 'election.sqlite'), actor: 'test' });
}

/**
 * A desk issuing to `certificates` in its own process (issuing-child.ts), killed with SIGKILL once at least `atLeast`
 * issuances were acknowledged: answers the acknowledged certificates, checked to be fewer than all.
 */
export async function killMidIssuance(
  dbFile: string,
  desk: number,
  box: string,
  certificates: readonly string[],
  atLeast: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const log = join(tempDir(), 'acknowledged.log');
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'issuing-child.ts'), dbFile, String(desk), box, log, ...certificates], {
    cwd: join(import.meta.dirname, '..', '..', '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const acknowledged = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : []);
  const started = Date.now();
  while (acknowledged().length < atLeast && Date.now() - started < 60_000) await sleep(1);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const acked = acknowledged();
  assert.ok(acked.length >= atLeast && !acked.includes('done'), `killed mid-issuance, after ${acked.length} acknowledged`);
  return acked;
}

export { assert };
