import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { ruleDoubtful } from '../../../electron/backend/services/doubtful';
import { computeResults } from '../../../electron/backend/services/results';
import type { BallotContent } from '../../../shared/api/counting';
import { approvalBy, closePoll, issue, makeElection, openPoll, tempDir } from './helpers';

const STATION = join(import.meta.dirname, '..', '..', '..', 'bin', 'station.mjs');

function station(...args: string[]) {
  return spawnSync(process.execPath, [STATION, ...args], { encoding: 'utf8' });
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
  const refused = station('results', '--db', dbFile, '--round', '1');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /still being counted: C1/);
  assert.equal(station('results', '--db', dbFile).status, 2);
  assert.equal(station('results', '--db', dbFile, '--round', 'x').status, 2);
  const missing = station('export-record', '--db', dbFile, '--round', '9');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no round 9/);
  assert.equal(station('results', '--db', join(tempDir(), 'none.sqlite'), '--round', '1').status, 2);
});
