import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { auditHead, readAuditEvents } from '../../../electron/backend/audit';
import { correctBallot, enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { ruleDoubtful } from '../../../electron/backend/services/doubtful';
import { computeResults, storedResult } from '../../../electron/backend/services/results';
import { getRound } from '../../../electron/backend/services/setup-rounds';
import { listSignoffs, reopenCount, sealSignoffs, signResult } from '../../../electron/backend/services/signoff';
import { sealElection } from '../../../electron/backend/services/seal';
import { tallySheet } from '../../../electron/backend/services/tally-sheet';
import { loadOrCreateStationKey } from '../../../electron/backend/seal';
import { asPerson } from '../../helpers/authority';
import type { BackendContext } from '../../../electron/backend/context';
import { approvalBy, closePoll, expectApiError, issue, makeElection, openPoll, PIN } from './helpers';

const FOR_C1 = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };
const FOR_C2 = { marks: { chair: { for: ['c2'] }, member: { for: ['m2'] } } };

type SignInput = Omit<Parameters<typeof signResult>[1], 'round'> & { round?: number };

/** Signs round 1 (unless told) as the person, the way a signed-in person does. */
function signAs(ctx: BackendContext, person: number | undefined, input: SignInput) {
  return asPerson(ctx, person!, () => signResult(ctx, { round: 1, ...input }));
}

async function countedElection() {
  const e = await makeElection({ voters: 12 });
  const { ctx } = e;
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 10);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 10 });
  for (let i = 0; i < 8; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C2 });
  enterBallot(ctx, { round: 1, box: 'C1', ballot: { doubtful: { note: '字迹模糊' } } });
  ruleDoubtful(ctx, { round: 1, box: 'C1', position: 10, ruling: { void: 'unreadable' }, approval: approvalBy(e.people['郭志明']), reason: '无法辨认' });
  finishBox(ctx, { round: 1, box: 'C1' });
  return { ...e, result: computeResults(ctx, 1) };
}

test('a signature by a wrong PIN is refused and audited; nothing is signed', async () => {
  const { ctx, people } = await countedElection();
  const before = readAuditEvents(ctx.db).length;
  assert.throws(() => signAs(ctx, people['胡斌'], { role: 'caller', pin: '0000' }), expectApiError('refused', /wrong PIN for 胡斌/));
  assert.equal(listSignoffs(ctx.db, 1).length, 0);
  const events = readAuditEvents(ctx.db).slice(before);
  assert.deepEqual(events.map((e) => [e.type, e.outcome]), [['pin.failed', 'refused'], ['signoff.refused', 'refused']]);
  assert.deepEqual(events[1]!.detail, { person: people['胡斌'], role: 'caller', reason: 'wrong-pin' });
  assert.equal(getRound(ctx.db, 1).status, 'counted');
  // A role the person does not hold is refused before any PIN is checked.
  assert.throws(() => signAs(ctx, people['胡斌'], { role: 'scrutineer', pin: PIN }), expectApiError('refused', /does not hold the role scrutineer/));
});

test('once anyone has signed, counting of the round is frozen', async () => {
  const { ctx, people, result } = await countedElection();
  const s = signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN, resultHash: result.resultHash });
  assert.deepEqual([s.name, s.role, s.resultHash, s.revoked], ['郑丽', 'counter', result.resultHash, null]);
  assert.equal(getRound(ctx.db, 1).status, 'signed');
  assert.throws(() => signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN }), expectApiError('refused', /already signed round 1 as counter/));
  const frozen = /round 1 is frozen: its result has been signed \(郑丽 \(counter\)\)/;
  assert.throws(() => enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 }), expectApiError('refused', frozen));
  assert.throws(() => asPerson(ctx, people['谢文']!, () => correctBallot(ctx, { round: 1, box: 'C1', position: 1, ballot: FOR_C2, reason: 'x' })), expectApiError('refused', frozen));
  assert.throws(() => recordBallotsFound(ctx, { round: 1, box: 'C1', found: 11 }), expectApiError('refused', frozen));
  assert.equal(computeResults(ctx, 1).resultHash, result.resultHash);
  assert.equal(storedResult(ctx.db, 1)!.computedAt, result.computedAt);
  // Others sign the same hash; the committee chair signs as chair.
  signAs(ctx, people['郭志明'], { role: 'committee-chair', pin: PIN });
  signAs(ctx, people['谢文'], { role: 'chief-scrutineer', pin: PIN });
  assert.throws(
    () => signAs(ctx, people['徐静'], { role: 'scrutineer', pin: PIN, resultHash: 'f'.repeat(64) }),
    expectApiError('refused', /is not the current result of round 1/),
  );
  assert.deepEqual(listSignoffs(ctx.db, 1).map((x) => [x.name, x.role]), [['郑丽', 'counter'], ['郭志明', 'committee-chair'], ['谢文', 'chief-scrutineer']]);
});

