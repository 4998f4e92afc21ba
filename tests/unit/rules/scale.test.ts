import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../../shared/rules';
import { distinctWriteIns, manyCandidates } from '../../bench/tally.bench';

// The tally once visited every listed candidate for every ballot and compared names freshly in every sort step:
// 30,000 ballots with 30,000 persons took 10.8 s on an idle machine. Now it is ballots × marks; the bound here is
// generous because the test machine may be shared, yet far below the quadratic time.
const BOUND_S = 4;

test('30,000 ballots each with a different write-in tally in linear time, every write-in counted once', () => {
  const started = performance.now();
  const r = tally(distinctWriteIns(30_000));
  const seconds = (performance.now() - started) / 1000;
  const member = r.offices[0]!;
  assert.equal(member.results.length, 7 + 30_000);
  assert.equal(member.results.filter((p) => p.candidate === undefined && p.for === 1).length, 30_000);
  const c1 = member.results.find((p) => p.candidate === 'c1')!;
  assert.deepEqual([c1.for, c1.against, c1.abstain], [30_000, 0, 0]);
  assert.ok(member.results.filter((p) => p.candidate !== undefined && p.candidate !== 'c1').every((p) => p.abstain === 30_000));
  assert.ok(seconds < BOUND_S, `took ${seconds.toFixed(2)} s`);
});

test('30,000 listed candidates × 30,000 ballots: abstentions still derived exactly', () => {
  const started = performance.now();
  const r = tally(manyCandidates(30_000, 30_000));
  const seconds = (performance.now() - started) / 1000;
  for (const p of r.offices[0]!.results) assert.deepEqual([p.for, p.against, p.abstain], [1, 0, 29_999]);
  assert.ok(seconds < BOUND_S, `took ${seconds.toFixed(2)} s`);
});
