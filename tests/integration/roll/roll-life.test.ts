import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch } from '../../../shared/api/dispatch';
import { contract } from '../../../shared/api/contract';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { buildApi } from '../../../electron/backend/api';
import { batchChoices, cardOfCertificate } from '../../../electron/backend/certificates/batches';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { approveProxy } from '../../../electron/backend/services/proxies';
import { addVoter, correctVoter, publishRoll, removeVoter, rollStatus, setEligibleCount } from '../../../electron/backend/services/roll-life';
import { decideObjection, fileObjection, listObjections } from '../../../electron/backend/services/roll-objections';
import { voterHistory } from '../../../electron/backend/services/voter-history';
import { rollSummary } from '../../../electron/backend/services/voters';
import { makeIdNumber, makeVoter } from '../../unit/roll/make-roll';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { count, election, importGenerated, openVoting, rejects, type Election } from '../issuance/helpers';

const COMMITTEE = ['郭志明', '何玉兰', '林海', '罗平', '高山'];

function established(e: Election): Election {
  const [chair, ...others] = COMMITTEE.map((n) => e.person(n));
  establishAuthority(e.ctx, chair!, others.map((person) => ({ person })));
  return e;
}

const approvalOf = (e: Election, name = '郭志明') => ({ person: e.person(name), pin: TEST_PIN });
const cert = (i: number) => makeVoter(i).certificate;
const NEW_ID = makeIdNumber('110105', '1980-03-07', '201');

const newcomer = (over: Record<string, unknown> = {}) => ({
  name: '欧阳明',
  idNumber: NEW_ID,
  group: '第3居民小组',
  category: 'resident' as const,
  address: '建设路 12 号',
  ...over,
});

function events(e: Election, type: string): { detail: string }[] {
  return e.ctx.db.prepare('SELECT detail_json AS detail FROM audit_event WHERE type = ? ORDER BY seq').all(type) as { detail: string }[];
}

test('a voter added by the committee gets a certificate, is counted, and their history says how they came onto the roll', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 10);
  const out = addVoter(e.ctx, { voter: newcomer(), approval: approvalOf(e), reason: '迁入本社区，本人申请登记' });
  assert.equal(out.name, '欧阳明');
  assert.match(out.certificate, /^\d{8}$/);
  assert.equal(rollSummary(e.ctx.db).voters, 11);
  const h = voterHistory(e.ctx.db, out.certificate);
  assert.deepEqual(h.events.map((x) => x.kind), ['added']);
  const added = h.events[0]!;
  assert.ok(added.kind === 'added' && added.after?.address === '建设路 12 号' && added.decidedBy[0] === '郭志明');
  const audit = JSON.parse(events(e, 'voter.added')[0]!.detail) as { after: { idNumber: string }; before: null };
  assert.equal(audit.after.idNumber, NEW_ID);
  assert.equal(audit.before, null);
});

test('no one registered twice: an ID number on the roll is refused naming the entry, removed entries included; nothing written', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 10);
  const before = count(e.ctx, 'voter');
  const existing = makeVoter(4);
  assert.throws(
    () => addVoter(e.ctx, { voter: newcomer({ idNumber: existing.idNumber }), approval: approvalOf(e), reason: '申请' }),
    (err: unknown) => rejects('refused', 'already-registered')(err) && String((err as Error).message).includes(existing.certificate),
  );
  removeVoter(e.ctx, { certificate: cert(5), removal: { reason: 'moved' }, approval: approvalOf(e) });
  assert.throws(
    () => addVoter(e.ctx, { voter: newcomer({ idNumber: makeVoter(5).idNumber }), approval: approvalOf(e), reason: '申请' }),
    (err: unknown) => rejects('refused', 'already-registered')(err) && /已除名|removed/.test((err as Error).message),
  );
  assert.equal(count(e.ctx, 'voter'), before);
  assert.equal(count(e.ctx, 'roll_change', "kind = 'added'"), 0);
});

