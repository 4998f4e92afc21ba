import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { canonicalJson, hashJson } from '../../../electron/backend/seal';
import { createContext } from '../../../electron/backend/context';
import { runDrill, type DrillSummary } from '../../../electron/backend/drill/run';
import type { DrillProgress } from '../../../electron/backend/drill/progress';
import { exportRecord, storedResult } from '../../../electron/backend/services/results';
import { listRounds } from '../../../electron/backend/services/setup-rounds';
import { listSignoffs } from '../../../electron/backend/services/signoff';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { parseCerRecord } from '../../../shared/record';
import { tally } from '../../../shared/rules/tally';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-drill-'));
  dirs.push(d);
  return d;
}
function station_(args: string[]) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const big = tempDir();
const bigDb = join(big, 'drill.sqlite');
let bigSummary: DrillSummary;
const phases = new Set<string>();

test('a drill of 5,000 voters completes through every phase', async () => {
  bigSummary = await runDrill({ dbFile: bigDb, voters: 5000, seed: 'acceptance' }, (p: DrillProgress) => phases.add(p.phase));
  assert.deepEqual([...phases].sort(), ['counting', 'proxies', 'roll', 'seal', 'setup', 'signoff', 'voting']);
  assert.equal(bigSummary.voters, 5000);
  assert.equal(bigSummary.sealedFile, join(big, 'drill.sealed.json'));
  const first = bigSummary.rounds[0]!;
  assert.equal(first.kind, 'regular');
  assert.equal(first.registered, 5000);
  const turnout = first.participants / first.registered;
  assert.ok(turnout >= 0.78 && turnout <= 0.94, `plausible turnout, got ${turnout}`);
  assert.equal(first.ballots, first.participants, 'every issued ballot was found in a box and counted');
  assert.ok(first.voidBallots > 0 && first.voidBallots < first.ballots * 0.03, `a few void ballots, got ${first.voidBallots}`);
  assert.ok(first.valid);
  assert.ok(bigSummary.proxies > 0 && bigSummary.assisted > 0 && bigSummary.spoiled > 0 && bigSummary.mobileList > 0);
  // Every round signed by the seven officials and the committee chair, and no round left asking for another.
  for (const r of bigSummary.rounds) assert.equal(r.signoffs, 8);
  const last = bigSummary.rounds[bigSummary.rounds.length - 1]!;
  assert.deepEqual(last.nextSteps, []);
});

test('the drill database: every exported record recounts to its stored result, the audit chain holds', () => {
  const ctx = createContext({ dbFile: bigDb, mustExist: true });
  try {
    const rounds = listRounds(ctx.db);
    assert.equal(rounds.length, bigSummary.rounds.length);
    for (const r of rounds) {
      assert.equal(r.status, 'sealed', 'the drill sealed its rounds');
      const record = exportRecord(ctx, r.number);
      const stored = storedResult(ctx.db, r.number)!;
      assert.equal(canonicalJson(tally(parseCerRecord(record))), canonicalJson(stored.result), `round ${r.number} recount`);
      assert.equal(hashJson(record), stored.recordHash);
      assert.equal(hashJson(stored.result), bigSummary.rounds[r.number - 1]!.resultHash);
      const signed = listSignoffs(ctx.db, r.number).filter((s) => s.revoked === null);
      assert.ok(signed.every((s) => s.resultHash === stored.resultHash));
      // The record holds what the marks generator must produce: overvoted or blank sections and write-ins.
      if (r.number === 1) {
        const marked = record.ballots.filter((b) => 'marks' in b);
        assert.ok(marked.some((b) => 'marks' in b && Object.values(b.marks).some((s) => (s.writeIns ?? []).length > 0)), 'some write-ins');
        assert.ok(marked.some((b) => 'marks' in b && b.marks.member === undefined), 'some blank member sections');
        const overvoted = stored.result.offices.reduce((n, o) => n + o.voidSections, 0);
        assert.ok(overvoted > 0, 'some overvoted sections');
      }
    }
    const chain = verifyAuditChain(ctx.db);
    assert.ok(chain.ok);
  } finally {
    ctx.db.close();
  }
});

test('station verify accepts the drill\'s sealed file, and refuses it with one byte changed', () => {
  const good = station_(['verify', bigSummary.sealedFile, '--fingerprint', bigSummary.fingerprint]);
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /sealed file verified/);
  assert.ok(good.stdout.includes(bigSummary.fingerprint));
  assert.ok(good.stdout.includes(bigSummary.rounds[0]!.resultHash));

  const bytes = readFileSync(bigSummary.sealedFile);
  const changed = Buffer.from(bytes);
  const at = Math.floor(bytes.length / 2); // inside the payload's base64
  changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
  const bad = join(big, 'changed.sealed.json');
  writeFileSync(bad, changed);
  const r = station_(['verify', bad]);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stderr, /does NOT verify/);

  const json = station_(['verify', bad, '--json']);
  assert.equal(json.code, 1);
  const outcome = JSON.parse(json.stdout) as { ok: boolean; failures: string[] };
  assert.equal(outcome.ok, false);
  assert.ok(outcome.failures.some((f) => f.includes('signature')));

  const missing = station_(['verify', join(big, 'no-such-file.json')]);
  assert.equal(missing.code, 2);
});

test('the same seed gives the same results; another seed gives others', async () => {
  const run = async (seed: string) => {
    const d = tempDir();
    return runDrill({ dbFile: join(d, 'd.sqlite'), voters: 600, seed });
  };
  const a = await run('same');
  const b = await run('same');
  const c = await run('other');
  const hashes = (s: DrillSummary) => s.rounds.map((r) => [r.kind, r.recordHash, r.resultHash]);
  assert.deepEqual(hashes(a), hashes(b));
  assert.equal(a.auditHead.count, b.auditHead.count);
  assert.equal(a.election, b.election);
  assert.notDeepEqual(hashes(a), hashes(c));
});

test('a drill refuses an existing database and a silly number of voters, changing nothing', async () => {
  await assert.rejects(runDrill({ dbFile: bigDb, voters: 100, seed: 1 }), /already exists/);
  const d = tempDir();
  await assert.rejects(runDrill({ dbFile: join(d, 'x.sqlite'), voters: 3, seed: 1 }), /between 10 and 200,000/);
  const cli = station_(['drill', '--db', bigDb, '--voters', '50', '--seed', '1']);
  assert.equal(cli.code, 1);
  const usage = station_(['drill', '--db', join(d, 'y.sqlite'), '--seed', '1']);
  assert.equal(usage.code, 2);
});

test('station drill --json prints the summary; its sealed file verifies', () => {
  const d = tempDir();
  const r = station_(['drill', '--db', join(d, 'cli.sqlite'), '--voters', '300', '--seed', '5', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as DrillSummary;
  assert.equal(summary.voters, 300);
  assert.match(r.stderr, /\[.*voting\]\s+100%/);
  assert.equal(station_(['verify', summary.sealedFile]).code, 0);
});
