import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, hashJson } from '../../../electron/backend/seal';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // deterministic rotation + reversal: a different insertion order for most objects
  const k = entries.length === 0 ? 0 : seed % entries.length;
  const reordered = [...entries.slice(k), ...entries.slice(0, k)];
  if (seed % 2 === 1) reordered.reverse();
  return Object.fromEntries(reordered.map(([key, v]) => [key, shuffleKeys(v, seed * 31 + 7)]));
}

test('canonical JSON: sorted keys at every level, no whitespace, arrays keep their order', () => {
  const value = { b: [3, 1, { z: '选', a: null }], a: { y: true, x: -0.5 }, 'é': 1, A: 'x' };
  assert.equal(canonicalJson(value), '{"A":"x","a":{"x":-0.5,"y":true},"b":[3,1,{"a":null,"z":"选"}],"é":1}');
});

test('canonical JSON and its hash do not depend on key insertion order', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.nat(1000), (value, seed) => {
      const shuffled = shuffleKeys(value, seed);
      assert.equal(canonicalJson(shuffled), canonicalJson(value));
      assert.equal(hashJson(shuffled), hashJson(value));
      assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
    }),
    { numRuns: 300 },
  );
});

test('hashJson is SHA-256 (lowercase hex) of the canonical JSON as UTF-8', () => {
  const value = { name: '王芳', for: 7 };
  const expected = createHash('sha256').update(Buffer.from('{"for":7,"name":"王芳"}', 'utf8')).digest('hex');
  assert.equal(hashJson(value), expected);
  assert.match(hashJson(value), /^[0-9a-f]{64}$/);
});

/** The definition written out by hand: the engine's JSON.stringify fast path must give exactly these bytes. */
function byDefinition(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(byDefinition).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${byDefinition(obj[k])}`).join(',')}}`;
}

test('canonical JSON is the sorted-key definition for any JSON value, index-like keys and __proto__ included', () => {
  assert.equal(canonicalJson({ 10: 'a', 9: 'b', x: 1 }), '{"10":"a","9":"b","x":1}');
  assert.equal(canonicalJson(JSON.parse('{"b":1,"__proto__":{"z":1,"a":2}}')), '{"__proto__":{"a":2,"z":1},"b":1}');
  assert.equal(canonicalJson({ b: undefined, a: [undefined, 1] }), '{"a":[null,1]}');
  assert.throws(() => canonicalJson({ a: Number.NaN }), /non-finite/);
  assert.throws(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] }), /non-finite/);
  const keyed = fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String), fc.constant('__proto__')), fc.jsonValue(), { maxKeys: 6 });
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), keyed, fc.array(keyed)), (v) => {
      const value = JSON.parse(JSON.stringify(v)) as unknown;
      assert.equal(canonicalJson(value), byDefinition(value));
      // Read back from canonical text (keys already in order: the path without a replacer) it is the same text.
      assert.equal(canonicalJson(JSON.parse(byDefinition(value))), byDefinition(value));
    }),
    { numRuns: 500 },
  );
});
