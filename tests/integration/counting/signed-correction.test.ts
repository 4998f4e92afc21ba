import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctBallot, enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import { listSignoffs, reopenCount, signResult } from '../../../electron/backend/services/signoff';
import { asPerson } from '../../helpers/authority';
import { approvalBy, closePoll, expectApiError, issue, makeElection, openPoll, PIN } from './helpers';

const BALLOT = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };

/**
 * What the counting screen tells before a correction of a signed round: the signatures in force (listSignoffs) are
 * exactly those the reopening revokes, and until then the correction is refused and changes nothing.
 */
test('a signed round: the correction is refused until the count is reopened, which revokes exactly the signatures in force', async () => {
  const { ctx, people } = await makeElection({ voters: 6 });
  const as = <T,>(name: string, fn: () => T) => asPerson(ctx, people[name]!, fn);
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 2);
  closePoll(ctx, 1);
  as('谢文', () => {
    openBox(ctx, { round: 1, box: 'C1' });
    recordBallotsFound(ctx, { round: 1, box: 'C1', found: 2 });
  });
  as('郑丽', () => {
    enterBallot(ctx, { round: 1, box: 'C1', ballot: BALLOT, position: 1 });
    enterBallot(ctx, { round: 1, box: 'C1', ballot: BALLOT, position: 2 });
    finishBox(ctx, { round: 1, box: 'C1' });
  });
  as('郭志明', () => computeResults(ctx, 1));
  as('郑丽', () => signResult(ctx, { round: 1, role: 'counter', pin: PIN }));
  as('谢文', () => signResult(ctx, { round: 1, role: 'chief-scrutineer', pin: PIN }));
  const shown = listSignoffs(ctx.db, 1).filter((s) => s.revoked === null).map((s) => `${s.name}/${s.role}`);
  assert.deepEqual(shown, ['郑丽/counter', '谢文/chief-scrutineer']);

  const correction = { round: 1, box: 'C1', position: 2, ballot: { marks: { chair: { for: ['c2'] }, member: { for: ['m1', 'm2'] } } }, reason: '录错', approval: approvalBy(people['郭志明']) };
  assert.throws(() => as('谢文', () => correctBallot(ctx, correction)), expectApiError('refused', /已有人签署(?=.*郑丽)(?=.*谢文)/));

  const reopened = as('郭志明', () => reopenCount(ctx, { round: 1, reason: '第 2 张录错', approvals: [approvalBy(people['郭志明'])] }));
  assert.deepEqual(reopened.revoked.map((s) => `${s.name}/${s.role}`), shown);
  assert.deepEqual(listSignoffs(ctx.db, 1).filter((s) => s.revoked === null), []);
  as('谢文', () => correctBallot(ctx, correction));
});
