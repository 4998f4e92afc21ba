import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReservedKey } from '../../../shared/record/reserved-keys';

test('an own __proto__ key is found with its path, in document order, at any depth', () => {
  assert.equal(findReservedKey(JSON.parse('{"a":[{"b":1},{"c":{"d":[]}}],"e":"__proto__"}')), null);
  assert.deepEqual(findReservedKey(JSON.parse('{"a":[{"b":1},{"c":{"__proto__":{}}}],"z":{"__proto__":1}}')), ['a', 1, 'c', '__proto__']);
  assert.deepEqual(findReservedKey(JSON.parse('[[],[{"__proto__":null}]]')), [1, 0, '__proto__']);
  // Deeper than the stack allows for a recursive look: the walk still answers.
  const depth = 200_000;
  const deep = JSON.parse(`${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`) as unknown;
  const path = findReservedKey(deep);
  assert.equal(path?.length, depth + 1);
  assert.equal(path?.at(-1), '__proto__');
  assert.equal(findReservedKey(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)), null);
});