test('additions check the ID number, the age on election day and the proof a 人户分离 registration needs', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 3);
  const add = (over: Record<string, unknown>) => () => addVoter(e.ctx, { voter: newcomer(over), approval: approvalOf(e), reason: '申请' });
  assert.throws(add({ idNumber: NEW_ID.slice(0, 17) + (NEW_ID[17] === '1' ? '2' : '1') }), rejects('invalid-input'));
  assert.throws(add({ idNumber: makeIdNumber('110105', '2010-01-01', '201') }), rejects('refused', 'under-18'));
  assert.throws(add({ category: 'incomer' }), (err: unknown) => rejects('invalid-input')(err) && /proof|证明/.test((err as Error).message));
  assert.throws(add({ station: 'NOWHERE' }), rejects('invalid-input'));
  const ok = addVoter(e.ctx, { voter: newcomer({ category: 'incomer', proofNote: '居住证 2024 年' }), approval: approvalOf(e), reason: '申请' });
  assert.equal(rollStatus(e.ctx).incomersWithoutProof, 0);
  assert.ok(ok.certificate);
  assert.equal(count(e.ctx, 'voter'), 4);
});

test('a removed voter stays for history but is not counted, gets no certificate, proxy or ballot', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 10);
  assert.throws(() => removeVoter(e.ctx, { certificate: cert(2), removal: { reason: 'other' }, approval: approvalOf(e) }), rejects('invalid-input'));
  removeVoter(e.ctx, { certificate: cert(2), removal: { reason: 'deceased' }, approval: approvalOf(e) });
  assert.equal(count(e.ctx, 'voter'), 10);
  assert.equal(rollSummary(e.ctx.db).voters, 9);
  assert.deepEqual([rollStatus(e.ctx).registered, rollStatus(e.ctx).removed], [9, 1]);
  assert.equal(batchChoices(e.ctx.db).voters, 9);
  assert.throws(() => cardOfCertificate(e.ctx.db, cert(2)), rejects('refused'));
  assert.throws(() => removeVoter(e.ctx, { certificate: cert(2), removal: { reason: 'moved' }, approval: approvalOf(e) }), rejects('refused', 'already-removed'));
  assert.throws(() => correctVoter(e.ctx, { certificate: cert(2), change: { group: '第1居民小组' }, approval: approvalOf(e), reason: 'x' }), rejects('refused', 'already-removed'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(2), trustee: cert(3), approval: approvalOf(e) }), rejects('refused', 'removed-from-roll'));
  const h = voterHistory(e.ctx.db, cert(2));
  assert.deepEqual(h.events.map((x) => x.kind), ['registered', 'removed']);
  assert.ok(h.voter.removedAt);
  openVoting(e.ctx, ['C1']);
  const desk = (e.ctx.db.prepare("SELECT id FROM desk WHERE box_id = 'C1'").get() as { id: string } | undefined)?.id ?? 'C1';
  assert.throws(() => issueBallot(e.ctx, { certificate: cert(2), round: 1, desk }), rejects('refused', 'removed-from-roll'));
});

test('a voter with an approved proxy is not removed until it is revoked', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approval: approvalOf(e) });
  for (const c of [cert(0), cert(1)]) {
    assert.throws(() => removeVoter(e.ctx, { certificate: c, removal: { reason: 'moved' }, approval: approvalOf(e) }), rejects('refused', 'active-proxy'));
  }
  assert.equal(rollStatus(e.ctx).removed, 0);
});

test('a correction is audited with the values before and after; a clash with another entry or no change is refused', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  const out = correctVoter(e.ctx, { certificate: cert(1), change: { name: '王 小 明', group: '第9居民小组' }, approval: approvalOf(e), reason: '户籍登记有误' });
  assert.equal(out.after.name, '王小明');
  assert.equal(out.before.group, makeVoter(1).group);
  const audit = JSON.parse(events(e, 'voter.corrected')[0]!.detail) as { before: { group: string }; after: { group: string } };
  assert.deepEqual([audit.before.group, audit.after.group], [makeVoter(1).group, '第9居民小组']);
  assert.throws(
    () => correctVoter(e.ctx, { certificate: cert(1), change: { idNumber: makeVoter(3).idNumber }, approval: approvalOf(e), reason: 'x' }),
    rejects('refused', 'already-registered'),
  );
  assert.throws(() => correctVoter(e.ctx, { certificate: cert(1), change: { group: '第9居民小组' }, approval: approvalOf(e), reason: 'x' }), rejects('invalid-input'));
  assert.throws(() => correctVoter(e.ctx, { certificate: cert(1), change: { category: 'incomer' }, approval: approvalOf(e), reason: 'x' }), rejects('invalid-input'));
  assert.deepEqual(voterHistory(e.ctx.db, cert(1)).events.map((x) => x.kind), ['registered', 'corrected']);
});

