import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../../shared/rules';
import { ballotsWithVotes, build, office, person } from './fixtures';

/** One office, `total` ballots (= participants), exact vote counts; no women requirement. */
function oneOffice(seats: number, names: string[], votes: Record<string, number>, total: number) {
  return tally(
    build({
      offices: [{ id: 'member', seats }],
      candidates: { member: names },
      rules: { requireWoman: false },
      ballots: ballotsWithVotes('member', seats, votes, total),
    }),
  );
}
const statuses = (r: ReturnType<typeof tally>, id = 'member') => office(r, id).results.map((p) => [p.name, p.for, p.status]);

test('exactly half of participants is not elected, one more is', () => {
  const r = oneOffice(2, ['王芳', '李强', '张伟'], { 王芳: 5, 李强: 6 }, 10);
  assert.equal(office(r, 'member').threshold, 6);
  assert.deepEqual(statuses(r), [
    ['李强', 6, 'elected'],
    ['王芳', 5, 'not-elected'],
    ['张伟', 0, 'not-elected'],
  ]);
  assert.deepEqual(office(r, 'member').elected, ['李强']);
  assert.equal(office(r, 'member').vacant, 1);
});

test('the majority is of participants, not of ballots cast', () => {
  const base = { offices: [{ id: 'member', seats: 1 }], candidates: { member: ['王芳', '李强'] }, rules: { requireWoman: false } };
  const ballots = ballotsWithVotes('member', 1, { 王芳: 6 }, 10);
  const r11 = tally(build({ ...base, ballots, participants: 11 }));
  assert.equal(person(r11, 'member', '王芳').status, 'elected');
  const r12 = tally(build({ ...base, ballots, participants: 12 }));
  assert.equal(office(r12, 'member').threshold, 7);
  assert.equal(person(r12, 'member', '王芳').status, 'not-elected');
});

test('a tie straddling the last seat: those above are elected, the tied go to a required tie re-vote', () => {
  // p = 12, threshold 7; 2 seats: 赵 10, 张 8, 李 8
  const r = oneOffice(2, ['张伟', '李强', '赵磊', '王芳'], { 赵磊: 10, 张伟: 8, 李强: 8 }, 13);
  assert.deepEqual(statuses(r), [
    ['赵磊', 10, 'elected'],
    ['李强', 8, 'tied'], // 李 before 张: same count (7), 横 before 折
    ['张伟', 8, 'tied'],
    ['王芳', 0, 'not-elected'],
  ]);
  assert.deepEqual(office(r, 'member').elected, ['赵磊']);
  assert.equal(office(r, 'member').vacant, 0);
  assert.deepEqual(r.nextSteps, [{ kind: 'tie-revote', office: 'member', seats: 1, names: ['李强', '张伟'], required: true }]);
});

test('everyone tied for all the seats', () => {
  const r = oneOffice(2, ['张伟', '李强', '王芳'], { 王芳: 8, 张伟: 8, 李强: 8 }, 12);
  assert.deepEqual(office(r, 'member').elected, []);
  assert.deepEqual(r.nextSteps, [{ kind: 'tie-revote', office: 'member', seats: 2, names: ['王芳', '李强', '张伟'], required: true }]);
});

test('a tie that does not straddle the cut elects both', () => {
  const r = oneOffice(2, ['张伟', '李强', '王芳'], { 张伟: 8, 李强: 8, 王芳: 7 }, 12);
  assert.deepEqual(office(r, 'member').elected, ['李强', '张伟']);
  assert.deepEqual(r.nextSteps, []);
});

test('equal votes below the threshold are no tie', () => {
  // p = 12, threshold 7: 王 10 elected; 张 6 and 李 6 do not qualify → one seat vacant, no tie re-vote
  const r = oneOffice(2, ['张伟', '李强', '王芳'], { 王芳: 10, 张伟: 6, 李强: 6 }, 12);
  assert.deepEqual(office(r, 'member').elected, ['王芳']);
  assert.equal(office(r, 'member').vacant, 1);
  assert.ok(!r.nextSteps.some((s) => s.kind === 'tie-revote'));
});

