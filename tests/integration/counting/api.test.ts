import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { closePoll, issue, makeElection, openPoll, PIN } from './helpers';

/** Every counting and results method through the contract: inputs validated, outputs matching their schemas. */
test('counting, double entry, results, standing, sign-off and tally sheet through the API contract', async () => {
  const { ctx, people } = await makeElection({ voters: 12 });
  const api = buildApi(ctx);
  const internal: unknown[] = [];
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await dispatch(contract, api, method, input, (err) => internal.push(err));
    if (!r.ok) assert.fail(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(internal.at(-1) ?? '')}`);
    return r.value;
  };
  await call('setDoubleEntry', { enabled: true });
  assert.deepEqual(await call('countingSettings', {}), { doubleEntry: true });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 8);
  closePoll(ctx, 1);
  await call('openBox', { round: 1, box: 'C1', by: people['谢文'] });
  await call('recordBallotsFound', { round: 1, box: 'C1', found: 8 });
  const good = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };
  for (const sheet of ['A', 'B']) {
    for (let i = 0; i < 7; i++) await call('enterBallot', { round: 1, box: 'C1', sheet, ballot: good });
    await call('enterBallot', { round: 1, box: 'C1', sheet, ballot: { doubtful: { note: '有涂改' } } });
  }
  await call('ruleDoubtful', { round: 1, box: 'C1', position: 8, ruling: { void: 'other' }, by: people['郭志明'], reason: '涂改无法确认' });
  const bad = await dispatch(contract, api, 'enterBallot', { round: 1, box: 'C1', ballot: { marks: {}, void: 'other' } });
  assert.equal(bad.ok, false);
  assert.equal(bad.ok ? '' : bad.error.code, 'invalid-input');
  assert.deepEqual(await call('boxDisagreements', { round: 1, box: 'C1' }), []);
  assert.equal((await call('finishBox', { round: 1, box: 'C1' })).accepted, true);
  assert.equal((await call('boxBallots', { round: 1, box: 'C1', sheet: 'B' })).length, 8);
  assert.equal((await call('countingOverview', { round: 1 }))[0].status, 'accepted');
  assert.deepEqual(await call('ballotChanges', { round: 1 }), []);
  const res = await call('computeResults', { round: 1 });
  assert.equal((await call('storedResult', { round: 1 })).resultHash, res.resultHash);
  assert.deepEqual(await call('exportRecord', { round: 1 }), res.record);
  await call('signResult', { round: 1, person: people['胡斌'], role: 'caller', pin: PIN, resultHash: res.resultHash });
  assert.equal((await call('listSignoffs', { round: 1 })).length, 1);
  const sheet = await call('tallySheet', { round: 1 });
  assert.equal((sheet.counts as { void: number }).void, 1);
  const standing = await call('electionStanding', {});
  assert.equal(standing.electedTotal, 3);
  // Every one of the 3 seats is filled: the minimum of 5 cannot ask for more members than there are seats.
  assert.equal(standing.minimumMet, true);
  assert.equal(standing.outstanding, 0);
  assert.equal((await call('reopenCount', { round: 1, reason: '演示重新开放', by: people['郭志明'] })).revoked.length, 1);
  assert.deepEqual(internal, []);
});
