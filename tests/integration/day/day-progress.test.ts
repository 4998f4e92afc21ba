import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DayStep } from '../../../shared/domain/day';
import { readDayProgress } from '../../../electron/backend/services/day-progress';
import { openVoting } from '../../../electron/backend/services/open-voting';
import { custodyState, recordCustodyStep } from '../../../electron/backend/services/custody';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import { getRound } from '../../../electron/backend/services/setup-rounds';
import { signResult } from '../../../electron/backend/services/signoff';
import { sealElection } from '../../../electron/backend/services/seal';
import { receiveBallots } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';
import { buildApi } from '../../../electron/backend/api';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { SESSION_FIELD } from '../../../shared/api/resend';
import type { BackendContext } from '../../../electron/backend/context';
import { closePoll, expectApiError, issue, makeElection, PIN, tempDir } from '../counting/helpers';

function count(ctx: BackendContext, table: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const FOR_C1 = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };

function doneSteps(ctx: BackendContext): DayStep[] {
  return readDayProgress(ctx).steps.filter((s) => s.state === 'done').map((s) => s.step);
}

test('the day progresses step by step from the database, the next step always the first not done', async () => {
  const { ctx, people } = await makeElection({ voters: 12, withStation: true });
  let p = readDayProgress(ctx);
  assert.deepEqual(doneSteps(ctx), ['setup', 'roll']);
  assert.equal(p.next, 'certificates');
  assert.deepEqual(p.steps.find((s) => s.step === 'open-voting')!.progress, { done: 0, total: 2 });
  assert.deepEqual(p.steps.find((s) => s.step === 'count')!.progress, { done: 0, total: 2 }, 'before the poll closes no box counts as counted');

  // The central box sealed empty; the station's not yet: opening voting starts C1 and names S1 as not sealed.
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1-a'] });
  const opened = asPerson(ctx, people['郭志明']!, () => openVoting(ctx, { round: 1, boxes: ['C1'] }));
  assert.equal(opened.round.status, 'voting');
  assert.deepEqual(opened.started, ['C1']);
  assert.deepEqual(opened.notSealed, [{ box: 'S1', name: '投票站票箱' }]);
  assert.equal(custodyState(ctx.db, 'C1', 1).events.at(-1)!.by, people['郭志明'], 'the box step names who opened voting');
  p = readDayProgress(ctx);
  assert.deepEqual(doneSteps(ctx), ['setup', 'roll', 'certificates']);
  assert.equal(p.next, 'open-voting');
  assert.deepEqual(p.steps.find((s) => s.step === 'open-voting')!.progress, { done: 1, total: 2 });

  // S1 sealed later: the same call on an open round starts only it.
  recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'sealed-empty', seals: ['S1-1-a'] });
  assert.deepEqual(openVoting(ctx, { round: 1, boxes: ['S1'] }).started, ['S1']);
  assert.equal(readDayProgress(ctx).next, 'custody');

  for (const box of ['C1', 'S1']) receiveBallots(ctx, { box, round: 1, count: 20 });
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1, ['C1', 'S1']);
  assert.deepEqual(doneSteps(ctx), ['setup', 'roll', 'certificates', 'open-voting', 'custody', 'close']);
  assert.equal(readDayProgress(ctx).next, 'count');

  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 3 });
  for (let i = 0; i < 3; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  assert.equal(readDayProgress(ctx).next, 'count', 'a box being counted keeps the count step open');
  finishBox(ctx, { round: 1, box: 'C1' });
  p = readDayProgress(ctx);
  assert.equal(p.next, 'results', 'S1 had no ballot issued: nothing to count there');
  assert.deepEqual(p.steps.find((s) => s.step === 'count')!.progress, { done: 2, total: 2 });

  computeResults(ctx, 1);
  assert.equal(readDayProgress(ctx).next, 'sign');
  const signers = [['谢文', 'chief-scrutineer'], ['徐静', 'scrutineer'], ['胡斌', 'caller'], ['郑丽', 'counter'], ['马涛', 'counter']] as const;
  for (const [name, role] of signers.slice(0, -1)) asPerson(ctx, people[name]!, () => signResult(ctx, { round: 1, role, pin: PIN }));
  assert.equal(readDayProgress(ctx).next, 'sign', 'one signature still missing');
  asPerson(ctx, people['马涛']!, () => signResult(ctx, { round: 1, role: 'counter', pin: PIN }));
  assert.equal(readDayProgress(ctx).next, 'seal');

  sealElection(ctx, { path: join(tempDir(), 'result.cer-sealed.json') });
  p = readDayProgress(ctx);
  assert.equal(p.next, null);
  assert.ok(p.steps.every((s) => s.state === 'done'));
});

