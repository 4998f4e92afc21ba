import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { addDesk } from '../../../electron/backend/services/issuance';
import { makeVoter } from '../../unit/roll/make-roll';
import { asPerson, establishAuthority, signedIn, TEST_PIN } from '../../helpers/authority';
import { count, election, importGenerated, openVoting } from './helpers';

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string; details?: { reason?: string } } };

const cert = (i: number) => makeVoter(i).certificate;

/** An election in voting with a signed-in desk person (丁一) and the chair (郭志明) to approve with a PIN. */
async function deskDay() {
  const e = election();
  const { ctx } = e;
  await importGenerated(ctx, 12);
  const chair = e.person('郭志明');
  const desk = e.person('丁一');
  establishAuthority(ctx, chair, [{ person: desk }]);
  asPerson(ctx, chair, () => {
    openVoting(ctx, ['C1'], 20);
    addDesk(ctx, { id: 'C1-b', name: '二号发票处', box: 'C1' });
  });
  const raw = (m: string, i: unknown) => dispatch(contract, buildApi(ctx), m, i);
  const asDesk = await signedIn(async (m, i) => {
    const r = await raw(m, i);
    return m === 'signIn' && r.ok ? r.value : r;
  }, desk);
  const call = async (m: string, i: unknown) => (await asDesk(m, i)) as Answer;
  const ok = async (m: string, i: unknown) => {
    const r = await call(m, i);
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };
  const issued = () => (ctx.db.prepare("SELECT count FROM issued_count WHERE box_id = 'C1' AND round_number = 1").get() as { count: number }).count;
  return { ...e, chair, call, ok, issued, approval: { person: chair, pin: TEST_PIN } };
}

function refusedWith(r: Answer, pattern: RegExp): void {
  assert.equal(r.ok, false, JSON.stringify(r));
  if (r.ok) return;
  assert.match(r.error.message, pattern);
}

test('undo the last issue at a desk: a committee PIN and a reason; counts go back, audited, the voter can be issued again', async () => {
  const d = await deskDay();
  await d.ok('issueBallot', { certificate: cert(0), round: 1, desk: 'C1', requestKey: 'issue-key-0000000000' });
  const firstKey = 'issue-key-0000000001';
  await d.ok('issueBallot', { certificate: cert(1), round: 1, desk: 'C1', requestKey: firstKey });
  assert.equal(d.issued(), 2);

  const key = 'undo-key-00000000001';
  const input = { round: 1, desk: 'C1', certificate: cert(1), approval: d.approval, reason: '扫错了选民证', requestKey: key };
  const undone = await d.ok('undoLastIssue', input);
  assert.deepEqual(undone.voter, { name: makeVoter(1).name, group: makeVoter(1).group });
  assert.equal((undone.stock as { issued: number; inHand: number }).issued, 1);
  assert.equal((undone.stock as { issued: number; inHand: number }).inHand, 19);
  assert.equal(d.issued(), 1);
  assert.equal(count(d.ctx, 'issuance'), 1);

  // Sent again after a lost answer: the same answer, nothing more undone.
  const again = await d.ok('undoLastIssue', input);
  assert.deepEqual(again, undone);
  assert.equal(count(d.ctx, 'issuance'), 1);

  const events = readAuditEvents(d.ctx.db, { limit: 10_000 }).filter((e) => e.type === 'ballot.issue-undone');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.subject, `certificate:${cert(1)}`);
  assert.deepEqual(events[0]!.detail, { round: 1, desk: 'C1', box: 'C1', decidedBy: { id: d.chair, name: '郭志明' }, reason: '扫错了选民证' });
  assert.ok(verifyAuditChain(d.ctx.db).ok);

  // A late re-send of the undone issuance issues nothing; scanned again (a new request), the voter gets a ballot.
  const late = await d.call('issueBallot', { certificate: cert(1), round: 1, desk: 'C1', requestKey: firstKey });
  assert.equal(late.ok, false);
  assert.equal(!late.ok && late.error.details?.reason, 'issue-undone');
  assert.equal(count(d.ctx, 'issuance'), 1);
  await d.ok('issueBallot', { certificate: cert(1), round: 1, desk: 'C1', requestKey: 'issue-key-0000000002' });
  assert.equal(d.issued(), 2);
});

