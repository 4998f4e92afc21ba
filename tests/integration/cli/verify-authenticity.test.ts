import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newStationKey, sealedFileOf } from '../../helpers/sealed-files';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const dir = mkdtempSync(join(tmpdir(), 'station-verify-auth-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const key = newStationKey();
const sealed = join(dir, 'chunhui.sealed.json');
writeFileSync(
  sealed,
  sealedFileOf(
    {
      community: '春晖社区',
      body: 'residents',
      method: 'direct',
      rounds: [{
        registered: 10,
        participants: 8,
        offices: [{ id: 'chair', title: '主任', seats: 1, rank: 1 }],
        candidates: [
          { id: 'c1', name: '王芳', office: 'chair', gender: 'female', votes: 6 },
          { id: 'c2', name: '李强', office: 'chair', gender: 'male', votes: 2 },
        ],
      }],
    },
    key,
  ),
);
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('without --fingerprint or --keys a good file exits 0 and says authenticity is not established', () => {
  const r = run(['verify', sealed]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /签名有效，但未确认来源 \/ signature valid, authenticity not established/);
  const json = run(['verify', sealed, '--json']);
  assert.equal(json.code, 0);
  const out = JSON.parse(json.stdout) as { ok: boolean; authenticated: boolean; summary: { fingerprint: { short: string } } };
  assert.equal(out.ok, true);
  assert.equal(out.authenticated, false);
  assert.equal(out.summary.fingerprint.short, key.short);
});

test('a matching --fingerprint authenticates the file', () => {
  const r = run(['verify', sealed, '--fingerprint', key.short, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { authenticated: boolean }).authenticated, true);
  assert.doesNotMatch(run(['verify', sealed, '--fingerprint', key.short]).stdout, /not established/);
});

test('--keys: a JSON or CSV registry naming the key for the community authenticates; another community does not', () => {
  const json = file('keys.json', JSON.stringify({ 春晖社区: key.short, 幸福里社区: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111' }));
  const a = run(['verify', sealed, '--keys', json, '--json']);
  assert.equal(a.code, 0, a.stderr);
  assert.equal((JSON.parse(a.stdout) as { authenticated: boolean }).authenticated, true);

  const csv = file('keys.csv', `社区,指纹\n春晖社区,${key.hex}\n`);
  assert.match(run(['verify', sealed, '--keys', csv]).stdout, /authenticated: the key is registered for "春晖社区"/);

  const other = file('other.csv', 'community,fingerprint\n幸福里社区,AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111\n');
  const b = run(['verify', sealed, '--keys', other, '--json']);
  assert.equal(b.code, 0, 'a community the registry does not list: still exit 0');
  const out = JSON.parse(b.stdout) as { authenticated: boolean; authenticity: string };
  assert.equal(out.authenticated, false);
  assert.match(out.authenticity, /"春晖社区" is not in the registry/);
});

test('--keys naming other keys for the community is a failure (exit 1), as a wrong --fingerprint is', () => {
  const wrong = file('wrong.json', JSON.stringify([{ community: '春晖社区', fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111' }]));
  const r = run(['verify', sealed, '--keys', wrong]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is not a key registered for "春晖社区"/);
});

test('a malformed registry is bad input (exit 2) naming the line or entry; nothing is verified', () => {
  const badLine = run(['verify', sealed, '--keys', file('bad.csv', `community,fingerprint\n春晖社区,${key.short}\n幸福里社区,12345\n`)]);
  assert.equal(badLine.code, 2);
  assert.match(badLine.stderr, /line 3: .*32 or 64 hex digits/);
  assert.equal(badLine.stdout, '');
  const noHeader = run(['verify', sealed, '--keys', file('nohead.csv', `春晖社区,${key.short}\n`)]);
  assert.equal(noHeader.code, 2);
  assert.match(noHeader.stderr, /line 1: .*"fingerprint" column/);
  const unknown = run(['verify', sealed, '--keys', file('unknown.json', JSON.stringify([{ community: '春晖社区', fingerprint: key.short, note: 1 }]))]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /\[0\]: .*unknown field\(s\) note/);
  const notJson = run(['verify', sealed, '--keys', file('broken.json', '{"春晖社区": ')]);
  assert.equal(notJson.code, 2);
  assert.match(notJson.stderr, /not valid JSON/);
  assert.equal(run(['verify', sealed, '--keys', join(dir, 'absent.csv')]).code, 2);
});

test('a registry larger than its limit is refused before it is read', () => {
  const big = join(dir, 'big.csv');
  writeFileSync(big, Buffer.alloc(4 * 1024 * 1024 + 1, 0x41));
  const r = run(['verify', sealed, '--keys', big]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /larger than 4 MB/);
});
