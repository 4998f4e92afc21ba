/**
 * Station returns (issue 10): a station laptop whose return lists 5,000 issuances; importing it at the central
 * laptop (signature, checks, every issuance merged in one transaction with its audit event) has a target of < 1 s.
 * Also shown: exporting and opening the package (6,000 voters), writing the return, and importing the same file
 * again (idempotent: nothing changes). The import is timed on fresh copies of the central file; the median is shown.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, type BackendContext } from '../../electron/backend/context';
import { inTransaction } from '../../electron/backend/db';
import { recordCustodyStep } from '../../electron/backend/services/custody';
import { issueBallot, receiveBallots } from '../../electron/backend/services/issuance';
import { listPeople } from '../../electron/backend/services/people';
import { importRoll } from '../../electron/backend/services/roll';
import { createElection } from '../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../electron/backend/services/setup-rounds';
import { assignGroup } from '../../electron/backend/services/voters';
import { loadOrCreateStationKey, STATION_KEY_FILE } from '../../electron/backend/seal/station-key';
import { importStationReturn } from '../../electron/backend/stations/return-import';
import { writeStationReturn } from '../../electron/backend/stations/return-write';
import { exportStationPackage, openStationPackage } from '../../electron/backend/stations/station-package';
import { asPerson } from '../helpers/authority';
import { makeRollCsv, utf8 } from '../unit/roll/make-roll';

const VOTERS = 6_000;
const ISSUED = 5_000;
const RUNS = 3;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** A copy of the central laptop's folder (election file and key), as it was before any import. */
function copyCentral(from: string, to: string): BackendContext {
  mkdirSync(to);
  copyFileSync(join(from, 'election.sqlite'), join(to, 'election.sqlite'));
  copyFileSync(join(from, STATION_KEY_FILE), join(to, STATION_KEY_FILE));
  return createContext({ dbFile: join(to, 'election.sqlite'), actor: 'bench' });
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-return-'));
  try {
    const centralDir = join(dir, 'central');
    mkdirSync(centralDir);
    const central = createContext({ dbFile: join(centralDir, 'election.sqlite'), actor: 'bench' });
    createElection(central, JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'election-residents.json'), 'utf8')));
    await importRoll(central, { bytes: utf8(makeRollCsv(VOTERS, { withCertificates: false }), true), fileName: 'roll.csv' });
    for (let g = 1; g <= 12; g++) assignGroup(central, { group: `第${g}居民小组`, venue: 's1' });
    inTransaction(central.db, () => setRoundStatusTx(central, { round: 1, status: 'voting' }));
    const chair = listPeople(central).find((p) => p.name === '郭志明')!.id;
    const packageFile = join(dir, 's1-package.json');
    const exported = timed(() => exportStationPackage(central, { station: 's1', path: packageFile }));
    central.db.pragma('wal_checkpoint(TRUNCATE)');
    central.db.close();

    const stationDir = join(dir, 's1');
    mkdirSync(stationDir);
    const station = createContext({ dbFile: join(stationDir, 'election.sqlite'), actor: 'bench' });
    const fingerprint = loadOrCreateStationKey(centralDir).fingerprint.short;
    const opened = timed(() => openStationPackage(station, readFileSync(packageFile), fingerprint));
    // Setting up the day is not what is measured: the station's own issuances skip the per-write fsync.
    station.db.pragma('synchronous = OFF');
    recordCustodyStep(station, { box: 'S1', round: 1, step: 'sealed-empty', seals: ['S1-1'] });
    recordCustodyStep(station, { box: 'S1', round: 1, step: 'voting' });
    receiveBallots(station, { box: 'S1', round: 1, count: VOTERS });
    const certificates = (station.db.prepare('SELECT certificate FROM voter ORDER BY id').all() as { certificate: string }[]).map((r) => r.certificate);
    for (const certificate of certificates.slice(0, ISSUED)) issueBallot(station, { certificate, round: 1, desk: 'S1' });
    station.db.pragma('synchronous = FULL');
    const returnFile = join(dir, 's1-return-1.json');
    const written = timed(() => writeStationReturn(station, { path: returnFile, closing: true }));
    station.db.close();

    const bytes = readFileSync(returnFile);
    const imports: number[] = [];
    let replayMs = 0;
    for (let i = 0; i < RUNS; i++) {
      const ctx = copyCentral(centralDir, join(dir, `central-${i}`));
      const first = timed(() => asPerson(ctx, chair, () => importStationReturn(ctx, bytes, { fingerprint: written.value.fingerprint.short })));
      if (first.value.added !== ISSUED) throw new Error(`bench: the import added ${first.value.added}, expected ${ISSUED}`);
      imports.push(first.ms);
      replayMs = timed(() => asPerson(ctx, chair, () => importStationReturn(ctx, bytes))).ms;
      ctx.db.close();
    }
    const median = imports.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    return {
      'package export (6,000 voters): ms': exported.ms,
      'package: MB': exported.value.bytes / 1e6,
      'package open on a fresh file: ms': opened.ms,
      'return write (5,000 issuances): ms': written.ms,
      'return: MB': written.value.bytes / 1e6,
      'return import, median: ms (target < 1000)': median,
      'same return again (no change): ms': replayMs,
      'station return target': median < 1000 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
