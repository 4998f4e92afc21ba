import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, hashJson, hashOf } from '../../../electron/backend/seal';
import { checkCanonicalPayload } from '../../../electron/backend/seal/canonical-payload';
import { strictBase64 } from '../../../electron/backend/seal/sealed-file';

const payloadOf = (rounds: { number: number; record?: unknown; result?: unknown }[], extra: Record<string, unknown> = {}) => ({ format: 'x', rounds, note: '选举', ...extra });

function check(value: { rounds: { record?: unknown; result?: unknown }[] }, text: string) {
  return checkCanonicalPayload(value, text, Buffer.from(text, 'utf8'));
}

test('a canonical payload is recognised, and each round piece is its canonical text and those bytes of the payload', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ number: fc.nat(), record: fc.jsonValue(), result: fc.jsonValue() }), { maxLength: 3 }), fc.jsonValue(), (rounds, other) => {
      const value = payloadOf(rounds, { other });
      const text = canonicalJson(value);
      const got = check(value, text);
      assert.equal(got.canonical, true);
      rounds.forEach((r, i) => {
        assert.equal(got.records[i]!.text, canonicalJson(r.record));
        assert.equal(hashOf(got.records[i]!.bytes), hashJson(r.record));
        assert.equal(hashOf(got.results[i]!.bytes), hashJson(r.result));
      });
    }),
    { numRuns: 300 },
  );
});

test('a payload that is not canonical is refused wherever the difference is: in a record, between them, at the end', () => {
  const value = payloadOf([{ number: 1, record: { a: 1, b: ['王芳', 2] }, result: { x: true } }, { number: 2, record: { c: 3 }, result: null }]);
  const text = canonicalJson(value);
  assert.equal(check(value, text).canonical, true);
  const spoiled = [
    text.replace('{"a":1,"b":["王芳",2]}', '{"b":["王芳",2],"a":1}'),
    text.replace('"number":2', '"number": 2'),
    text.replace('{"c":3}', '{"c":3 }'),
    `${text} `,
    text.replace('{"x":true}', '{"x":false,"x":true}'),
    text.replace('"note":"选举"', '"note":"\\u9009\\u4e3e"'),
  ];
  for (const s of spoiled) assert.equal(check(JSON.parse(s), s).canonical, false, s);
});

test('text in a payload that looks like the piece markers cannot stand in for a piece', () => {
  const value = payloadOf([{ number: 1, record: 'cer-piece:00:record:0', result: { r: '"cer-piece:00:result:0"' } }]);
  const text = canonicalJson(value);
  const got = check(value, text);
  assert.equal(got.canonical, true);
  assert.equal(hashOf(got.records[0]!.bytes), hashJson('cer-piece:00:record:0'));
});

test('a round without a record is hashed as null, as hashJson does, and the payload is still compared whole', () => {
  const value = payloadOf([{ number: 1, result: 1 }]);
  const text = canonicalJson(value);
  const got = check(value, text);
  assert.equal(got.canonical, true);
  assert.equal(hashOf(got.records[0]!.bytes), hashJson(undefined));
});

test('strict base64 accepts exactly the texts that are the one spelling of their bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const text = Buffer.from(bytes).toString('base64');
      assert.deepEqual(strictBase64(text), Buffer.from(bytes));
    }),
  );
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'AQgw+/=Zz9 \n-_'.split('')), maxLength: 12 }), (text) => {
      const roundTrip = Buffer.from(text, 'base64').toString('base64') === text && /^[A-Za-z0-9+/=]*$/.test(text);
      assert.equal(strictBase64(text) !== null, roundTrip, JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
  assert.equal(strictBase64('QR=='), null);
  assert.equal(strictBase64('QUJ='), null);
  assert.notEqual(strictBase64('QUI='), null);
});
