import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally } from '../../../shared/rules';
import { build, many, office, person, type RecordSpec } from './fixtures';

const threeOffices: Pick<RecordSpec, 'offices' | 'candidates' | 'women'> = {
  offices: [
    { id: 'chair', seats: 1 },
    { id: 'vice', seats: 1 },
    { id: 'member', seats: 2 },
  ],
  candidates: { chair: ['李强', '张伟'], vice: ['王芳', '刘洋'], member: ['陈明', '赵磊', '孙丽'] },
  women: ['王芳', '孙丽'],
};

test('a blank ballot is valid and every listed candidate abstains', () => {
  const r = tally(build({ ...threeOffices, ballots: [{}, { chair: [] }] }));
  assert.equal(r.counts.voidBallots, 0);
  for (const o of r.offices) {
    assert.equal(o.voidSections, 0);
    for (const p of o.results) assert.deepEqual([p.for, p.against, p.abstain], [0, 0, 2]);
  }
});

test('for, against and abstain per listed candidate; an absent section abstains', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [{ chair: ['李强', '-张伟'] }, { chair: ['-李强'] }, { vice: ['王芳'] }],
    }),
  );
  assert.deepEqual(person(r, 'chair', '李强'), { name: '李强', candidate: 'c1', for: 1, against: 1, abstain: 1, status: 'not-elected' });
  assert.deepEqual([person(r, 'chair', '张伟').against, person(r, 'chair', '张伟').abstain], [1, 2]);
  assert.deepEqual([person(r, 'vice', '王芳').for, person(r, 'vice', '王芳').abstain], [1, 2]);
});

test('a void ballot counts in ballots cast and void ballots and adds nothing to anyone', () => {
  const r = tally(build({ ...threeOffices, ballots: [{ chair: ['李强'] }, 'void', 'void'] }));
  assert.deepEqual(r.counts, { registered: 3, participants: 3, ballotsCast: 3, voidBallots: 2 });
  assert.deepEqual([person(r, 'chair', '李强').for, person(r, 'chair', '李强').abstain], [1, 0]);
  assert.equal(person(r, 'member', '陈明').abstain, 1);
});

test('write-ins with ideographic spaces, ASCII spaces or full-width letters are one person', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [{ member: ['+周　杰'] }, { member: ['+周 杰'] }, { member: ['+ 周杰 '] }, { member: ['+ＡＢ'] }, { member: ['+AB'] }],
    }),
  );
  assert.deepEqual(person(r, 'member', '周杰'), { name: '周杰', for: 3, against: 0, abstain: 0, status: 'elected' });
  assert.equal(person(r, 'member', 'AB').for, 2);
  assert.equal(office(r, 'member').results.length, 5);
  assert.ok(!('candidate' in person(r, 'member', '周杰')));
});

test('a write-in of a listed candidate is a vote for that candidate, and marking plus writing counts once', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [
        { member: ['+陈 明'] },
        { member: ['陈明', '+陈明'] }, // once
        { member: ['-陈明', '+陈明'] }, // the write-in wins over the against mark
        { member: ['赵磊', '+孙丽', '+陈明'] }, // three persons for two seats: overvote
      ],
    }),
  );
  assert.deepEqual(person(r, 'member', '陈明'), { name: '陈明', candidate: 'c5', for: 3, against: 0, abstain: 0, status: 'elected' });
  assert.equal(office(r, 'member').voidSections, 1);
  assert.equal(office(r, 'member').results.length, 3); // no write-in person for a listed name
});

test('a write-in naming a candidate of another office is a write-in person of this office', () => {
  const r = tally(build({ ...threeOffices, ballots: [{ member: ['+王芳'] }] }));
  assert.deepEqual(person(r, 'member', '王芳'), { name: '王芳', for: 1, against: 0, abstain: 0, status: 'elected' });
  assert.equal(person(r, 'vice', '王芳').for, 0);
});

