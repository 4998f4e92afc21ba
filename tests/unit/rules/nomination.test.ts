import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormalCount, formalMargin, nominationOutcome } from '../../../shared/rules/nomination';

test('formal candidate margins: chair and vice-chair seats + 1, members + 1 to + 2, Party at least 1.2 × seats', () => {
  assert.deepEqual(formalMargin('residents', { title: '主任', rank: 1, seats: 1 }), { min: 2, max: 2 });
  assert.deepEqual(formalMargin('residents', { title: '副主任', rank: 2, seats: 2 }), { min: 3, max: 3 });
  assert.deepEqual(formalMargin('residents', { title: '委员', rank: 3, seats: 3 }), { min: 4, max: 5 });
  assert.deepEqual(formalMargin('party', { title: '委员', rank: 1, seats: 5 }), { min: 6, max: null });
  const members = formalMargin('residents', { title: '委员', rank: 3, seats: 3 });
  assert.equal(checkFormalCount(members, 3), 'too-few');
  assert.equal(checkFormalCount(members, 5), 'ok');
  assert.equal(checkFormalCount(members, 6), 'too-many');
  assert.equal(checkFormalCount(formalMargin('party', { title: '委员', rank: 1, seats: 5 }), 40), 'ok');
});

test('the top N by votes; equal votes across the last place are a tie for the remaining places; no vote, no place', () => {
  const votes = (x: { v: number }) => x.v;
  const n = (...vs: number[]) => vs.map((v, i) => ({ id: i, v }));
  assert.deepEqual(nominationOutcome(n(3, 9, 5, 1), votes, 2).formal.map((x) => x.id), [1, 2]);
  const tie = nominationOutcome(n(9, 4, 7, 4, 4), votes, 3);
  assert.deepEqual(tie.formal.map((x) => x.id), [0, 2]);
  assert.deepEqual(tie.tied.map((x) => x.id).sort(), [1, 3, 4]);
  assert.equal(tie.tieSeats, 1);
  const short = nominationOutcome(n(6, 0, 2), votes, 3);
  assert.deepEqual(short.formal.map((x) => x.id), [0, 2]);
  assert.equal(short.short, 1);
});