test('qualifiers beyond the seats without a tie are simply not elected', () => {
  // p = 12, threshold 7: 王 10, 张 9, 李 8 all qualify; 2 seats
  const r = oneOffice(2, ['张伟', '李强', '王芳'], { 王芳: 10, 张伟: 9, 李强: 8 }, 14);
  assert.deepEqual(statuses(r), [
    ['王芳', 10, 'elected'],
    ['张伟', 9, 'elected'],
    ['李强', 8, 'not-elected'],
  ]);
  assert.deepEqual(r.nextSteps, []);
});

test('results list most votes first, equal votes in surname stroke order, write-ins included', () => {
  const r = tally(
    build({
      offices: [{ id: 'member', seats: 3 }],
      candidates: { member: ['谢军', '黄河', '丁一', '周明'] },
      rules: { requireWoman: false },
      ballots: [{ member: ['谢军', '+马力'] }, { member: ['黄河'] }, { member: ['丁一', '周明'] }],
    }),
  );
  assert.deepEqual(
    office(r, 'member').results.map((p) => p.name),
    ['丁一', '马力', '周明', '黄河', '谢军'],
  );
});

const chairAndMember = {
  offices: [
    { id: 'chair', seats: 1 },
    { id: 'member', seats: 1 },
  ],
  candidates: { chair: ['王芳', '李强'], member: ['王芳', '张伟'] },
  women: ['王芳'],
};

test('a person elected to a higher office is elected-higher-office in lower offices', () => {
  // p = 10: chair 王 7 → elected; member 王 3, 张 7 → 张 elected
  const r = tally(
    build({
      ...chairAndMember,
      ballots: [...Array.from({ length: 7 }, () => ({ chair: ['王芳'], member: ['张伟'] })), ...Array.from({ length: 3 }, () => ({ member: ['王芳'] }))],
    }),
  );
  assert.deepEqual(office(r, 'chair').elected, ['王芳']);
  assert.deepEqual(office(r, 'member').elected, ['张伟']);
  assert.equal(person(r, 'member', '王芳').status, 'elected-higher-office');
});

test('elected-higher-office skips a person who has the most votes in the lower office (a round without majority)', () => {
  // A regular round cannot give one person a majority in two offices; a tie re-vote with threshold 'none' can.
  const r = tally(
    build({
      ...chairAndMember,
      method: 'representative',
      round: 'tie-revote',
      ballots: [
        ...Array.from({ length: 5 }, () => ({ chair: ['王芳'] })),
        ...Array.from({ length: 3 }, () => ({ chair: ['李强'], member: ['张伟'] })),
        ...Array.from({ length: 4 }, () => ({ member: ['王芳'] })),
      ],
    }),
  );
  assert.deepEqual(office(r, 'chair').elected, ['王芳']);
  assert.deepEqual(statuses(r), [
    ['王芳', 4, 'elected-higher-office'],
    ['张伟', 3, 'elected'],
  ]);
});

test('offices are processed and reported in rank order, whatever their order in the record', () => {
  const r = tally(
    build({
      offices: [
        { id: 'member', seats: 1, rank: 2 },
        { id: 'chair', seats: 1, rank: 1 },
      ],
      candidates: { chair: ['王芳', '李强'], member: ['王芳', '张伟'] },
      rules: { requireWoman: false },
      method: 'representative',
      round: 'tie-revote',
      ballots: [...Array.from({ length: 5 }, () => ({ chair: ['王芳'] })), ...Array.from({ length: 4 }, () => ({ member: ['王芳'] }))],
    }),
  );
  assert.deepEqual(r.offices.map((o) => o.office), ['chair', 'member']);
  assert.equal(person(r, 'member', '王芳').status, 'elected-higher-office');
});
