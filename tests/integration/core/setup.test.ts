import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../../shared/api/envelope';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { leaveCommittee, listPeople } from '../../../electron/backend/services/people';
import { addCandidate, createElection, electionOverview } from '../../../electron/backend/services/setup';
import { count, freshContext, sampleDefinition, sampleElection } from './helpers';

function isApiError(code: string, pattern?: RegExp, path?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `expected ApiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    if (path !== undefined) assert.equal(e.path, path);
    return true;
  };
}

test('the sample definition sets up the whole election, candidates in surname stroke order', () => {
  const ctx = sampleElection();
  const o = electionOverview(ctx);
  assert.equal(o.election?.title, '幸福里社区第十二届居民委员会选举');
  assert.equal(o.election?.rules.minCommittee, 5);
  assert.equal(o.election?.rules.tieRevoteThreshold, 'over-third-of-participants');
  assert.equal(o.election?.rules.proxyLimit, 3);
  assert.deepEqual(o.offices.map((x) => x.id), ['chair', 'vice', 'member', 'women']);
  // 陈 (7 strokes) before 赵 (9); 王 李 ; 刘 杨 张 黄
  assert.deepEqual(o.offices[0]!.candidates.map((c) => c.name), ['陈秀英', '赵建国']);
  assert.deepEqual(o.offices[1]!.candidates.map((c) => c.name), ['王强', '李娜']);
  assert.deepEqual(o.offices[2]!.candidates.map((c) => c.name), ['刘洋', '杨静', '张伟', '黄磊']);
  assert.deepEqual(o.venues.map((v) => v.id).sort(), ['central', 's1']);
  assert.deepEqual(o.boxes.find((b) => b.id === 'M1')?.staff, ['孙丽', '马涛', '朱红']);
  assert.deepEqual(o.rounds.map((r) => [r.number, r.kind, r.status]), [[1, 'regular', 'prepared']]);
  assert.deepEqual(o.warnings, []);
  const people = listPeople(ctx);
  assert.equal(people.filter((p) => p.committee).length, 5);
  assert.equal(people.find((p) => p.name === '谢文')?.roles[0]?.role, 'chief-scrutineer');
  const chain = verifyAuditChain(ctx.db);
  assert.ok(chain.ok);
  assert.equal(chain.count, o.audit.count);
});

test('a definition with a bad reference names the field and writes nothing', () => {
  const ctx = freshContext();
  const def = sampleDefinition();
  (def.candidates as { office: string }[])[4]!.office = 'treasurer';
  assert.throws(() => createElection(ctx, def), isApiError('invalid-input', /unknown office "treasurer"/, 'candidates[4].office'));
  assert.equal(count(ctx, 'election'), 0);
  assert.equal(count(ctx, 'office'), 0);
  assert.equal(count(ctx, 'audit_event'), 0);
});

test('a definition with a schema error names the field', () => {
  const ctx = freshContext();
  const def = sampleDefinition();
  (def.offices as { seats: unknown }[])[2]!.seats = 0;
  assert.throws(() => createElection(ctx, def), isApiError('invalid-input', /^offices\[2\]\.seats: /, 'offices[2].seats'));
  const def2 = sampleDefinition();
  (def2 as Record<string, unknown>).colour = 'red';
  assert.throws(() => createElection(ctx, def2), isApiError('invalid-input', /unknown field/, 'colour'));
  const def3 = { ...sampleDefinition(), method: 'meeting' };
  assert.throws(() => createElection(ctx, def3), isApiError('invalid-input', /not allowed for body "residents"/, 'method'));
  const def4 = sampleDefinition();
  delete def4.community;
  assert.throws(() => createElection(ctx, def4), isApiError('invalid-input', /^community: required field is missing$/, 'community'));
  assert.equal(count(ctx, 'election'), 0);
});

test('an election is created once per file', () => {
  const ctx = sampleElection();
  const before = count(ctx, 'audit_event');
  assert.throws(() => createElection(ctx, sampleDefinition()), isApiError('refused', /already holds an election/));
  assert.equal(count(ctx, 'audit_event'), before);
});

test('a committee member who becomes a candidate is refused until they leave the committee', () => {
  const def = sampleDefinition();
  (def.candidates as unknown[]).push({ name: '林 海', gender: 'male', office: 'member' });
  const ctx = freshContext();
  assert.throws(() => createElection(ctx, def), isApiError('refused', /林 海 是选举委员会成员.*must leave the committee/, undefined));
  assert.equal(count(ctx, 'election'), 0);

  const ctx2 = sampleElection();
  assert.throws(() => addCandidate(ctx2, { name: '林海', gender: 'male', office: 'member' }), isApiError('refused', /must leave the committee first/));
  assert.equal(count(ctx2, 'candidate'), 10);
  const linhai = listPeople(ctx2).find((p) => p.name === '林海')!;
  leaveCommittee(ctx2, { person: linhai.id, reason: '本人报名参选 / standing as a candidate' });
  const { id } = addCandidate(ctx2, { name: '林海', gender: 'male', office: 'member' });
  assert.equal(id, 'member-5');
  assert.ok(verifyAuditChain(ctx2.db).ok);
});

test('a woman-only seat refuses a man; a lone candidate gives a margin warning', () => {
  const ctx = sampleElection();
  assert.throws(() => addCandidate(ctx, { name: '钱进', gender: 'male', office: 'women' }), isApiError('refused', /women's seat/));
  const def = sampleDefinition();
  def.candidates = (def.candidates as { office: string }[]).filter((c, i) => c.office !== 'chair' || i === 0);
  const ctx2 = freshContext();
  const r = createElection(ctx2, def);
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0]!.code, 'insufficient-candidate-margin');
  assert.equal(r.warnings[0]!.office, 'chair');
  assert.match(r.warnings[0]!.message, /主任/);
});

test('a Party meeting records its registered number and the excluded members with reasons', () => {
  const ctx = freshContext();
  createElection(ctx, {
    title: '党委换届',
    community: '幸福里社区',
    body: 'party',
    method: 'meeting',
    date: '2026-04-10',
    registered: { source: 'number', number: 118, exclusions: [{ member: '老李', reason: '长期外出经批准不计入应到会人数' }] },
    offices: [{ id: 'committee', title: '委员', rank: 1, seats: 5 }],
    candidates: ['甲一', '乙二', '丙三', '丁四', '戊五', '己六'].map((name) => ({ name, office: 'committee' })),
    venues: [{ id: 'hall', name: '礼堂', kind: 'central' }],
  });
  const o = electionOverview(ctx);
  assert.deepEqual(o.election?.registered, { source: 'number', number: 118 });
  assert.deepEqual(o.election?.exclusions, [{ member: '老李', reason: '长期外出经批准不计入应到会人数' }]);
  assert.equal(o.election?.rules.proxyLimit, 0);
  assert.equal(o.election?.rules.minCommittee, 5);
  assert.deepEqual(o.warnings, []);
});
