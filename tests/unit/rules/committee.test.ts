import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../../shared/rules';
import { build, codes, many, office, type BallotSpec, type RecordSpec } from './fixtures';

/** A residents' committee: chair 1, vice 1, members 3 (5 seats), two women among the candidates. */
const committee: Pick<RecordSpec, 'offices' | 'candidates' | 'women'> = {
  offices: [
    { id: 'chair', seats: 1 },
    { id: 'vice', seats: 1 },
    { id: 'member', seats: 3 },
  ],
  candidates: { chair: ['李强', '张伟'], vice: ['王芳', '刘洋'], member: ['陈明', '赵磊', '孙丽', '周杰', '吴敏'] },
  women: ['王芳', '孙丽'],
};
const withAll = (member: string[]): BallotSpec => ({ chair: ['李强'], vice: ['王芳'], member });

/** 李 chair, 王 vice, members 陈 6, 赵 6, 孙 5, 周 4, 吴 4 (p = 10): four persons elected, one member seat vacant. */
const fourElected: BallotSpec[] = [
  ...many(5, withAll(['陈明', '赵磊', '孙丽'])),
  withAll(['陈明', '赵磊', '周杰']),
  ...many(3, withAll(['周杰', '吴敏'])),
  withAll(['吴敏']),
];

test('a full committee: no next steps, no warnings', () => {
  const r = tally(build({ ...committee, ballots: many(10, withAll(['陈明', '赵磊', '孙丽'])) }));
  assert.equal(r.valid, true);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.nextSteps, []);
  assert.equal(r.acting, null);
  assert.deepEqual(office(r, 'member').elected, ['孙丽', '陈明', '赵磊']);
});

test('fewer than minCommittee (5) elected: the supplementary election is required; its names include the tie at the edge', () => {
  const r = tally(build({ ...committee, ballots: fourElected }));
  assert.deepEqual(office(r, 'member').elected, ['陈明', '赵磊']);
  assert.equal(office(r, 'member').vacant, 1);
  // seats + 1 = 2 names, but 周 and 吴 are equal at the edge: both included, 吴 (7 strokes) before 周 (8)
  assert.deepEqual(r.nextSteps, [{ kind: 'supplementary', office: 'member', seats: 1, names: ['孙丽', '吴敏', '周杰'], required: true }]);
});

test('minCommittee reached: the supplementary election is not required', () => {
  const r = tally(build({ ...committee, rules: { minCommittee: 4 }, ballots: fourElected }));
  assert.deepEqual(r.nextSteps, [{ kind: 'supplementary', office: 'member', seats: 1, names: ['孙丽', '吴敏', '周杰'], required: false }]);
});

test('party default: every seat counts, so any vacancy requires a supplementary election', () => {
  const r = tally(build({ ...committee, body: 'party', method: 'meeting', ballots: fourElected }));
  assert.equal(r.nextSteps[0]!.required, true);
  const r2 = tally(build({ ...committee, body: 'party', method: 'meeting', rules: { minCommittee: 4 }, ballots: fourElected }));
  assert.equal(r2.nextSteps[0]!.required, false);
});

test('supplementary names: seats + 1 when there is no tie at the edge; persons elected elsewhere are left out', () => {
  // chair: 李 6 elected; vice: 王 3 and the write-in 李强 4 (李 is elected chair) → nobody elected, 李 skipped
  const r = tally(
    build({
      ...committee,
      ballots: [...many(3, { chair: ['李强'], vice: ['王芳'] }), ...many(3, { chair: ['李强'] }), ...many(4, { vice: ['+李强'] })],
    }),
  );
  assert.deepEqual(office(r, 'chair').elected, ['李强']);
  const vice = r.nextSteps.find((s) => s.office === 'vice');
  assert.deepEqual(vice, { kind: 'supplementary', office: 'vice', seats: 1, names: ['王芳', '刘洋'], required: true });
  const member = r.nextSteps.find((s) => s.office === 'member');
  // five members with 0 votes each, all equal at the edge: everybody is a name
  assert.deepEqual(member?.names, ['孙丽', '吴敏', '陈明', '周杰', '赵磊']);
  assert.equal(member?.seats, 3);
});

