import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { ruleDoubtful } from '../../../electron/backend/services/doubtful';
import { computeResults } from '../../../electron/backend/services/results';
import { createContext } from '../../../electron/backend/context';
import type { BallotContent } from '../../../shared/api/counting';
import { approvalBy, closePoll, issue, makeElection, openPoll, PIN, tempDir } from './helpers';

const STATION = join(import.meta.dirname, '..', '..', '..', 'bin', 'station.mjs');

function station(...args: string[]) {
  return spawnSync(process.execPath, [STATION, ...args], { encoding: 'utf8' });
}

/** `station` acting as a person: --as on the command line, the PIN in STATION_PIN. */
function stationAs(person: string, ...args: string[]) {
  return spawnSync(process.execPath, [STATION, ...args, '--as', person], { encoding: 'utf8', env: { ...process.env, STATION_PIN: PIN } });
}

test('station export-record gives the exact record; station tally on it prints the stored result byte for byte', async () => {
  const { ctx, dbFile, people } = await makeElection({ voters: 12, withStation: true });
  openPoll(ctx, 1, ['C1', 'S1']);
  issue(ctx, 1, 0, 6, 'C1');
  closePoll(ctx, 1, ['C1', 'S1']);
  const ballots: BallotContent[] = [
    { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'], writeIns: ['赵磊'] } } },
    { marks: { chair: { for: ['c1'], against: ['c2'] }, member: { for: ['m1'] } } },
    { marks: { chair: { for: ['c2'] }, member: { for: ['m2', 'm3'] } } },
    { marks: {} },
    { void: 'identifying-mark' },
    { doubtful: { marks: { chair: { for: ['c1'] } }, note: '勾在框外' } },
  ];
  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: ballots.length });
  for (const ballot of ballots) enterBallot(ctx, { round: 1, box: 'C1', ballot });
  ruleDoubtful(ctx, { round: 1, box: 'C1', position: 6, ruling: { marks: { chair: { for: ['c1'] } } }, approval: approvalBy(people['郭志明']), reason: '意思清楚' });
  finishBox(ctx, { round: 1, box: 'C1' });
  const stored = computeResults(ctx, 1);
  ctx.db.close();

  const results = station('results', '--db', dbFile, '--round', '1');
  assert.equal(results.status, 0, results.stderr);
  assert.equal(results.stdout, `${JSON.stringify(stored.result, null, 2)}\n`);

  const exported = station('export-record', '--db', dbFile, '--round', '1');
  assert.equal(exported.status, 0, exported.stderr);
  assert.deepEqual(JSON.parse(exported.stdout), stored.record);
  const file = join(tempDir(), 'round-1.cer.json');
  writeFileSync(file, exported.stdout);
  const recount = station('tally', file);
  assert.equal(recount.status, 0, recount.stderr);
  assert.equal(recount.stdout, results.stdout);
  assert.equal(JSON.parse(recount.stdout).counts.ballotsCast, 6);
});

test('station results: exit 2 for bad input, 1 when a rule refuses (a box still being counted)', async () => {
  const { ctx, dbFile } = await makeElection({ voters: 12 });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  ctx.db.close();
  // Computing a result not stored yet is a write: it needs a person allowed to compute.
  const unsigned = station('results', '--db', dbFile, '--round', '1');
  assert.equal(unsigned.status, 1);
  assert.match(unsigned.stderr, /sign in first: add --as PERSON/);
  const refused = stationAs('谢文', 'results', '--db', dbFile, '--round', '1');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /still being counted: C1/);
  assert.equal(station('results', '--db', dbFile).status, 2);
  assert.equal(station('results', '--db', dbFile, '--round', 'x').status, 2);
  const missing = station('export-record', '--db', dbFile, '--round', '9');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no round 9/);
  assert.equal(station('results', '--db', join(tempDir(), 'none.sqlite'), '--round', '1').status, 2);
});

test('station results computes a result not stored yet as the person of --as, who must be allowed to; the log names them', async () => {
  const { ctx, dbFile, people } = await makeElection({ voters: 12 });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 2);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 2 });
  for (let i = 0; i < 2; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: { void: 'unreadable' } });
  finishBox(ctx, { round: 1, box: 'C1' });
  ctx.db.close();
  const desk = stationAs('孙丽', 'results', '--db', dbFile, '--round', '1');
  assert.equal(desk.status, 1, 'desk staff may not compute results');
  assert.match(desk.stderr, /may not do this \(computeResults\)/);
  const chief = stationAs('谢文', 'results', '--db', dbFile, '--round', '1');
  assert.equal(chief.status, 0, chief.stderr);
  assert.equal(JSON.parse(chief.stdout).counts.ballotsCast, 2);
  const after = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const row = after.db.prepare("SELECT actor FROM audit_event WHERE type = 'result.computed'").get() as { actor: string };
    assert.equal(row.actor, `#${people['谢文']} 谢文 [chief-scrutineer]`);
  } finally {
    after.db.close();
  }
  // Stored now: reading it again needs nobody.
  assert.equal(station('results', '--db', dbFile, '--round', '1').stdout, chief.stdout);
});