test('an imported 人户分离 voter without a proof note can still be corrected; moving someone into that category needs one', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 20);
  assert.equal(rollStatus(e.ctx).incomersWithoutProof, 1);
  correctVoter(e.ctx, { certificate: cert(17), change: { group: '第5居民小组' }, approval: approvalOf(e), reason: '小组调整' });
  correctVoter(e.ctx, { certificate: cert(2), change: { category: 'incomer', proofNote: '居住证' }, approval: approvalOf(e), reason: '申请登记' });
  assert.equal(rollStatus(e.ctx).incomersWithoutProof, 1);
});

test('every change is a committee decision: no approval, a wrong PIN or a non-member is refused and nothing changes', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  assert.throws(() => removeVoter(e.ctx, { certificate: cert(1), removal: { reason: 'moved' } }), rejects('refused', 'approvals-needed'));
  assert.throws(() => removeVoter(e.ctx, { certificate: cert(1), removal: { reason: 'moved' }, approval: { person: e.person('郭志明'), pin: '999999' } }), rejects('refused', 'wrong-pin'));
  assert.throws(() => addVoter(e.ctx, { voter: newcomer(), approval: approvalOf(e, '丁一'), reason: 'x' }), rejects('refused'));
  assert.equal(rollStatus(e.ctx).removed, 0);
  assert.equal(count(e.ctx, 'roll_change'), 0);
});

test('once round 1 has left prepared the roll is locked: additions, removals, corrections and upheld changes refused', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  const id = fileObjection(e.ctx, { filedBy: '张三', filedOn: '2026-05-10', about: cert(1), what: '此人已迁出' }).id;
  openVoting(e.ctx, ['C1']);
  assert.throws(() => addVoter(e.ctx, { voter: newcomer(), approval: approvalOf(e), reason: 'x' }), rejects('refused', 'roll-locked'));
  assert.throws(() => removeVoter(e.ctx, { certificate: cert(1), removal: { reason: 'moved' }, approval: approvalOf(e) }), rejects('refused', 'roll-locked'));
  assert.throws(() => correctVoter(e.ctx, { certificate: cert(1), change: { group: 'x' }, approval: approvalOf(e), reason: 'x' }), rejects('refused', 'roll-locked'));
  assert.throws(
    () => decideObjection(e.ctx, { objection: id, decision: 'upheld', reason: '属实', decidedOn: '2026-05-12', change: { kind: 'remove' }, approval: approvalOf(e) }),
    rejects('refused', 'roll-locked'),
  );
  // The decision and the change are one transaction: the objection is still open.
  assert.equal(listObjections(e.ctx)[0]!.decision, null);
  assert.equal(rollStatus(e.ctx).open, false);
});