test('overvote under void-section: that section is void, the rest of the ballot counts', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [
        { chair: ['李强', '张伟'], vice: ['王芳'] }, // two for one seat
        { chair: ['李强', '+刘洋'], vice: ['王芳'] }, // a write-in makes it two
        { chair: ['李强', '-张伟'], vice: ['王芳'] }, // against marks are not votes
      ],
    }),
  );
  assert.equal(office(r, 'chair').voidSections, 2);
  assert.equal(r.counts.voidBallots, 0);
  assert.deepEqual([person(r, 'chair', '李强').for, person(r, 'chair', '李强').abstain], [1, 0]);
  assert.deepEqual([person(r, 'chair', '张伟').against, person(r, 'chair', '张伟').abstain], [1, 0]);
  assert.equal(person(r, 'vice', '王芳').for, 3);
  assert.ok(!office(r, 'chair').results.some((p) => p.name === '刘洋'));
});

test('overvote under void-ballot: the whole ballot is void', () => {
  const r = tally(
    build({
      ...threeOffices,
      rules: { overvote: 'void-ballot' },
      ballots: [{ chair: ['李强', '张伟'], vice: ['王芳'] }, { vice: ['王芳'] }],
    }),
  );
  assert.equal(r.counts.voidBallots, 1);
  assert.equal(office(r, 'chair').voidSections, 0);
  assert.deepEqual([person(r, 'vice', '王芳').for, person(r, 'vice', '王芳').abstain], [1, 0]);
  assert.equal(person(r, 'chair', '李强').abstain, 1);
});

test('the same person voted for in two offices voids the ballot by default', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [{ chair: ['李强'], member: ['+李 强'] }, { chair: ['李强'] }],
    }),
  );
  assert.equal(r.counts.voidBallots, 1);
  assert.equal(person(r, 'chair', '李强').for, 1);
  assert.ok(!office(r, 'member').results.some((p) => p.name === '李强'));
  assert.equal(person(r, 'member', '陈明').abstain, 1);
});

test('the same person in two offices under count-higher-office: the higher office keeps the vote', () => {
  const r = tally(
    build({
      offices: [
        { id: 'chair', seats: 1 },
        { id: 'member', seats: 2 },
      ],
      candidates: { chair: ['李强', '张伟'], member: ['李强', '陈明', '赵磊'] },
      rules: { samePersonInTwoOffices: 'count-higher-office' },
      // member is listed first in marks: order in the ballot does not decide, rank does
      ballots: [{ member: ['李强', '陈明'], chair: ['李强'] }],
    }),
  );
  assert.equal(r.counts.voidBallots, 0);
  assert.deepEqual([person(r, 'chair', '李强').for, person(r, 'chair', '李强').abstain], [1, 0]);
  assert.deepEqual([person(r, 'member', '李强').for, person(r, 'member', '李强').abstain], [0, 1]);
  assert.equal(person(r, 'member', '陈明').for, 1);
});

test('an overvoted section is left out before the same-person check; its voidSections count needs a valid ballot', () => {
  const spec = {
    ...threeOffices,
    // member overvoted (3 for 2 seats) and also names the chair's 李强
    ballots: [{ chair: ['李强'], member: ['陈明', '赵磊', '+李强'] }],
  };
  const r = tally(build(spec));
  assert.equal(r.counts.voidBallots, 0);
  assert.equal(office(r, 'member').voidSections, 1);
  assert.equal(person(r, 'chair', '李强').for, 1);

  // here the ballot is void as a whole (李强 in chair and vice), so the overvoted member section is not counted
  const r2 = tally(build({ ...spec, candidates: { ...threeOffices.candidates }, ballots: [{ chair: ['李强'], vice: ['+李强'], member: ['陈明', '赵磊', '孙丽'] }] }));
  assert.equal(r2.counts.voidBallots, 1);
  assert.equal(office(r2, 'member').voidSections, 0);
});

test('many ballots: abstain = valid sections that leave the candidate unmarked', () => {
  const r = tally(
    build({
      ...threeOffices,
      ballots: [...many(4, { member: ['陈明'] }), ...many(2, { member: ['-陈明', '赵磊'] }), ...many(3, {}), 'void'],
    }),
  );
  assert.deepEqual([person(r, 'member', '陈明').for, person(r, 'member', '陈明').against, person(r, 'member', '陈明').abstain], [4, 2, 3]);
  assert.deepEqual([person(r, 'member', '赵磊').for, person(r, 'member', '赵磊').abstain], [2, 7]);
});
