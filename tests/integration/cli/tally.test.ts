import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCerResult } from '../../../shared/record';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const dir = mkdtempSync(join(tmpdir(), 'station-cli-'));

function run(args: string[], input?: string) {
  // The timeout keeps a reader that blocks (a FIFO) from hanging the suite.
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', input, timeout: 60_000 });
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
  writeFileSync(p, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
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

// Records made by fuzzing, as an outside tester sent them: each is refused with exit 2 and its JSON path.
function refused(r: { code: number | null; stdout: string; stderr: string }, path: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, path);
}

test('more participants than registered voters is refused at "participants"', () => {
  refused(run(['tally', file('over.json', JSON.stringify(record({ participants: 6 })))]), /: participants: 6 participants but only 5 registered$/m);
});

test('a ballot section keyed "__proto__" is refused with its path instead of silently losing its votes', () => {
  // JSON.stringify cannot write an own __proto__ key from a literal, so the text is written by hand.
  const text = JSON.stringify(record()).replace('{"chair":{"for":["c2"]}}', '{"__proto__":{"for":["c2"]},"chair":{"for":["c2"]}}');
  assert.ok(text.includes('__proto__'));
  refused(run(['tally', file('proto-key.json', text)]), /ballots\[2\]\.marks\.__proto__: "__proto__" is not allowed as a key/);
  const office = JSON.stringify(record({ offices: [{ id: '__proto__', title: '主任', seats: 1, rank: 1 }] }));
  refused(run(['tally', file('proto-office.json', office)]), /offices\[0\]\.id: "__proto__" is not allowed/);
});

test('invalid UTF-8 bytes are refused naming the line instead of becoming U+FFFD names', () => {
  const text = JSON.stringify(record(), null, 2).replace('王芳', '王\u0000');
  const bytes = Buffer.from(text.replace('\\u0000', 'XX'), 'utf8');
  const at = bytes.indexOf(Buffer.from('XX'));
  bytes[at] = 0xff;
  bytes[at + 1] = 0xfe;
  refused(run(['tally', file('bad-utf8.json', bytes)]), /bad-utf8\.json: line \d+ holds bytes that are not valid UTF-8/);
});

test('names with control characters, lone surrogates or 5 MB are refused at their path', () => {
  const c = (name: string) => [{ id: 'c1', name, office: 'chair' }, { id: 'c2', name: '李强', office: 'chair' }];
  refused(run(['tally', file('nul.json', JSON.stringify(record({ candidates: c('王\u0000芳') })))]), /candidates\[0\]\.name: control character U\+0000/);
  refused(run(['tally', file('bidi.json', JSON.stringify(record({ candidates: c('王\u202e芳') })))]), /candidates\[0\]\.name: bidirectional control/);
  refused(run(['tally', file('lone.json', JSON.stringify(record({ candidates: c('王\ud800') })))]), /candidates\[0\]\.name: not well-formed Unicode/);
  refused(run(['tally', file('huge.json', JSON.stringify(record({ candidates: c('王'.repeat(5_000_000)) })))]), /candidates\[0\]\.name: at most 64 characters/);
});

test('a FIFO or a device is refused at once as not a regular file; JSON errors never quote the file', () => {
  const fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  const started = Date.now();
  refused(run(['tally', fifo]), /fifo\.json: not a regular file/);
  assert.ok(Date.now() - started < 15_000);
  refused(run(['tally', '/dev/zero']), /not a regular file/);
  const secret = run(['tally', file('secret.txt', 'SECRET-TOKEN-1234 and more')]);
  assert.equal(secret.code, 2);
  assert.doesNotMatch(secret.stderr, /SECRET/);
});
