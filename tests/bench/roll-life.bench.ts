/**
 * The roll's life at the size of a large community (issue 12): on a 30,000-voter roll, the status the voter list
 * page reads on every change (counts, the 30% check, deadlines), a committee addition, removal and correction (each
 * one IMMEDIATE transaction with its roll_change row and audit event), and the voter's history afterwards.
 * Targets: status < 20 ms, each change < 20 ms (median of a few).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../electron/backend/context';
import { importRoll } from '../../electron/backend/services/roll';
import { addVoter, correctVoter, removeVoter, rollStatus } from '../../electron/backend/services/roll-life';
import { createElection } from '../../electron/backend/services/setup';
import { voterHistory } from '../../electron/backend/services/voter-history';
import { makeIdNumber, makeRollCsv, makeVoter, utf8 } from '../unit/roll/make-roll';

const RUNS = 9;

function medianMs(fn: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-roll-life-'));
  try {
    const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'bench' });
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'election-residents.json');
    createElection(ctx, JSON.parse(readFileSync(fixture, 'utf8')));
    await importRoll(ctx, { bytes: utf8(makeRollCsv(30_000)), fileName: 'roll-30000.csv' });
    const status = medianMs(() => rollStatus(ctx));
    const add = medianMs((i) =>
      addVoter(ctx, {
        voter: { name: `增补${i}`, idNumber: makeIdNumber('110106', '1980-03-07', String(300 + i)), group: '第1居民小组', category: 'resident' },
        reason: 'bench',
      }),
    );
    const remove = medianMs((i) => removeVoter(ctx, { certificate: makeVoter(100 + i).certificate, removal: { reason: 'moved' } }));
    const correct = medianMs((i) => correctVoter(ctx, { certificate: makeVoter(200 + i).certificate, change: { group: '第99居民小组' }, reason: 'bench' }));
    const history = medianMs((i) => voterHistory(ctx.db, makeVoter(100 + i).certificate));
    return {
      'voters on the roll': rollStatus(ctx).registered,
      'rollStatus: ms (target < 20)': status,
      'addVoter: ms (target < 20)': add,
      'removeVoter: ms (target < 20)': remove,
      'correctVoter: ms (target < 20)': correct,
      'voterHistory of a removed voter: ms': history,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