test('supplementary names leave out persons tied for a re-vote in any office', () => {
  // p = 12, threshold 7. members: 陈 9, 赵 7, 孙 7, 周 7 → 陈 elected, three tied for two seats.
  // vice: 王 5 and the write-in 赵磊 5 → nobody elected; 赵 is tied for member, so the names are 王 and 刘.
  const r = tally(
    build({
      ...committee,
      ballots: [
        ...many(5, { chair: ['李强'], vice: ['王芳'], member: ['陈明', '赵磊', '孙丽'] }),
        ...many(2, { chair: ['李强'], member: ['陈明', '赵磊', '周杰'] }),
        ...many(2, { chair: ['李强'], vice: ['+赵磊'], member: ['陈明', '孙丽', '周杰'] }),
        ...many(3, { chair: ['李强'], vice: ['+赵磊'], member: ['周杰'] }),
      ],
    }),
  );
  assert.deepEqual(office(r, 'member').elected, ['陈明']);
  assert.equal(office(r, 'member').vacant, 0);
  assert.deepEqual(r.nextSteps, [
    { kind: 'supplementary', office: 'vice', seats: 1, names: ['王芳', '刘洋'], required: true },
    { kind: 'tie-revote', office: 'member', seats: 2, names: ['孙丽', '周杰', '赵磊'], required: true },
  ]);
});

test('acting chair: the vice-chair with most votes when the chair is vacant', () => {
  const r = tally(
    build({
      ...committee,
      ballots: [...many(5, { chair: ['李强'], vice: ['王芳'], member: ['陈明'] }), ...many(5, { chair: ['张伟'], vice: ['王芳'], member: ['陈明'] })],
    }),
  );
  assert.deepEqual(office(r, 'chair').elected, []);
  assert.deepEqual(r.acting, { name: '王芳', office: 'vice' });
});

test('acting chair: the member with most votes when chair and vice are vacant; equal votes by stroke order', () => {
  const r = tally(build({ ...committee, ballots: [...many(6, { member: ['赵磊', '陈明', '孙丽'] }), ...many(4, { member: ['赵磊', '陈明'] })] }));
  // 赵 10, 陈 10, 孙 6: 陈 (7 strokes) before 赵 (9)
  assert.deepEqual(office(r, 'member').elected, ['陈明', '赵磊', '孙丽']);
  assert.deepEqual(r.acting, { name: '陈明', office: 'member' });
  const r2 = tally(build({ ...committee, ballots: [...many(6, { member: ['赵磊', '陈明', '孙丽'] }), ...many(4, { member: ['孙丽', '陈明'] })] }));
  assert.deepEqual(r2.acting, { name: '孙丽', office: 'member' });
});

test('no acting chair when the chair is elected, in a Party election, or in an invalid round', () => {
  assert.equal(tally(build({ ...committee, ballots: fourElected })).acting, null);
  const noChair = [...many(6, { vice: ['王芳'] }), ...many(4, {})];
  assert.deepEqual(tally(build({ ...committee, ballots: noChair })).acting, { name: '王芳', office: 'vice' });
  assert.equal(tally(build({ ...committee, body: 'party', method: 'meeting', ballots: noChair })).acting, null);
  assert.equal(tally(build({ ...committee, registered: 20, ballots: noChair })).acting, null);
});

test('no woman elected: a warning in a residents\' regular round, also when nobody is elected', () => {
  const men = tally(build({ ...committee, ballots: many(10, { chair: ['李强'], vice: ['刘洋'], member: ['陈明', '赵磊', '周杰'] }) }));
  assert.deepEqual(codes(men), ['no-woman-elected']);
  assert.equal(men.problems[0]!.severity, 'warning');
  assert.match(men.problems[0]!.message, /当选人中没有女性 \/ no woman elected/);
  assert.equal(men.valid, true);
  assert.deepEqual(codes(tally(build({ ...committee, ballots: many(10, {}) }))), ['no-woman-elected']);
  assert.deepEqual(codes(tally(build({ ...committee, ballots: fourElected }))), []);
});

test('the woman check matches by normalized name, across offices (a written-in female candidate counts)', () => {
  const r = tally(build({ ...committee, ballots: many(10, { chair: ['李强'], vice: ['刘洋'], member: ['陈明', '赵磊', '+王　芳'] }) }));
  assert.deepEqual(office(r, 'member').elected, ['王芳', '陈明', '赵磊']);
  assert.deepEqual(codes(r), []);
});

test('no woman warning when requireWoman is off, for a Party election, or in an invalid round', () => {
  const men = many(10, { chair: ['李强'], vice: ['刘洋'], member: ['陈明', '赵磊', '周杰'] });
  assert.deepEqual(codes(tally(build({ ...committee, rules: { requireWoman: false }, ballots: men }))), []);
  assert.deepEqual(codes(tally(build({ ...committee, body: 'party', method: 'meeting', ballots: men }))), []);
  assert.deepEqual(codes(tally(build({ ...committee, registered: 20, ballots: men }))), ['turnout-not-majority']);
});
