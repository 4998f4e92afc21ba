import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { runDrill } from '../../../electron/backend/drill/run';
import { verifySealedFile } from '../../../electron/backend/seal';
import { tempDirs } from './temp-dirs';
import { drillChairForCli } from '../../helpers/authority';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const tempDir = tempDirs('station-seal-crash-');

let source: string;
before(async () => {
  source = join(tempDir(), 'source.sqlite');
  await runDrill({ dbFile: source, voters: 60, seed: 'seal-crash' });
});

/** `station seal` in a child process that kills itself with SIGKILL at `point` (files/crash-point.ts). */
function sealKilledAt(point: string, dbFile: string, out: string, extra: string[] = []) {
  const chair = drillChairForCli(dbFile);
  const r = spawnSync(process.execPath, [station, 'seal', '--db', dbFile, '--out', out, ...chair.args, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ...chair.env, STATION_CRASH_AT: point },
  });
  assert.equal(r.signal, 'SIGKILL', `killed at ${point}: ${r.stderr}`);
}

/** The seal events after `afterSeq`, as type names. */
const sealEvents = (dbFile: string, afterSeq: number): { types: string[]; recovered: unknown } => {
  const ctx = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const events = readAuditEvents(ctx.db, { afterSeq }).filter((e) => e.type.startsWith('seal.'));
    assert.ok(verifyAuditChain(ctx.db).ok);
    return { types: events.map((e) => e.type), recovered: events.at(-1)?.detail.recovered };
  } finally {
    ctx.db.close();
  }
};

/** The payload hashes of the seal attempts after `afterSeq`. */
function payloadHashes(dbFile: string, afterSeq: number): string[] {
  const ctx = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    return readAuditEvents(ctx.db, { afterSeq }).filter((e) => e.type === 'seal.started').map((e) => e.detail.payloadHash as string);
  } finally {
    ctx.db.close();
  }
}

/** `station seal --json` to `out`, which must succeed. */
function sealJson(dbFile: string, out: string): { sequence: number; supersedes: string | null } {
  const chair = drillChairForCli(dbFile);
  const r = spawnSync(process.execPath, [station, 'seal', '--db', dbFile, '--out', out, '--json', ...chair.args], {
    encoding: 'utf8',
    env: { ...process.env, ...chair.env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { sequence: number; supersedes: string | null };
}

function headCount(dbFile: string): number {
  const ctx = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    return (ctx.db.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number) ?? 0;
  } finally {
    ctx.db.close();
  }
}

for (const [point, fileWritten] of [
  ['seal:started', false],
  ['write:partial', false],
  ['write:synced', false],
  ['write:renamed', true],
] as const) {
  test(`killed at ${point}: the next start-up leaves no temp file and the record agrees with the disk`, () => {
    const dir = tempDir();
    const dbFile = join(dir, 'election.sqlite');
    copyFileSync(source, dbFile);
    const before = headCount(dbFile);
    const out = join(dir, 'result.cer-sealed.json');
    sealKilledAt(point, dbFile, out);
    if (point === 'write:partial' || point === 'write:synced') {
      assert.ok(readdirSync(dir).some((n) => n.endsWith('.partial')), 'the crash left a temp file (else the test proves nothing)');
    }
    const { types, recovered } = sealEvents(dbFile, before); // opening it is the start-up
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial') || n.endsWith('.tmp')), []);
    assert.equal(existsSync(out), fileWritten);
    const killed = payloadHashes(dbFile, before)[0]!;
    if (fileWritten) {
      assert.deepEqual(types, ['seal.started', 'seal.written']);
      assert.equal(recovered, true);
      const outcome = verifySealedFile(readFileSync(out));
      assert.ok(outcome.ok);
      // The drill sealed first: this is the second file, and the next one supersedes it though it was recovered.
      assert.equal(outcome.summary.sequence, 2);
      const next = sealJson(dbFile, join(dir, 'next.json'));
      assert.deepEqual([next.sequence, next.supersedes], [3, killed]);
    } else {
      assert.deepEqual(types, ['seal.started', 'seal.abandoned']);
      const again = sealJson(dbFile, out);
      assert.deepEqual(sealEvents(dbFile, before).types, ['seal.started', 'seal.abandoned', 'seal.started', 'seal.written']);
      // An abandoned attempt is no sealed file: the new one is the second, superseding the drill's.
      assert.equal(again.sequence, 2);
      assert.notEqual(again.supersedes, killed);
    }
  });
}

test('killed while overwriting an earlier file: the earlier file stays whole and the attempt is recorded as abandoned', () => {
  const dir = tempDir();
  const dbFile = join(dir, 'election.sqlite');
  copyFileSync(source, dbFile);
  const out = join(dir, 'result.cer-sealed.json');
  const chair = drillChairForCli(dbFile);
  const first = spawnSync(process.execPath, [station, 'seal', '--db', dbFile, '--out', out, ...chair.args], {
    encoding: 'utf8',
    env: { ...process.env, ...chair.env },
  });
  assert.equal(first.status, 0, first.stderr);
  const earlier = readFileSync(out);
  const before = headCount(dbFile);
  sealKilledAt('write:synced', dbFile, out, ['--overwrite']);
  assert.deepEqual(sealEvents(dbFile, before).types, ['seal.started', 'seal.abandoned']);
  assert.ok(readFileSync(out).equals(earlier));
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial')), []);
});