test('an upheld objection removes the voter in the same write; the history and the audit log show it', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 8);
  publishRoll(e.ctx, { publishedOn: '2026-04-20', approval: approvalOf(e) });
  const id = fileObjection(e.ctx, { filedBy: '李四', filedOn: '2026-04-23', about: cert(3), what: '该选民已迁往外省' }).id;
  const late = fileObjection(e.ctx, { filedBy: '王五', filedOn: '2026-04-28', what: '我家老人漏登' }).id;
  const listed = listObjections(e.ctx);
  assert.deepEqual(listed.map((o) => o.filedLate), [false, true]);
  assert.equal(listed[0]!.decideBy, '2026-04-26');
  // "today" is the test clock's 2026-05-16: both are past their decision deadline.
  assert.deepEqual(listed.map((o) => o.decisionLate), [true, true]);
  assert.equal(rollStatus(e.ctx).objections.overdue, 2);

  const decided = decideObjection(e.ctx, {
    objection: id,
    decision: 'upheld',
    reason: '经核实已迁出',
    decidedOn: '2026-04-25',
    change: { kind: 'remove', note: '迁往外省' },
    approval: approvalOf(e),
  });
  assert.equal(decided.decision, 'upheld');
  assert.equal(decided.decisionLate, false);
  assert.deepEqual(decided.change, { kind: 'removed', certificate: cert(3), name: makeVoter(3).name });
  assert.equal(rollStatus(e.ctx).registered, 7);
  const h = voterHistory(e.ctx.db, cert(3)).events.find((x) => x.kind === 'removed');
  assert.ok(h && h.kind === 'removed' && h.objection === id && h.removal === 'objection-upheld' && h.reason === '迁往外省');
  assert.equal(events(e, 'objection.decided').length, 1);
  assert.equal(JSON.parse(events(e, 'voter.removed')[0]!.detail).objection, id);

  assert.throws(() => decideObjection(e.ctx, { objection: id, decision: 'rejected', reason: 'x', decidedOn: '2026-04-25', approval: approvalOf(e) }), rejects('refused', 'already-decided'));
  assert.throws(
    () => decideObjection(e.ctx, { objection: late, decision: 'rejected', reason: 'x', decidedOn: '2026-04-29', change: { kind: 'remove', certificate: cert(1) }, approval: approvalOf(e) }),
    rejects('invalid-input'),
  );
  assert.throws(() => decideObjection(e.ctx, { objection: late, decision: 'rejected', reason: 'x', decidedOn: '2026-04-27', approval: approvalOf(e) }), rejects('invalid-input'));
  assert.throws(() => decideObjection(e.ctx, { objection: late, decision: 'upheld', reason: 'x', decidedOn: '2026-04-29', change: { kind: 'remove' }, approval: approvalOf(e) }), rejects('invalid-input'));
  const added = decideObjection(e.ctx, {
    objection: late,
    decision: 'upheld',
    reason: '漏登属实',
    decidedOn: '2026-04-29',
    change: { kind: 'add', voter: newcomer() },
    approval: approvalOf(e),
  });
  assert.equal(added.change?.kind, 'added');
  assert.equal(rollStatus(e.ctx).registered, 8);
  assert.throws(() => fileObjection(e.ctx, { filedBy: '赵六', filedOn: '2026-06-01', what: '未来' }), rejects('invalid-input'));
  assert.throws(() => decideObjection(e.ctx, { objection: 99, decision: 'rejected', reason: 'x', decidedOn: '2026-04-29', approval: approvalOf(e) }), rejects('not-found'));
});

test('the 30% check and the publication date: stored by the committee, shown with the deadlines', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 30);
  const s0 = rollStatus(e.ctx);
  assert.deepEqual(s0.share, { applies: true, eligible: null, registered: 30 });
  assert.equal(s0.latestPublication, '2026-04-26');
  assert.equal(s0.publication, null);
  setEligibleCount(e.ctx, { eligible: 101, approval: approvalOf(e) });
  assert.deepEqual(rollStatus(e.ctx).share, { applies: true, eligible: 101, registered: 30, percent: 29.7, ok: false });
  setEligibleCount(e.ctx, { eligible: 100, approval: approvalOf(e) });
  assert.equal((rollStatus(e.ctx).share as { ok: boolean }).ok, true);
  const p = publishRoll(e.ctx, { publishedOn: '2026-04-28', approval: approvalOf(e) });
  assert.deepEqual(p, { publishedOn: '2026-04-28', latest: '2026-04-26', late: true, filingUntil: '2026-05-03' });
  assert.equal(events(e, 'roll.published').length, 1);
  assert.equal(events(e, 'roll.eligible-set').length, 2);
});

test('re-sent decisions through the contract are answered once: one voter added, one objection recorded', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  const api = buildApi(e.ctx);
  const signIn = await dispatch(contract, api, 'signIn', { person: e.person('郭志明'), pin: TEST_PIN });
  assert.ok(signIn.ok);
  const token = (signIn.value as { token: string }).token;
  const call = (method: string, input: object) => dispatch(contract, api, method as never, { ...input, [SESSION_FIELD]: token } as never);
  const add = { voter: newcomer(), approval: approvalOf(e), reason: '申请', requestKey: 'roll-life-key-0001' };
  const first = await call('addVoter', add);
  const again = await call('addVoter', add);
  assert.ok(first.ok && again.ok);
  assert.deepEqual(again.value, first.value);
  assert.equal(count(e.ctx, 'roll_change', "kind = 'added'"), 1);
  const filing = { filedBy: '张三', filedOn: '2026-05-01', what: '漏登', requestKey: 'roll-life-key-0002' };
  const f1 = await call('fileObjection', filing);
  const f2 = await call('fileObjection', filing);
  assert.ok(f1.ok && f2.ok);
  assert.deepEqual(f2.value, f1.value);
  assert.equal(count(e.ctx, 'objection'), 1);
  const bad = await call('fileObjection', { filedBy: '张三', filedOn: '2026-05-01', what: 'x'.repeat(501) });
  assert.ok(!bad.ok && bad.error.code === 'invalid-input');
});