test('reopening revokes every signature of the round with the recorded reason; the count can then change and be signed again', async () => {
  const { ctx, people, result } = await countedElection();
  signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN });
  signAs(ctx, people['胡斌'], { role: 'caller', pin: PIN });
  assert.throws(() => reopenCount(ctx, { round: 1, reason: 'x', approvals: [approvalBy(people['谢文'])] }), expectApiError('refused', /not a sitting election committee member/));
  assert.throws(() => reopenCount(ctx, { round: 1, reason: 'x', approvals: [] }), expectApiError('refused', /reopening a count needs 1 election committee member/));
  assert.throws(
    () => reopenCount(ctx, { round: 1, reason: 'x', approvals: [approvalBy(people['郭志明']), approvalBy(people['郭志明'])] }),
    expectApiError('invalid-input', /^approvals: .*each committee member approves once/),
  );
  assert.equal(listSignoffs(ctx.db, 1).filter((s) => s.revoked === null).length, 2, 'refused reopenings revoke nothing');
  const { revoked } = asPerson(ctx, people['何玉兰']!, () =>
    reopenCount(ctx, { round: 1, reason: '监票人发现第 9 张选票录入有误', approvals: [approvalBy(people['郭志明'])] }),
  );
  assert.deepEqual(revoked.map((s) => [s.name, s.revoked?.reason]), [['郑丽', '监票人发现第 9 张选票录入有误'], ['胡斌', '监票人发现第 9 张选票录入有误']]);
  assert.deepEqual(listSignoffs(ctx.db, 1).map((s) => s.revoked?.reason), ['监票人发现第 9 张选票录入有误', '监票人发现第 9 张选票录入有误']);
  assert.equal(getRound(ctx.db, 1).status, 'counting');
  const ev = readAuditEvents(ctx.db).filter((e) => e.type === 'signoff.reopened');
  assert.deepEqual([ev.length, ev[0]!.detail.reason, ev[0]!.detail.approvedBy], [1, '监票人发现第 9 张选票录入有误', [{ id: people['郭志明'], name: '郭志明' }]]);
  assert.match(ev[0]!.actor ?? '', /何玉兰/, 'the audit actor is the caller; the approver is in the detail');

  asPerson(ctx, people['谢文']!, () =>
    correctBallot(ctx, { round: 1, box: 'C1', position: 9, ballot: FOR_C1, reason: '复核原票', approval: approvalBy(people['郭志明']) }),
  );
  finishBox(ctx, { round: 1, box: 'C1' });
  const again = computeResults(ctx, 1);
  assert.notEqual(again.resultHash, result.resultHash);
  signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN });
  const sealed = sealSignoffs(ctx.db);
  assert.deepEqual(
    sealed.map((s) => [s.name, s.resultHash === again.resultHash, s.revoked?.reason ?? null]),
    [['郑丽', false, '监票人发现第 9 张选票录入有误'], ['胡斌', false, '监票人发现第 9 张选票录入有误'], ['郑丽', true, null]],
  );
});

test('the tally sheet holds counts, per-person votes, officials with their sign-off status, the key fingerprint and the audit head', async () => {
  const { ctx, people, result } = await countedElection();
  signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN });
  const sheet = tallySheet(ctx, 1);
  assert.deepEqual(sheet.counts, { registered: 12, participants: 10, ballotsIssued: 10, spoiled: 0, collected: 10, valid: 9, void: 1 });
  assert.deepEqual(sheet.boxes, [{ box: 'C1', name: '中心票箱', issued: 10, found: 10, difference: 0, status: 'accepted' }]);
  const chair = sheet.offices.find((o) => o.office === 'chair')!;
  assert.equal(chair.title, '主任');
  assert.deepEqual(chair.results.map((p) => [p.name, p.for, p.against, p.abstain, p.status]), [['王芳', 8, 0, 1, 'elected'], ['李强', 1, 0, 8, 'not-elected']]);
  assert.deepEqual(sheet.standing.offices.map((o) => [o.office, o.elected.map((p) => p.name)]), [['chair', ['王芳']], ['member', ['张伟', '陈静']]]);
  assert.equal(sheet.resultHash, result.resultHash);
  assert.deepEqual(
    sheet.officials.map((o) => [o.name, o.role, o.signed === null ? null : o.signed.current]),
    [['谢文', 'chief-scrutineer', null], ['徐静', 'scrutineer', null], ['胡斌', 'caller', null], ['郑丽', 'counter', true], ['马涛', 'counter', null], ['郭志明', 'committee-chair', null]],
  );
  assert.equal(sheet.station.fingerprint, loadOrCreateStationKey(ctx.dataDir).fingerprint.hex);
  const head = auditHead(ctx.db);
  assert.deepEqual(sheet.signedHead, { count: head.count, hash: head.head });
});

test('the sheet and the sealed file carry the same fixed audit head, the one at the last sign-off, whenever each is made', async () => {
  const { ctx, people } = await countedElection();
  assert.equal(tallySheet(ctx, 1).signedHead, null, 'nobody has signed yet');
  signAs(ctx, people['郑丽'], { role: 'counter', pin: PIN });
  const first = tallySheet(ctx, 1).signedHead!;
  // Every signer the sheet lists signs (sealing needs them all); each signature is the new fixed point.
  for (const [name, role] of [['谢文', 'chief-scrutineer'], ['徐静', 'scrutineer'], ['胡斌', 'caller'], ['马涛', 'counter']] as const) {
    signAs(ctx, people[name], { role, pin: PIN });
  }
  const printed = tallySheet(ctx, 1).signedHead;
  assert.ok(printed!.count > first.count, 'a later signature is the new fixed point');
  const dir = mkdtempSync(join(tmpdir(), 'signed-head-'));
  try {
    const sealed = sealElection(ctx, { path: join(dir, 'result.cer-sealed.json') });
    assert.deepEqual(sealed.rounds[0]!.signedHead, printed);
    // The seal's own events moved the log's head, not this point: a sheet printed now still agrees with the file.
    assert.ok(auditHead(ctx.db).count > printed!.count);
    assert.deepEqual(tallySheet(ctx, 1).signedHead, printed);
    const chair = people['郭志明']!;
    reopenCount(ctx, { round: 1, reason: '重新清点', approvals: [approvalBy(chair), approvalBy(people['何玉兰']!)] });
    assert.equal(tallySheet(ctx, 1).signedHead, null, 'a reopened count has no signature in force');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
