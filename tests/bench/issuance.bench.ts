/**
 * Issuance benchmark (issue 3): import a 50,000-voter roll; issue 10,000 ballots, one IMMEDIATE transaction each
 * with its audit event and the fsync of synchronous=FULL, as the desk does; look up certificates among 50,000.
 * Targets: import < 5 s, issue p99 < 5 ms, lookup p99 < 1 ms. The database lives in the OS temp folder (checked to
 * be a real disk, not tmpfs, on the machine these figures were taken on).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../electron/backend/context';
import { inTransaction } from '../../electron/backend/db';
import { recordCustodyStep } from '../../electron/backend/services/custody';
import { issueBallot, receiveBallots } from '../../electron/backend/services/issuance';
import { importRoll } from '../../electron/backend/services/roll';
import { createElection } from '../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../electron/backend/services/setup-rounds';
import { lookupVoter } from '../../electron/backend/services/voters';
import { makeRollCsv, utf8 } from '../unit/roll/make-roll';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-issuance-'));
  try {
    const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'bench' });
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'election-residents.json');
    createElection(ctx, JSON.parse(readFileSync(fixture, 'utf8')));

    const bytes = utf8(makeRollCsv(50_000, { withCertificates: false }), true);
    let t = performance.now();
    const imported = await importRoll(ctx, { bytes, fileName: 'roll-50000.csv' });
    const importMs = performance.now() - t;

    inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['B-1'] });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'voting' });
    receiveBallots(ctx, { box: 'C1', round: 1, count: 50_000 });

    const certificates = (ctx.db.prepare('SELECT certificate FROM voter ORDER BY random()').all() as { certificate: string }[]).map((r) => r.certificate);
    const issueTimes: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      t = performance.now();
      issueBallot(ctx, { certificate: certificates[i]!, round: 1, desk: 'C1' });
      issueTimes.push(performance.now() - t);
    }
    issueTimes.sort((a, b) => a - b);

    const lookupTimes: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const c = certificates[(i * 7919) % certificates.length]!;
      t = performance.now();
      lookupVoter(ctx.db, c);
      lookupTimes.push(performance.now() - t);
    }
    lookupTimes.sort((a, b) => a - b);
    ctx.db.close();

    const issueP99 = percentile(issueTimes, 99);
    const lookupP99 = percentile(lookupTimes, 99);
    return {
      'roll import, 50,000 voters (ms)': importMs,
      'roll import target < 5000 ms': importMs < 5000 ? 'met' : 'MISSED',
      'voters imported': imported.imported,
      'issue p50 (ms, 1 tx + audit + fsync)': percentile(issueTimes, 50),
      'issue p99 (ms)': issueP99,
      'issue max (ms)': issueTimes[issueTimes.length - 1]!,
      'issue target p99 < 5 ms': issueP99 < 5 ? 'met' : 'MISSED',
      'certificate lookup p50 (ms, among 50,000)': percentile(lookupTimes, 50),
      'certificate lookup p99 (ms)': lookupP99,
      'lookup target p99 < 1 ms': lookupP99 < 1 ? 'met' : 'MISSED',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