test('undo is refused, changing nothing: without a PIN, with a wrong PIN, for anything but the desk’s last issue, once the box is closed', async () => {
  const d = await deskDay();
  await d.ok('issueBallot', { certificate: cert(0), round: 1, desk: 'C1' });
  await d.ok('issueBallot', { certificate: cert(1), round: 1, desk: 'C1' });
  await d.ok('issueBallot', { certificate: cert(2), round: 1, desk: 'C1-b' });
  asPerson(d.ctx, d.chair, () => addDesk(d.ctx, { id: 'C1-c', name: '三号发票处', box: 'C1' }));
  const base = { round: 1, desk: 'C1', reason: '发错了' };
  const audit = () => readAuditEvents(d.ctx.db, { limit: 10_000 }).filter((e) => e.type === 'ballot.issue-undone').length;

  refusedWith(await d.call('undoLastIssue', { ...base, certificate: cert(1) }), /须由 1 名选举委员会成员输入个人密码确认/);
  refusedWith(await d.call('undoLastIssue', { ...base, certificate: cert(1), approval: { person: d.chair, pin: '999999' } }), /个人密码不正确/);
  refusedWith(await d.call('undoLastIssue', { ...base, certificate: cert(0), approval: d.approval }), /只能撤销本台最后一次发票：最后一次是选民证 \d+（/);
  // Another desk's issuance is not this desk's to undo, even at the same box.
  refusedWith(await d.call('undoLastIssue', { ...base, certificate: cert(2), approval: d.approval }), /只能撤销本台最后一次发票/);
  const empty = await d.call('undoLastIssue', { ...base, desk: 'C1-c', certificate: cert(3), approval: d.approval });
  refusedWith(empty, /还没有发出选票/);
  assert.equal(d.issued(), 3);
  assert.equal(audit(), 0);

  asPerson(d.ctx, d.chair, () => recordCustodyStep(d.ctx, { box: 'C1', round: 1, step: 'sealed-closed', seals: ['C1-2'] }));
  refusedWith(await d.call('undoLastIssue', { ...base, certificate: cert(1), approval: d.approval }), /已结束投票/);
  assert.equal(d.issued(), 3);
  assert.equal(audit(), 0);
});

test('who has not voted yet: counted per group and per place in one pass, agreeing with the paged list', async () => {
  const d = await deskDay();
  const before = await d.ok('notVotedSummary', { round: 1 });
  assert.equal(before.voters, 12);
  assert.equal(before.notVoted, 12);
  for (const i of [0, 1, 4]) await d.ok('issueBallot', { certificate: cert(i), round: 1, desk: 'C1' });
  const after = (await d.ok('notVotedSummary', { round: 1 })) as {
    notVoted: number;
    byGroup: { group: string; voters: number; notVoted: number }[];
    byPlace: { assignment: { kind: string; id: string }; voters: number; notVoted: number }[];
  };
  assert.equal(after.notVoted, 9);
  assert.equal(after.byGroup.reduce((n, g) => n + g.voters, 0), 12);
  for (const g of after.byGroup) {
    const listed = (await d.ok('listVoters', { group: g.group, status: 'not-issued', round: 1, limit: 1000 })) as { total: number };
    assert.equal(g.notVoted, listed.total, g.group);
  }
  for (const p of after.byPlace) {
    const target = p.assignment.kind === 'venue' ? { venue: p.assignment.id } : { mobileBox: p.assignment.id };
    const listed = (await d.ok('listVoters', { assignment: target, status: 'not-issued', round: 1, limit: 1000 })) as { total: number };
    assert.equal(p.notVoted, listed.total, p.assignment.id);
  }
  refusedWith(await d.call('notVotedSummary', { round: 7 }), /没有第 7 轮/);
});
