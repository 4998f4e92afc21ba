import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BackendContext } from '../../../electron/backend/context';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { resultAnnouncement } from '../../../electron/backend/services/announcement';
import { computeResults, storedResult } from '../../../electron/backend/services/results';
import { createNextRound, electionStanding } from '../../../electron/backend/services/rounds';
import { roundBallot } from '../../../electron/backend/services/setup-rounds';
import { approvalBy, closePoll, expectApiError, issue, makeElection, openPoll, runRound, times } from './helpers';

test('a tie at the last seat produces a tie re-vote round with the tied persons, which then elects', async () => {
  const { ctx } = await makeElection({ voters: 12, rules: { minCommittee: 3 } });
  const chair = { for: ['c1'] };
  const r1 = runRound(ctx, 1, [
    ...times(5, { marks: { chair, member: { for: ['m1', 'm2'] } } }),
    ...times(5, { marks: { chair, member: { for: ['m1', 'm3'] } } }),
    ...times(2, { marks: { chair, member: { for: ['m2', 'm3'] } } }),
  ]);
  const member = r1.result.offices.find((o) => o.office === 'member')!;
  assert.deepEqual(member.elected, ['张伟']);
  assert.deepEqual(r1.result.nextSteps, [{ kind: 'tie-revote', office: 'member', seats: 1, names: ['刘洋', '陈静'], required: true }]);

  assert.throws(() => createNextRound(ctx, { fromRound: 1, kind: 'supplementary' }), expectApiError('refused', /calls for no further election/));
  const r2 = createNextRound(ctx, { fromRound: 1, kind: 'tie-revote' });
  assert.deepEqual([r2.number, r2.kind, r2.status], [2, 'tie-revote', 'prepared']);
  assert.throws(() => createNextRound(ctx, { fromRound: 1, kind: 'tie-revote' }), expectApiError('refused', /already created/));
  const ballot = roundBallot(ctx.db, 2);
  assert.deepEqual(
    ballot.map((o) => ({ office: o.id, seats: o.seats, candidates: o.candidates.map((c) => [c.id, c.name, c.gender]) })),
    [{ office: 'member', seats: 1, candidates: [['m2', '刘洋', 'male'], ['m3', '陈静', 'female']] }],
  );
  let standing = electionStanding(ctx.db);
  assert.equal(standing.outstanding, 1, 'the tie re-vote round has no result yet');
  assert.deepEqual(standing.nextSteps.map((s) => [s.kind, s.fromRound, s.round]), [['tie-revote', 1, 2]]);

  // An office not on the tie re-vote ballot is refused.
  openPoll(ctx, 2);
  issue(ctx, 2, 0, 10);
  closePoll(ctx, 2);
  openBox(ctx, { round: 2, box: 'C1' });
  assert.throws(() => enterBallot(ctx, { round: 2, box: 'C1', ballot: { marks: { chair: { for: ['c1'] } } } }), expectApiError('invalid-input', /not on this round's ballot/));
  recordBallotsFound(ctx, { round: 2, box: 'C1', found: 10 });
  for (let i = 0; i < 10; i++) enterBallot(ctx, { round: 2, box: 'C1', ballot: { marks: { member: { for: [i < 4 ? 'm2' : 'm3'] } } } });
  finishBox(ctx, { round: 2, box: 'C1' });
  const res2 = computeResults(ctx, 2);
  assert.equal(res2.record.round, 'tie-revote');
  assert.deepEqual(res2.result.offices[0]!.elected, ['陈静']);
  assert.deepEqual(res2.result.nextSteps, []);

  standing = electionStanding(ctx.db);
  assert.deepEqual(
    standing.offices.map((o) => [o.office, o.elected.map((p) => `${p.name}@${p.round}`), o.vacant]),
    [['chair', ['王芳@1'], 0], ['member', ['张伟@1', '陈静@2'], 0]],
  );
  assert.deepEqual([standing.electedTotal, standing.minimumMet, standing.outstanding, standing.acting], [3, true, 0, null]);
  assert.deepEqual([standing.womanElected, standing.womenWarning], [true, false]);
});

test('a committee short of the minimum gets a required supplementary election, after which the minimum is met', async () => {
  const { ctx } = await makeElection({ voters: 12, rules: { minCommittee: 3 } });
  // Only 张伟 passes half of 10 participants for the two member seats; the chair goes to 李强 (a man).
  const r1 = runRound(ctx, 1, [
    ...times(5, { marks: { chair: { for: ['c2'] }, member: { for: ['m1', 'm2'] } } }),
    ...times(5, { marks: { chair: { for: ['c2'] }, member: { for: ['m1', 'm3'] } } }),
  ]);
  assert.deepEqual(r1.result.offices.map((o) => [o.office, o.elected, o.vacant]), [['chair', ['李强'], 0], ['member', ['张伟'], 1]]);
  assert.deepEqual(r1.result.nextSteps, [{ kind: 'supplementary', office: 'member', seats: 1, names: ['刘洋', '陈静'], required: true }]);
  let standing = electionStanding(ctx.db);
  assert.deepEqual([standing.electedTotal, standing.minCommittee, standing.minimumMet, standing.outstanding], [2, 3, false, 1]);
  assert.deepEqual([standing.womanElected, standing.womenWarning], [false, true]);

  const r2 = createNextRound(ctx, { fromRound: 1, kind: 'supplementary' });
  assert.equal(r2.kind, 'supplementary');
  assert.deepEqual(roundBallot(ctx.db, 2).map((o) => [o.id, o.seats, o.candidates.map((c) => c.name)]), [['member', 1, ['刘洋', '陈静']]]);
  const res2 = runRound(ctx, 2, [...times(5, { marks: { member: { for: ['m3'] } } }), ...times(3, { marks: { member: { for: ['m2'] } } })]);
  assert.deepEqual(res2.result.offices[0]!.elected, ['陈静']);
  standing = electionStanding(ctx.db);
  assert.deepEqual([standing.electedTotal, standing.minimumMet, standing.outstanding], [3, true, 0]);
  assert.deepEqual([standing.womanElected, standing.womenWarning], [true, false]);
  assert.deepEqual(standing.rounds.map((r) => [r.number, r.kind, r.status]), [[1, 'regular', 'counted'], [2, 'supplementary', 'counted']]);
});

test('a supplementary election that is not required needs a committee member’s approval; a vacant chair has an acting chair', async () => {
  const { ctx, people } = await makeElection({ voters: 12, rules: { minCommittee: 1 } });
  // Nobody passes half for chair; 张伟 and 陈静 fill the member seats.
  const r1 = runRound(ctx, 1, [
    ...times(4, { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } }),
    ...times(4, { marks: { chair: { for: ['c2'] }, member: { for: ['m1', 'm3'] } } }),
  ]);
  assert.deepEqual(r1.result.nextSteps.map((s) => [s.kind, s.office, s.required]), [['supplementary', 'chair', false]]);
  const standing = electionStanding(ctx.db);
  assert.deepEqual(standing.acting, { name: '张伟', office: 'member' });
  assert.equal(standing.outstanding, 0, 'an optional supplementary election is not outstanding');
  assert.throws(() => createNextRound(ctx, { fromRound: 1, kind: 'supplementary' }), expectApiError('refused', /decision on a supplementary election needs 1 election committee member/));
  assert.throws(
    () => createNextRound(ctx, { fromRound: 1, kind: 'supplementary', approval: approvalBy(people['谢文']) }),
    expectApiError('refused', /not a sitting election committee member/),
  );
  assert.throws(
    () => createNextRound(ctx, { fromRound: 1, kind: 'supplementary', approval: approvalBy(people['郭志明'], '000000') }),
    expectApiError('refused', /wrong PIN for 郭志明/),
  );
  assert.equal((ctx.db.prepare('SELECT count(*) AS n FROM round_origin').get() as { n: number }).n, 0, 'refused decisions create no round');
  const r2 = createNextRound(ctx, { fromRound: 1, kind: 'supplementary', approval: approvalBy(people['何玉兰']), note: '选委会决定另行选举主任' });
  assert.equal(r2.number, 2);
  const origin = ctx.db.prepare('SELECT from_round, kind, decided_by, note FROM round_origin WHERE round_number = 2').get();
  assert.deepEqual(origin, { from_round: 1, kind: 'supplementary', decided_by: people['何玉兰'], note: '选委会决定另行选举主任' });
});

test('the results announcement states who holds each office from the stored results, with votes and the round, and is not final while a round is owed', async () => {
  const { ctx } = await makeElection({ voters: 12, rules: { minCommittee: 3 } });
  const chair = { for: ['c1'] };
  runRound(ctx, 1, [
    ...times(5, { marks: { chair, member: { for: ['m1', 'm2'] } } }),
    ...times(5, { marks: { chair, member: { for: ['m1', 'm3'] } } }),
    ...times(2, { marks: { chair: { for: ['c2'] }, member: { for: ['m2', 'm3'] } } }),
  ]);
  let view = resultAnnouncement(ctx.db);
  assert.deepEqual(
    view.offices.map((o) => [o.office, o.elected.map((p) => [p.name, p.votes, p.round]), o.vacant]),
    [['chair', [['王芳', 10, 1]], 0], ['member', [['张伟', 10, 1]], 1]],
  );
  assert.deepEqual(view.rounds.map((r) => [r.number, r.registered, r.participants, r.valid]), [[1, 12, 12, true]]);
  assert.equal(view.rounds[0]!.resultHash, storedResult(ctx.db, 1)!.resultHash);
  assert.equal(view.outstanding, 1, 'the required tie re-vote is owed');

  createNextRound(ctx, { fromRound: 1, kind: 'tie-revote' });
  assert.equal(resultAnnouncement(ctx.db).outstanding, 1, 'the re-vote round has no result yet');
  runRound(ctx, 2, times(10, { marks: { member: { for: ['m3'] } } }));
  view = resultAnnouncement(ctx.db);
  assert.equal(view.outstanding, 0);
  assert.deepEqual(view.offices.find((o) => o.office === 'member')!.elected.map((p) => [p.name, p.votes, p.round]), [['张伟', 10, 1], ['陈静', 10, 2]]);
  assert.equal(view.electedTotal, 3);
  assert.equal(view.election.drill, false);
});
