import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../../shared/rules';
import { build, codes, many, office, type BallotSpec, type RecordSpec } from './fixtures';

const round = (kind: 'tie-revote' | 'supplementary', ballots: BallotSpec[], extra: Partial<RecordSpec> = {}) =>
  tally(
    build({
      round: kind,
      offices: [{ id: 'member', seats: 1 }],
      candidates: { member: ['李强', '张伟'] },
      ballots,
      ...extra,
    }),
  );

test('tie re-vote, residents direct: exactly a third of participants is not enough, more is', () => {
  const third = round('tie-revote', [...many(3, { member: ['李强'] }), ...many(2, { member: ['张伟'] }), ...many(4, {})]);
  assert.equal(office(third, 'member').threshold, 4);
  assert.deepEqual(office(third, 'member').elected, []);
  assert.equal(office(third, 'member').vacant, 1);
  assert.deepEqual(third.nextSteps, []); // no supplementary step from a later round
  const more = round('tie-revote', [...many(4, { member: ['李强'] }), ...many(2, { member: ['张伟'] }), ...many(3, {})]);
  assert.deepEqual(office(more, 'member').elected, ['李强']);
});

test('tie re-vote in an indirect election: most votes wins', () => {
  const r = round('tie-revote', [...many(2, { member: ['李强'] }), { member: ['张伟'] }, ...many(6, {})], { method: 'representative' });
  assert.equal(office(r, 'member').threshold, 1);
  assert.deepEqual(office(r, 'member').elected, ['李强']);
});

test('a new tie in a tie re-vote gives another tie re-vote', () => {
  const r = round('tie-revote', [...many(4, { member: ['李强'] }), ...many(4, { member: ['张伟'] }), ...many(1, {})]);
  assert.deepEqual(office(r, 'member').elected, []);
  assert.equal(office(r, 'member').vacant, 0);
  assert.deepEqual(r.nextSteps, [{ kind: 'tie-revote', office: 'member', seats: 1, names: ['李强', '张伟'], required: true }]);
});

test('supplementary: exactly a third of ballots cast (void ones included) is enough', () => {
  // 9 ballots cast, one of them void: 李 3 → 3 × 3 >= 9
  const r = round('supplementary', [...many(3, { member: ['李强'] }), ...many(2, { member: ['张伟'] }), ...many(3, {}), 'void']);
  assert.equal(office(r, 'member').threshold, 3);
  assert.deepEqual(office(r, 'member').elected, ['李强']);
  // a tenth ballot (void) raises the bar: 3 × 3 < 10
  const r2 = round('supplementary', [...many(3, { member: ['李强'] }), ...many(2, { member: ['张伟'] }), ...many(3, {}), 'void', 'void']);
  assert.equal(office(r2, 'member').threshold, 4);
  assert.deepEqual(office(r2, 'member').elected, []);
  assert.equal(office(r2, 'member').vacant, 1);
  assert.deepEqual(r2.nextSteps, []);
});

test('supplementary with threshold "none": most votes wins', () => {
  const r = round('supplementary', [{ member: ['李强'] }, ...many(8, {})], { rules: { supplementaryThreshold: 'none' } });
  assert.deepEqual(office(r, 'member').elected, ['李强']);
});

test('nobody is elected with no votes, even without a threshold', () => {
  const r = round('tie-revote', many(3, {}), { method: 'representative' });
  assert.deepEqual(office(r, 'member').elected, []);
  assert.equal(office(r, 'member').threshold, 1);
  assert.equal(office(r, 'member').vacant, 1);
});

test('later rounds: no acting chair, no women warning, no minCommittee', () => {
  const r = tally(
    build({
      round: 'supplementary',
      offices: [
        { id: 'chair', seats: 1 },
        { id: 'member', seats: 2 },
      ],
      candidates: { chair: ['李强', '张伟'], member: ['陈明', '赵磊', '周杰'] },
      ballots: [...many(4, { member: ['陈明'] }), ...many(5, {})],
    }),
  );
  assert.deepEqual(office(r, 'chair').elected, []);
  assert.deepEqual(office(r, 'member').elected, ['陈明']);
  assert.equal(r.acting, null);
  assert.deepEqual(codes(r), []);
  assert.deepEqual(r.nextSteps, []);
});

test('later rounds are still checked for validity', () => {
  const r = round('tie-revote', [...many(4, { member: ['李强'] }), ...many(1, {})], { registered: 10 });
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['turnout-not-majority']);
  assert.deepEqual(office(r, 'member').elected, []);
});
