import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCandidateMargins } from '../../../shared/rules';
import { codes, build, many } from './fixtures';
import { tally } from '../../../shared/rules';

const offices = [
  { id: 'chair', seats: 1 },
  { id: 'member', seats: 5 },
];
const cands = (chair: number, member: number) => [
  ...Array.from({ length: chair }, () => ({ office: 'chair' })),
  ...Array.from({ length: member }, () => ({ office: 'member' })),
];

test('residents: every office needs seats + 1 candidates; more is fine', () => {
  assert.deepEqual(checkCandidateMargins('residents', offices, cands(2, 6)), []);
  assert.deepEqual(checkCandidateMargins('residents', offices, cands(3, 9)), []);
  assert.deepEqual(checkCandidateMargins('residents', offices, cands(1, 5)), [
    { office: 'chair', seats: 1, candidates: 1, required: 2 },
    { office: 'member', seats: 5, candidates: 5, required: 6 },
  ]);
});

test('supervisory follows the seats + 1 rule', () => {
  assert.deepEqual(checkCandidateMargins('supervisory', [{ id: 'm', seats: 3 }], [{ office: 'm' }, { office: 'm' }, { office: 'm' }]), [
    { office: 'm', seats: 3, candidates: 3, required: 4 },
  ]);
});

test('party: candidates × 5 >= seats × 6', () => {
  // 5 seats: 6 candidates is exactly 1.2 × seats
  assert.deepEqual(checkCandidateMargins('party', [{ id: 'm', seats: 5 }], Array(6).fill({ office: 'm' })), []);
  assert.deepEqual(checkCandidateMargins('party', [{ id: 'm', seats: 5 }], Array(5).fill({ office: 'm' })), [
    { office: 'm', seats: 5, candidates: 5, required: 6 },
  ]);
  // 7 seats: 8 candidates is 1.14 × seats (short), 9 is enough
  assert.equal(checkCandidateMargins('party', [{ id: 'm', seats: 7 }], Array(8).fill({ office: 'm' })).length, 1);
  assert.deepEqual(checkCandidateMargins('party', [{ id: 'm', seats: 7 }], Array(9).fill({ office: 'm' })), []);
  // 1 seat: 1 candidate is short (5 < 6), 2 is enough
  assert.equal(checkCandidateMargins('party', [{ id: 'm', seats: 1 }], [{ office: 'm' }]).length, 1);
});

test('tally warns about a short margin in a regular round only', () => {
  const spec = {
    offices: [{ id: 'chair', seats: 1 }],
    candidates: { chair: ['王芳'] },
    women: ['王芳'],
    ballots: many(3, { chair: ['王芳'] }),
  };
  const regular = tally(build(spec));
  assert.deepEqual(codes(regular), ['insufficient-candidate-margin']);
  assert.equal(regular.valid, true);
  assert.equal(regular.problems[0]!.severity, 'warning');
  assert.match(regular.problems[0]!.message, /候选人差额不足.* \/ .*margin/);
  assert.deepEqual(codes(tally(build({ ...spec, round: 'tie-revote' }))), []);
  assert.deepEqual(codes(tally(build({ ...spec, round: 'supplementary' }))), []);
});