test('opening voting with a box that is not sealed empty refuses everything and changes nothing', async () => {
  const { ctx, people } = await makeElection({ voters: 5, withStation: true });
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1-a'] });
  const events = count(ctx, 'custody_event');
  const audit = count(ctx, 'audit_event');
  assert.throws(
    () => asPerson(ctx, people['郭志明']!, () => openVoting(ctx, { round: 1, boxes: ['C1', 'S1'] })),
    expectApiError('refused', /票箱 S1 不在“已封空箱、待开始投票”的状态.*box S1 is not sealed empty/),
  );
  assert.throws(() => openVoting(ctx, { round: 1, boxes: ['X9'] }), expectApiError('refused', /no box "X9"/));
  assert.equal(getRound(ctx.db, 1).status, 'prepared', 'the round did not open');
  assert.equal(count(ctx, 'custody_event'), events);
  assert.equal(count(ctx, 'audit_event'), audit);
  // After the poll is over, opening again is refused.
  openVoting(ctx, { round: 1, boxes: ['C1'] });
  closePoll(ctx, 1, ['C1']);
  assert.throws(() => openVoting(ctx, { round: 1, boxes: [] }), expectApiError('refused', /poll of round 1 is over/));
});

test('a box never used this round does not hold up bringing the boxes in once the poll is closed', async () => {
  const { ctx } = await makeElection({ voters: 5, withStation: true });
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1-a'] });
  openVoting(ctx, { round: 1, boxes: ['C1'] });
  const custody = () => readDayProgress(ctx).steps.find((s) => s.step === 'custody')!;
  closePoll(ctx, 1, ['C1'], { checkSeals: false });
  assert.deepEqual(custody().progress, { done: 1, total: 2 }, 'S1 (never sealed) counts as nothing to bring in');
  assert.equal(custody().state, 'next', 'C1 is sealed but its seals are not checked yet');
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['C1-1-a', 'C1-1-b'], intact: true });
  assert.equal(custody().state, 'done');
});

test('openVoting through the contract: the committee only, and a re-send with the same key opens nothing twice', async () => {
  const { ctx, people } = await makeElection({ voters: 5, withStation: true });
  const api = buildApi(ctx);
  const callAs = async (name: string) => {
    const signIn = await dispatch(contract, api, 'signIn', { person: people[name]!, pin: PIN });
    assert.ok(signIn.ok);
    const token = (signIn.value as { token: string }).token;
    return (method: string, input: object) => dispatch(contract, api, method, { ...input, [SESSION_FIELD]: token });
  };
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1-a'] });
  const desk = await callAs('孙丽');
  const refused = await desk('openVoting', { round: 1, boxes: ['C1'] });
  assert.equal(!refused.ok && (refused.error.details as { reason: string }).reason, 'role');
  const chair = await callAs('郭志明');
  const input = { round: 1, boxes: ['C1'], requestKey: 'open-voting-key-0001' };
  const first = await chair('openVoting', input);
  assert.ok(first.ok, JSON.stringify(first));
  const events = count(ctx, 'custody_event');
  const audit = count(ctx, 'audit_event');
  const again = await chair('openVoting', input);
  assert.deepEqual(again, first, 'the re-send answers the first answer');
  assert.equal(count(ctx, 'custody_event'), events);
  assert.equal(count(ctx, 'audit_event'), audit);
  const progress = await desk('dayProgress', {});
  assert.ok(progress.ok && (progress.value as { next: string }).next === 'open-voting', 'any signed-in person reads the day');
});
