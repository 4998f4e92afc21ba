import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundValidity, tally } from '../../../shared/rules';
import { build, codes, many, office, person } from './fixtures';

const v = (body: 'residents' | 'party' | 'supervisory', method: 'direct' | 'meeting' | 'representative', registered: number, participants: number, ballotsCast = participants) =>
  roundValidity({ body, method }, { registered, participants, ballotsCast });
const problemCodes = (r: ReturnType<typeof v>) => r.problems.map((p) => p.code);

test('residents: exactly half of registered is not enough, one more is', () => {
  assert.equal(v('residents', 'direct', 10, 5).valid, false);
  assert.deepEqual(problemCodes(v('residents', 'direct', 10, 5)), ['turnout-not-majority']);
  assert.equal(v('residents', 'direct', 10, 6).valid, true);
  assert.equal(v('residents', 'representative', 11, 5).valid, false);
  assert.equal(v('residents', 'representative', 11, 6).valid, true);
});

test('supervisory by residents\' meeting: more than half', () => {
  assert.deepEqual(problemCodes(v('supervisory', 'meeting', 10, 5)), ['turnout-not-majority']);
  assert.equal(v('supervisory', 'meeting', 10, 6).valid, true);
});

test('party: exactly 4/5 is not enough (more than 4/5 needed)', () => {
  assert.deepEqual(problemCodes(v('party', 'meeting', 10, 8)), ['attendance-below-four-fifths']);
  assert.equal(v('party', 'meeting', 10, 9).valid, true);
  assert.equal(v('party', 'meeting', 11, 9).valid, true); // 45 > 44
});

test('supervisory by representatives: exactly 4/5 is enough', () => {
  assert.equal(v('supervisory', 'representative', 10, 8).valid, true);
  assert.deepEqual(problemCodes(v('supervisory', 'representative', 10, 7)), ['attendance-below-four-fifths']);
});

test('more ballots cast than participants voids the round, equal does not', () => {
  assert.equal(v('residents', 'direct', 10, 8, 8).valid, true);
  assert.deepEqual(problemCodes(v('residents', 'direct', 10, 8, 9)), ['ballots-exceed-participants']);
  assert.deepEqual(problemCodes(v('party', 'meeting', 10, 8, 9)), ['attendance-below-four-fifths', 'ballots-exceed-participants']);
});

test('problem messages are Chinese then English and severities are void', () => {
  const r = v('residents', 'direct', 10, 5);
  assert.equal(r.problems[0]!.severity, 'void');
  assert.match(r.problems[0]!.message, /^参加投票人数未过登记选民半数.* \/ turnout not more than half of registered/);
});

test('a void ballot counts in ballots cast: one too many ballots voids the round', () => {
  const spec = {
    offices: [{ id: 'chair', seats: 1 }],
    candidates: { chair: ['王芳', '李强'] },
    women: ['王芳'],
    ballots: [...many(3, { chair: ['王芳'] }), 'void' as const],
  };
  const ok = tally(build({ ...spec, participants: 4 }));
  assert.equal(ok.valid, true);
  assert.deepEqual(ok.counts, { registered: 4, participants: 4, ballotsCast: 4, voidBallots: 1 });
  const bad = tally(build({ ...spec, participants: 3, registered: 4 }));
  assert.equal(bad.valid, false);
  assert.deepEqual(codes(bad), ['ballots-exceed-participants']);
});

test('an invalid round elects nobody but still reports counts and votes', () => {
  const rec = build({
    registered: 20,
    offices: [
      { id: 'chair', seats: 1 },
      { id: 'member', seats: 2 },
    ],
    candidates: { chair: ['李强', '张伟'], member: ['王芳', '刘洋', '陈明'] },
    ballots: [...many(8, { chair: ['李强'], member: ['王芳', '刘洋'] }), ...many(2, { chair: ['-李强'] })],
  });
  const r = tally(rec);
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['turnout-not-majority']); // no women warning in an invalid round
  assert.deepEqual(r.counts, { registered: 20, participants: 10, ballotsCast: 10, voidBallots: 0 });
  for (const o of r.offices) {
    assert.deepEqual(o.elected, []);
    assert.equal(o.vacant, o.seats);
    assert.ok(o.results.every((p) => p.status === 'not-elected'));
  }
  assert.deepEqual(person(r, 'chair', '李强'), { name: '李强', candidate: 'c1', for: 8, against: 2, abstain: 0, status: 'not-elected' });
  assert.equal(person(r, 'member', '王芳').for, 8);
  assert.equal(person(r, 'member', '陈明').abstain, 10);
  assert.equal(office(r, 'chair').threshold, 6);
  assert.equal(r.acting, null);
  assert.deepEqual(r.nextSteps, []);
});
