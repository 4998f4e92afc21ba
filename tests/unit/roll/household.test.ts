import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHousehold, describeMissingHouseholds, registeredUnits } from '../../../shared/domain/household';
import { validateRollRows } from '../../../shared/domain/roll';
import { makeVoter } from './make-roll';

test('household numbers: normalised (full-width, spaces, dashes, case), malformed and too long refused', () => {
  assert.deepEqual(checkHousehold(' ３２０１０２００１ '), { ok: true, number: '320102001' });
  assert.deepEqual(checkHousehold('3－2－101'), { ok: true, number: '3-2-101' });
  assert.deepEqual(checkHousehold('a 12'), { ok: true, number: 'A12' });
  for (const bad of ['1/01', '-101', '101-', '1--2', '户101', '']) assert.deepEqual(checkHousehold(bad), { ok: false, problem: 'malformed' }, bad);
  assert.deepEqual(checkHousehold('1'.repeat(21)), { ok: false, problem: 'too-long' });
  assert.deepEqual(checkHousehold('1'.repeat(20)), { ok: true, number: '1'.repeat(20) });
});

test('registered units: households in a household election, voters in any other', () => {
  const onRoll = { voters: 6, households: 4 };
  assert.equal(registeredUnits('household', onRoll), 4);
  for (const m of ['direct', 'representative', 'meeting']) assert.equal(registeredUnits(m, onRoll), 6);
});

test('voters missing a household are named by import line, or by certificate when added one by one; at most ten shown', () => {
  assert.deepEqual(describeMissingHouseholds([{ line: 3, certificate: 'x' }, { line: null, certificate: '00000013' }]), { count: 2, rows: '3, 00000013' });
  const many = Array.from({ length: 12 }, (_, i) => ({ line: i + 2, certificate: '' }));
  assert.deepEqual(describeMissingHouseholds(many), { count: 12, rows: '2, 3, 4, 5, 6, 7, 8, 9, 10, 11 …' });
});

test('the roll reads the household column, normalised; a bad one is an error naming the row and the column as headed', () => {
  const v = makeVoter(1);
  const values = { name: v.name, idNumber: v.idNumber, gender: v.gender, birthDate: v.birthDate, group: v.group };
  const ok = validateRollRows([{ line: 2, values: { ...values, household: '３-2-101' } }], { electionDate: '2026-05-16' });
  assert.ok(ok.ok);
  assert.equal(ok.rows[0]!.household, '3-2-101');
  const none = validateRollRows([{ line: 2, values }], { electionDate: '2026-05-16' });
  assert.ok(none.ok);
  assert.equal(none.rows[0]!.household, undefined);
  const bad = validateRollRows([{ line: 7, values: { ...values, household: '3/2' } }], { electionDate: '2026-05-16', labels: { household: '家庭户号' } });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => [e.line, e.column, e.field, e.code]), [[7, '家庭户号', 'household', 'bad-household']]);
  assert.match(bad.errors[0]!.zh, /第 7 行“家庭户号”/);
});
