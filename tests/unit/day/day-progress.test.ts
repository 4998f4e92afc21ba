import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayProgress, NO_DAY_FACTS, type DayFacts } from '../../../shared/domain/day';

const NOTHING: DayFacts = NO_DAY_FACTS;
const READY: DayFacts = { ...NOTHING, election: true, boxes: 3, candidates: 5, voters: 40, round: { number: 1, status: 'prepared' } };

const states = (f: DayFacts) => Object.fromEntries(dayProgress(f).steps.map((s) => [s.step, s.state]));

test('with no election, setting up is next and nothing is done', () => {
  const p = dayProgress(NOTHING);
  assert.equal(p.next, 'setup');
  assert.equal(p.round, null);
  assert.ok(p.steps.every((s) => s.state !== 'done'));
  assert.ok(p.steps.every((s) => s.progress === null));
});

test('an election with offices but no box or no candidate is not set up', () => {
  assert.equal(dayProgress({ ...READY, boxes: 0 }).next, 'setup');
  assert.equal(dayProgress({ ...READY, candidates: 0 }).next, 'setup');
});

test('certificates leave no record: that step is next until voting starts, then done', () => {
  assert.equal(dayProgress(READY).next, 'certificates');
  const voting = { ...READY, round: { number: 1, status: 'voting' as const }, boxesVoting: 1 };
  assert.equal(states(voting).certificates, 'done');
  assert.equal(dayProgress(voting).next, 'open-voting', 'two of the three boxes have not started voting');
  assert.deepEqual(dayProgress(voting).steps.find((s) => s.step === 'open-voting')!.progress, { done: 1, total: 3 });
  assert.equal(dayProgress({ ...voting, boxesVoting: 3 }).next, 'custody');
});

test('a later step done before an earlier one stays done; the earlier one is next', () => {
  const f: DayFacts = { ...READY, round: { number: 1, status: 'closed' }, boxesVoting: 3, boxesChecked: 2 };
  const s = states(f);
  assert.equal(s.close, 'done');
  assert.equal(s.custody, 'next');
  assert.equal(s.count, 'later');
  assert.equal(dayProgress(f).next, 'custody');
});

test('counting is done when every box is counted (or not used) and none is open; then results, signing, sealing', () => {
  const closed: DayFacts = { ...READY, round: { number: 1, status: 'counting' }, boxesVoting: 3, boxesChecked: 3, boxesCounted: 3 };
  assert.equal(dayProgress({ ...closed, countingUnderway: true }).next, 'count');
  assert.equal(dayProgress({ ...closed, boxesCounted: 2 }).next, 'count');
  assert.equal(dayProgress(closed).next, 'results');
  const counted: DayFacts = { ...closed, round: { number: 1, status: 'counted' }, resultStored: true };
  assert.equal(dayProgress(counted).next, 'sign');
  assert.equal(dayProgress({ ...counted, round: { number: 1, status: 'signed' }, signaturesMissing: 1 }).next, 'sign');
  const signed: DayFacts = { ...counted, round: { number: 1, status: 'signed' } };
  assert.equal(dayProgress(signed).next, 'seal');
  const sealed = dayProgress({ ...signed, round: { number: 1, status: 'sealed' }, sealed: true });
  assert.equal(sealed.next, null);
  assert.ok(sealed.steps.every((s) => s.state === 'done'));
});

test('sealed while sign-offs are missing (the committee overrode): signing is shown as overridden, not done, not next', () => {
  const counted: DayFacts = { ...READY, round: { number: 1, status: 'sealed' }, boxesVoting: 3, boxesChecked: 3, boxesCounted: 3, resultStored: true, sealed: true };
  const over = dayProgress({ ...counted, signaturesMissing: 2 });
  assert.equal(states({ ...counted, signaturesMissing: 2 }).sign, 'overridden');
  assert.equal(states({ ...counted, signaturesMissing: 2 }).seal, 'done');
  assert.equal(over.next, null, 'nothing is left to do');
  // Every signature given: signing is simply done.
  assert.equal(states(counted).sign, 'done');
  // Not sealed (a correction after the override reopened the round): missing signatures are the next step again.
  const reopened: DayFacts = { ...counted, round: { number: 1, status: 'signed' }, sealed: false, signaturesMissing: 2 };
  assert.equal(states(reopened).sign, 'next');
});
