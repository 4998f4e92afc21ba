import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCerResult } from '../../../shared/record';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const dir = mkdtempSync(join(tmpdir(), 'station-cli-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function record(overrides: Record<string, unknown> = {}) {
  return {
    format: 'cer/1',
    election: { title: '测试', body: 'residents', method: 'direct', registered: 5 },
    round: 'regular',
    offices: [{ id: 'chair', title: '主任', seats: 1, rank: 1 }],
    candidates: [
      { id: 'c1', name: '王芳', office: 'chair', gender: 'female' },
      { id: 'c2', name: '李强', office: 'chair', gender: 'male' },
    ],
    participants: 3,
    ballots: [
      { box: 'b1', marks: { chair: { for: ['c1'] } } },
      { box: 'b1', marks: { chair: { for: ['c1'], against: ['c2'] } } },
      { box: 'b1', marks: { chair: { for: ['c2'] } } },
    ],
    ...overrides,
  };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

test('station tally prints a cer-result/1 and exits 0', () => {
  const r = run(['tally', file('ok.json', record())]);
  assert.equal(r.code, 0, r.stderr);
  const result = parseCerResult(JSON.parse(r.stdout));
  assert.equal(result.valid, true);
  assert.deepEqual(result.offices[0]!.elected, ['王芳']);
  assert.equal(result.counts.ballotsCast, 3);
});

test('an invalid election is still a result: exit 0', () => {
  const r = run(['tally', file('low-turnout.json', record({ election: { title: 't', body: 'residents', method: 'direct', registered: 6 } }))]);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.valid, false);
  assert.equal(result.problems[0].code, 'turnout-not-majority');
});

test('a bad record exits 2 with one line naming the JSON path, no stack trace', () => {
  const bad = record();
  (bad.ballots as any[]).push({ box: 'b1', marks: { chair: { for: ['c9'] } } });
  const r = run(['tally', file('bad.json', bad)]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /ballots\[3\]\.marks\.chair\.for\[0\]: unknown candidate "c9"$/);
  assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/);
});

test('malformed JSON and a missing file exit 2 with one line', () => {
  const r = run(['tally', file('broken.json', '{"format": "cer/1",')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not valid JSON/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  const m = run(['tally', join(dir, 'nope.json')]);
  assert.equal(m.code, 2);
  assert.match(m.stderr, /cannot read \(ENOENT\)/);
});

test('station tally - reads standard input', () => {
  const r = run(['tally', '-'], JSON.stringify(record()));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).format, 'cer-result/1');
});

test('station --help lists the commands; an unknown command exits 2', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^\s+tally\s+/m);
  const u = run(['frobnicate']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /unknown command/);
});
