import { test } from 'node:test';
import assert from 'node:assert/strict';
import { majorityThreshold, roundThreshold, supplementaryThreshold, tieRevoteThreshold } from '../../../shared/rules';

test('majority: more than half of participants', () => {
  assert.equal(majorityThreshold(10), 6);
  assert.equal(majorityThreshold(11), 6);
  assert.equal(majorityThreshold(0), 1);
});

test('tie re-vote: more than a third of participants, or most votes', () => {
  assert.equal(tieRevoteThreshold('over-third-of-participants', 9), 4);
  assert.equal(tieRevoteThreshold('over-third-of-participants', 10), 4);
  assert.equal(tieRevoteThreshold('over-third-of-participants', 12), 5);
  assert.equal(tieRevoteThreshold('none', 9), 1);
});

test('supplementary: at least a third of ballots cast, never below 1', () => {
  assert.equal(supplementaryThreshold('third-of-ballots-cast', 9), 3);
  assert.equal(supplementaryThreshold('third-of-ballots-cast', 10), 4);
  assert.equal(supplementaryThreshold('third-of-ballots-cast', 0), 1);
  assert.equal(supplementaryThreshold('none', 9), 1);
});

test('roundThreshold picks the rule of the round', () => {
  const profile = { tieRevoteThreshold: 'over-third-of-participants', supplementaryThreshold: 'third-of-ballots-cast' } as const;
  assert.equal(roundThreshold('regular', profile, 12, 9), 7);
  assert.equal(roundThreshold('tie-revote', profile, 12, 9), 5);
  assert.equal(roundThreshold('supplementary', profile, 12, 9), 3);
});
