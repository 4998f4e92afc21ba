import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idNumberCheckChar } from '../../../shared/domain/roll';
import { idNumberTypo } from '../../../renderer/pages/desk/id-number-typo';

const first17 = '11010519491231002';
const good = first17 + idNumberCheckChar(first17);
const wrongLast = first17 + (good[17] === '1' ? '2' : '1');

test('a typed ID number with a wrong check character is told so, with the right one', () => {
  assert.equal(idNumberTypo(good), null);
  assert.equal(idNumberTypo(` ${good.toLowerCase()} `), null);
  assert.deepEqual(idNumberTypo(wrongLast), { kind: 'check-digit', idNumber: wrongLast, expected: good[17] });
});

test('an impossible birth date is told; names, certificate numbers and short digit strings are not judged', () => {
  const feb30 = '110105' + '19490230' + '002';
  assert.deepEqual(idNumberTypo(feb30 + idNumberCheckChar(feb30)), { kind: 'birth-date', idNumber: feb30 + idNumberCheckChar(feb30) });
  for (const other of ['王秀兰', '10000017', good.slice(0, 17), '']) assert.equal(idNumberTypo(other), null, other);
});
