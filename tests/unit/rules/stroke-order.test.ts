import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSurnameStroke, sortByStroke, strokeClasses, strokeClassOf, strokeCount, StrokeClass } from '../../../shared/rules';

const EXAMPLE = [...'一丁马王朱刘孙李杨吴何张陈林罗周郑赵胡徐高郭黄谢'];

test('the DOMAIN.md §11 example comes out in its own order from any starting order', () => {
  assert.deepEqual(sortByStroke([...EXAMPLE].reverse(), (s) => s), EXAMPLE);
  const rotated = [...EXAMPLE.slice(11), ...EXAMPLE.slice(0, 11)];
  assert.deepEqual(sortByStroke(rotated, (s) => s), EXAMPLE);
  const byCodePoint = [...EXAMPLE].sort();
  assert.deepEqual(sortByStroke(byCodePoint, (s) => s), EXAMPLE);
});

test('mainland stroke counts: 陈 7, 郑 8, 谢 12', () => {
  assert.equal(strokeCount('陈'), 7);
  assert.equal(strokeCount('郑'), 8);
  assert.equal(strokeCount('谢'), 12);
});

test('朱 (撇) before 刘 (点) before 孙 (折): same count, first stroke decides', () => {
  assert.ok(compareSurnameStroke('朱', '刘') < 0);
  assert.ok(compareSurnameStroke('刘', '孙') < 0);
  assert.ok(compareSurnameStroke('孙', '朱') > 0);
});

test('李 before 杨 (decided at the sixth stroke), 赵 before 胡 (third stroke)', () => {
  assert.ok(compareSurnameStroke('李', '杨') < 0);
  assert.ok(compareSurnameStroke('杨', '李') > 0);
  assert.ok(compareSurnameStroke('赵', '胡') < 0);
  assert.ok(compareSurnameStroke('胡', '赵') > 0);
});

test('stroke classes: 提 counts as 横, 竖钩 as 竖, 捺 and cnchar\'s "点2" as 点, turns as 折', () => {
  assert.deepEqual(strokeClasses('丁'), [StrokeClass.Heng, StrokeClass.Shu]);
  // 孙: 横撇, 竖钩, 提, 竖钩, 撇, 点
  assert.deepEqual(strokeClasses('孙'), [5, 2, 1, 2, 3, 4]);
  // 火: cnchar names its first stroke "点2"
  assert.deepEqual(strokeClasses('火'), [4, 3, 3, 4]);
});

test('fewer strokes first, and the next character decides when the surname is equal', () => {
  assert.ok(compareSurnameStroke('王强', '李一') < 0); // 王 4 < 李 7
  assert.ok(compareSurnameStroke('王一', '王丁') < 0);
  assert.ok(compareSurnameStroke('王', '王一') < 0); // a prefix comes first
  assert.deepEqual(sortByStroke(['张伟', '刘洋', '王芳', '王一'], (s) => s), ['王一', '王芳', '刘洋', '张伟']);
});

test('characters without stroke data come after those with data, among themselves by code point', () => {
  assert.equal(strokeClasses('A'), null);
  assert.ok(compareSurnameStroke('谢', 'Anna') < 0);
  assert.ok(compareSurnameStroke('Anna', 'Bob') < 0);
  assert.ok(compareSurnameStroke('王A', '王B') < 0);
  assert.ok(compareSurnameStroke('𪚥', '谢') > 0); // an astral character without data
});

test('the order is total: 0 only for identical strings, whitespace variants ordered deterministically', () => {
  assert.equal(compareSurnameStroke('王芳', '王芳'), 0);
  const a = compareSurnameStroke('王芳', '王 芳');
  const b = compareSurnameStroke('王 芳', '王芳');
  assert.notEqual(a, 0);
  assert.equal(Math.sign(a), -Math.sign(b));
  // two different characters with identical stroke data (人 and 入) are still ordered, by code point
  assert.deepEqual(strokeClasses('人'), strokeClasses('入'));
  assert.ok(compareSurnameStroke('入', '人') * compareSurnameStroke('人', '入') < 0);
});

test('sortByStroke returns a new array and leaves its input alone', () => {
  const input = ['谢', '一'];
  const out = sortByStroke(input, (s) => s);
  assert.deepEqual(out, ['一', '谢']);
  assert.deepEqual(input, ['谢', '一']);
});

test('stroke names are looked up in a Map: a name of Object.prototype is a turn stroke, not a function', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(strokeClassOf(name), StrokeClass.Zhe);
  assert.equal(strokeClassOf('横'), StrokeClass.Heng);
});
