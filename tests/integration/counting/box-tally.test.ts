import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import type { BackendContext } from '../../../electron/backend/context';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { BallotView, BoxTallyView } from '../../../shared/api/counting';
import type { ApiResponse } from '../../../shared/api/envelope';
import { addTallies, runningTally } from '../../../shared/rules/running-tally';
import { roundBallot } from '../../../electron/backend/services/setup-rounds';
import { signedIn, type Call } from '../../helpers/authority';
import { approvalBy, closePoll, issue, makeElection, openPoll, PIN } from './helpers';

/**
 * What the counting screen reads at the size of a large box: a sheet's tally read once by the shared rules, the list
 * a page at a time, each entry answered with the ballot as stored; and the display's check of the result's hash.
 */

function caller(ctx: BackendContext) {
  const api = buildApi(ctx);
  const raw = (method: string, input: unknown): Promise<ApiResponse<unknown>> => dispatch(contract, api, method, input, () => {});
  const call: Call = async (method, input) => {
    const r = await raw(method, input);
    if (!r.ok) assert.fail(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return { raw, call };
}

const BALLOTS = [
  { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } },
  { marks: { chair: { for: ['c1', 'c2'] }, member: { for: ['m2'], writeIns: ['吴敏'] } } }, // chair overvoted
  { void: 'unreadable' },
  { doubtful: { marks: { chair: { for: ['c2'] } }, note: '勾在框外' } },
  { marks: { chair: { for: ['c2'], against: ['c1'] } } },
  { doubtful: { note: '无法辨认' } },
];

async function counting() {
  const { ctx, people } = await makeElection({ voters: 12 });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, BALLOTS.length);
  closePoll(ctx, 1);
  const { raw, call } = caller(ctx);
  const scrutineer = await signedIn(call, people['谢文']!);
  const counter = await signedIn(call, people['郑丽']!);
  const committee = await signedIn(call, people['郭志明']!);
  await scrutineer('openBox', { round: 1, box: 'C1' });
  await scrutineer('recordBallotsFound', { round: 1, box: 'C1', found: BALLOTS.length });
  return { ctx, people, raw, call, scrutineer, counter, committee };
}

test('each entry answers the ballot as stored; the sheet tally read at once equals the entries added one by one', async () => {
  const { ctx, counter, committee, people } = await counting();
  const offices = roundBallot(ctx.db, 1);
  const empty = (await counter('boxTally', { round: 1, box: 'C1' })) as BoxTallyView;
  assert.equal(empty.tally.ballots, 0);
  let built = empty.tally;
  for (const [i, ballot] of BALLOTS.entries()) {
    const r = (await counter('enterBallot', { round: 1, box: 'C1', ballot, position: i + 1 })) as { position: number; ballot: BallotView };
    assert.equal(r.ballot.position, i + 1);
    assert.deepEqual(r.ballot, ((await counter('boxBallots', { round: 1, box: 'C1', from: i + 1, limit: 1 })) as BallotView[])[0]);
    built = addTallies(built, runningTally(offices, [r.ballot], empty.rules));
  }
  const read = (await counter('boxTally', { round: 1, box: 'C1' })) as BoxTallyView;
  assert.deepEqual(read.tally, built);
  assert.deepEqual(read.unruled, [4, 6]);
  assert.deepEqual(read.rules, { overvote: 'void-section', samePersonInTwoOffices: 'void-ballot' });
  const chair = read.tally.offices.find((o) => o.id === 'chair')!;
  assert.deepEqual(
    chair.persons.map((p) => [p.name, p.for, p.against]),
    [
      ['王芳', 1, 1],
      ['李强', 1, 0],
    ],
  );
  assert.equal(chair.voidSections, 1);
  assert.equal(read.tally.voidBallots, 1);
  assert.equal(read.tally.pendingDoubtful, 2);
  assert.ok(read.tally.offices.find((o) => o.id === 'member')!.persons.some((p) => p.name === '吴敏' && !p.listed && p.for === 1));

  // Ruled: counted as ruled and no longer awaiting.
  await committee('ruleDoubtful', { round: 1, box: 'C1', position: 4, ruling: { marks: { chair: { for: ['c2'] } } }, approval: approvalBy(people['郭志明']), reason: '选委会认定有效' });
  const ruled = (await counter('boxTally', { round: 1, box: 'C1' })) as BoxTallyView;
  assert.deepEqual(ruled.unruled, [6]);
  assert.equal(ruled.tally.pendingDoubtful, 1);
  assert.equal(ruled.tally.offices.find((o) => o.id === 'chair')!.persons.find((p) => p.name === '李强')!.for, 2);
});

test('the list is read a page at a time; a page too large or a position that is not a number is refused and changes nothing', async () => {
  const { counter, raw, people } = await counting();
  for (const [i, ballot] of BALLOTS.entries()) await counter('enterBallot', { round: 1, box: 'C1', ballot, position: i + 1 });
  const page = (await counter('boxBallots', { round: 1, box: 'C1', from: 3, limit: 2 })) as BallotView[];
  assert.deepEqual(page.map((b) => b.position), [3, 4]);
  assert.deepEqual(((await counter('boxBallots', { round: 1, box: 'C1', from: 5 })) as BallotView[]).map((b) => b.position), [5, 6]);
  assert.deepEqual(await counter('boxBallots', { round: 1, box: 'C1', from: 99, limit: 10 }), []);
  assert.equal(((await counter('boxBallots', { round: 1, box: 'C1' })) as BallotView[]).length, BALLOTS.length, 'without from/limit: the whole sheet, as before');
  const { token } = (await counter('signIn', { person: people['郑丽'], pin: PIN })) as { token: string };
  for (const bad of [{ limit: 501 }, { limit: 0 }, { from: 0 }, { from: 1.5 }]) {
    const r = await raw('boxBallots', { round: 1, box: 'C1', ...bad, session: token });
    assert.equal(r.ok, false, JSON.stringify(bad));
    if (!r.ok) assert.equal(r.error.code, 'invalid-input', JSON.stringify(bad));
  }
  const unopened = await raw('boxTally', { round: 1, box: 'NOPE', session: token });
  assert.equal(unopened.ok, false);
  if (!unopened.ok) assert.match(unopened.error.message, /NOPE/);
});

test('storedResultHash: null until a result is computed, then its hash; null again once the count changes', async () => {
  const { counter, committee, scrutineer, people, raw } = await counting();
  for (const [i, ballot] of BALLOTS.entries()) await counter('enterBallot', { round: 1, box: 'C1', ballot, position: i + 1 });
  for (const position of [4, 6]) {
    await committee('ruleDoubtful', { round: 1, box: 'C1', position, ruling: { void: 'other' }, approval: approvalBy(people['郭志明']), reason: '无法确认' });
  }
  assert.deepEqual(await counter('storedResultHash', { round: 1 }), { resultHash: null });
  await scrutineer('finishBox', { round: 1, box: 'C1' });
  const computed = (await committee('computeResults', { round: 1 })) as { resultHash: string };
  assert.deepEqual(await counter('storedResultHash', { round: 1 }), { resultHash: computed.resultHash });
  await scrutineer('correctBallot', { round: 1, box: 'C1', position: 1, ballot: { void: 'other' }, reason: '复核', approval: approvalBy(people['郭志明']) });
  assert.deepEqual(await counter('storedResultHash', { round: 1 }), { resultHash: null });
  const { token } = (await counter('signIn', { person: people['郑丽'], pin: PIN })) as { token: string };
  const unknown = await raw('storedResultHash', { round: 9, session: token });
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.error.code, 'not-found');
});
