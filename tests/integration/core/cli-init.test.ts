import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURE, sampleDefinition, tempDir } from './helpers';

const station = join(import.meta.dirname, '..', '..', '..', 'bin', 'station.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [station, ...args], { encoding: 'utf8' });

test('station init: 0 created (JSON output), 1 refused the second time, 2 for a bad definition', () => {
  const dir = tempDir();
  const db = join(dir, 'e.sqlite');
  const ok = run(['init', '--db', db, '--election', FIXTURE, '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  const out = JSON.parse(ok.stdout);
  assert.equal(out.rounds[0].number, 1);
  assert.deepEqual(out.warnings, []);
  const again = run(['init', '--db', db, '--election', FIXTURE]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already holds an election/);

  const badDef = join(dir, 'bad.json');
  const def = sampleDefinition();
  (def.boxes as { venue: string }[])[1]!.venue = 'nowhere';
  writeFileSync(badDef, JSON.stringify(def));
  const db2 = join(dir, 'e2.sqlite');
  const bad = run(['init', '--db', db2, '--election', badDef]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /boxes\[1\]\.venue: .*unknown venue "nowhere"/);
  assert.doesNotMatch(bad.stderr, /\.ts:\d+/);
  assert.equal(existsSync(db2), false, 'the refused init leaves no file behind');

  writeFileSync(join(dir, 'broken.json'), '{"title": ');
  assert.equal(run(['init', '--db', join(dir, 'e3.sqlite'), '--election', join(dir, 'broken.json')]).status, 2);
  assert.equal(run(['init', '--db', join(dir, 'e4.sqlite')]).status, 2);
});
