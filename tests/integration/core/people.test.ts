import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../../shared/api/envelope';
import { readAuditEvents } from '../../../electron/backend/audit';
import { addCommitteeMember, addOfficial, declareRelative, grantRole, leaveCommittee, listPeople, revokeRole, setPin, verifyPersonPin } from '../../../electron/backend/services/people';
import { activeRoles, requireSittingCommitteeMember } from '../../../electron/backend/services/person-standing';
import { approveProxy } from '../../../electron/backend/services/proxies';
import { setBoxStaff } from '../../../electron/backend/services/setup-venues';
import { count, sampleElection } from './helpers';
import { asPerson, establishAuthority, TEST_PIN } from '../../helpers/authority';

function refusedMatching(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.code, 'refused', e.message);
    assert.match(e.message, pattern);
    return true;
  };
}

test('a declared close relative of a candidate is refused as scrutineer, naming who and why', () => {
  const ctx = sampleElection();
  const roles = count(ctx, 'official_role');
  assert.throws(
    () => addOfficial(ctx, { name: '赵小军', roles: ['scrutineer'] }),
    refusedMatching(/不能任命 赵小军 为监票人：赵小军 是候选人 赵建国 的子女.*赵小军 cannot be a scrutineer: 赵小军 is the child of candidate 赵建国/),
  );
  assert.equal(count(ctx, 'official_role'), roles);
  const last = readAuditEvents(ctx.db, { afterSeq: 0, limit: 1000 }).at(-1)!;
  assert.equal(last.type, 'official.role-refused');
  assert.equal(last.outcome, 'refused');
});

test('a candidate cannot be a caller, counter, desk staff, writing helper or mobile-box staff', () => {
  const ctx = sampleElection();
  for (const role of ['caller', 'counter', 'chief-counter', 'desk', 'writing-helper', 'chief-scrutineer'] as const) {
    assert.throws(() => addOfficial(ctx, { name: '王 强', roles: [role] }), refusedMatching(/王 强 is a candidate for "副主任"/));
  }
  assert.throws(() => setBoxStaff(ctx, { box: 'M1', staff: ['孙丽', '马涛', '李娜'] }), refusedMatching(/李娜 cannot staff mobile box M1/));
  assert.throws(() => setBoxStaff(ctx, { box: 'M1', staff: ['孙丽', '马涛', '孙 丽'] }), refusedMatching(/at least 3 different staff/));
});

test('declaring a relative of someone already holding a role is refused until the role is revoked', () => {
  const ctx = sampleElection();
  const xu = listPeople(ctx).find((p) => p.name === '徐静')!;
  assert.throws(
    () => declareRelative(ctx, { name: '徐静', candidate: '杨静', kind: 'sibling' }),
    refusedMatching(/徐静 is the sibling of candidate 杨静 but holds: scrutineer/),
  );
  revokeRole(ctx, { person: xu.id, role: 'scrutineer', reason: '申报为候选人亲属 / relative of a candidate' });
  declareRelative(ctx, { name: '徐静', candidate: '杨静', kind: 'sibling' });
  assert.throws(() => grantRole(ctx, { person: xu.id, role: 'counter' }), refusedMatching(/sibling of candidate 杨静/));
  assert.deepEqual(listPeople(ctx).find((p) => p.id === xu.id)!.conflicts, ['徐静 是候选人 杨静 的兄弟姐妹 / 徐静 is the sibling of candidate 杨静']);
});

test('the relation kinds of DOMAIN §8 are the only ones accepted by the schema', async () => {
  const { relativeInput } = await import('../../../shared/domain/people');
  for (const kind of ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild']) {
    assert.ok(relativeInput.safeParse({ name: '甲', candidate: '乙', kind }).success, kind);
  }
  assert.equal(relativeInput.safeParse({ name: '甲', candidate: '乙', kind: 'cousin' }).success, false);
});

test('PINs: stored as a salted scrypt hash, checked, a wrong one logged, a change needs the current one', () => {
  const ctx = sampleElection();
  const chair = listPeople(ctx).find((p) => p.name === '郭志明')!;
  const xie = listPeople(ctx).find((p) => p.name === '谢文')!;
  const hu = listPeople(ctx).find((p) => p.name === '胡斌')!;
  establishAuthority(ctx, chair.id, [{ person: xie.id, pin: '246810' }, { person: hu.id, pin: '246810' }]);
  const rows = ctx.db.prepare('SELECT pin_salt, pin_hash FROM person WHERE id IN (?, ?)').all(xie.id, hu.id) as { pin_salt: string; pin_hash: string }[];
  assert.notEqual(rows[0]!.pin_hash, rows[1]!.pin_hash, 'same PIN, different salts, different hashes');
  assert.ok(!rows[0]!.pin_hash.includes('246810'));
  assert.equal(verifyPersonPin(ctx, xie.id, '246810'), true);
  assert.equal(asPerson(ctx, xie.id, () => verifyPersonPin(ctx, xie.id, '246811')), false);
  const last = readAuditEvents(ctx.db, { afterSeq: 0, limit: 1000 }).at(-1)!;
  assert.deepEqual([last.type, last.outcome], ['pin.failed', 'refused']);
  assert.match(last.actor ?? '', /谢文/);
  asPerson(ctx, xie.id, () => {
    assert.throws(() => setPin(ctx, { person: xie.id, pin: '13579246' }), refusedMatching(/needs the current PIN/));
    assert.throws(() => setPin(ctx, { person: xie.id, pin: '13579246', currentPin: '000000' }), refusedMatching(/wrong current PIN/));
    setPin(ctx, { person: xie.id, pin: '13579246', currentPin: '246810' });
  });
  assert.equal(verifyPersonPin(ctx, xie.id, '13579246'), true);
  const zheng = listPeople(ctx).find((p) => p.name === '郑丽')!;
  assert.throws(() => verifyPersonPin(ctx, zheng.id, '123456'), refusedMatching(/has not set a PIN/));
});

test('one committee check: a member who left can no longer decide, on the roll side as on the counting side', () => {
  const ctx = sampleElection();
  const member = addCommitteeMember(ctx, { name: '钱 进', position: 'member' });
  assert.equal(requireSittingCommitteeMember(ctx.db, member.id), '钱 进');
  setPin(ctx, { person: member.id, pin: TEST_PIN });
  leaveCommittee(ctx, { person: member.id, reason: '回避' });
  const notSitting = refusedMatching(/钱 进 不是在任的选举委员会成员.*钱 进 is not a sitting election committee member/);
  assert.throws(() => requireSittingCommitteeMember(ctx.db, member.id), notSitting);
  assert.throws(() => approveProxy(ctx, { voter: '00000013', trustee: '00000021', approval: { person: member.id, pin: TEST_PIN } }), notSitting);
});

test('active roles: granted roles in order, a revoked one gone', () => {
  const ctx = sampleElection();
  const { id } = addOfficial(ctx, { name: '周 明', roles: ['counter'] });
  grantRole(ctx, { person: id, role: 'caller' });
  assert.deepEqual(activeRoles(ctx.db, id), ['counter', 'caller']);
  revokeRole(ctx, { person: id, role: 'counter', reason: '调整' });
  assert.deepEqual(activeRoles(ctx.db, id), ['caller']);
});
