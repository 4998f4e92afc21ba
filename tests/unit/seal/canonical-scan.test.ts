import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, hashJson, hashOf } from '../../../electron/backend/seal';
import { scanCanonicalPayload } from '../../../electron/backend/seal/canonical-scan';
import { strictBase64, strictBase64InPieces } from '../../../electron/backend/seal/sealed-file';
import { parseWithSharedBallots } from '../../../electron/backend/seal/shared-ballots';

const payloadOf = (rounds: { number: number; record?: unknown; result?: unknown }[], extra: Record<string, unknown> = {}) => ({ format: 'x', rounds, note: '选举', ...extra });

const scan = (text: string) => scanCanonicalPayload(Buffer.from(text, 'utf8'));

/** The definition the scan must answer: the text is the canonical JSON of what it parses to. */
function isCanonical(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  try {
    return canonicalJson(value) === text;
  } catch {
    return false; // a number too large to be finite
  }
}

test('a canonical payload is recognised, and each round piece is those bytes of the payload, with the canonical hash', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ number: fc.nat(), record: fc.jsonValue(), result: fc.jsonValue() }), { maxLength: 3 }), fc.jsonValue(), (rounds, other) => {
      const text = canonicalJson(payloadOf(rounds, { other }));
      const got = scan(text);
      assert.equal(got.canonical, true);
      rounds.forEach((r, i) => {
        assert.equal(Buffer.from(got.records[i]!).toString('utf8'), canonicalJson(r.record));
        assert.equal(hashOf(got.records[i]!), hashJson(r.record));
        assert.equal(hashOf(got.results[i]!), hashJson(r.result));
      });
    }),
    { numRuns: 300 },
  );
});

test('the scan answers exactly as the definition for any JSON text, spelled canonically or not', () => {
  // Values with the spellings that matter: escapes, lone surrogates, index-like and reserved keys, big and odd numbers.
  const keys = fc.oneof(fc.string(), fc.constantFrom('__proto__', '1', '10', '2', 'a', 'A', '\ud800', '\u00e9', 'é', '😀', '\uffff'));
  const strings = fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'binary' }), fc.constantFrom('\u0000\b\u001f\u007f', '\ud800x', 'a\udc00', '\u2028', 'line\nnext\ttab\r'));
  const values = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, false, 0, -0, 1e21, 1e-7, 123456789012345680000, 0.1, -5),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      strings,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  // Re-spellings a file could carry: whitespace, other escapes, other number forms, reordered or repeated keys.
  const respell = fc.constantFrom<(t: string) => string>(
    (t) => t,
    (t) => JSON.stringify(JSON.parse(t), null, 1),
    (t) => t.replace(/:/, ': '),
    (t) => t.replace(/é/, '\\u00e9'),
    (t) => t.replace(/\\u001f/, '\\u001F'),
    (t) => t.replace(/\\ud800/, '\\uD800'),
    (t) => t.replace(/\\u0000/, '\\u0000\\ud800\\udc00'),
    (t) => t.replace(/\\n/, '\\u000a'),
    (t) => t.replace(/a/, '\\u0061'),
    (t) => t.replace(/\//, '\\/'),
    (t) => t.replace(/(\d)(,|\]|\})/, '$1.0$2'),
    (t) => t.replace(/(\d)(,|\]|\})/, '$1e0$2'),
    (t) => t.replace(/(\d)(,|\]|\})/, '$11234567890123456789$2'),
    (t) => t.replace(/(-?)0(,|\])/, '$1-0$2'),
    (t) => t.replace(/\{"([^"]*)":([^,{}\[\]]*),"([^"]*)":([^,{}\[\]]*)\}/, '{"$3":$4,"$1":$2}'),
    (t) => t.replace(/\{"([^"]*)":([^,{}\[\]]*)\}/, '{"$1":$2,"$1":$2}'),
    (t) => t.replace(/😀/, '\\ud83d\\ude00'),
    (t) => `${t} `,
  );
  fc.assert(
    fc.property(values, respell, (value, change) => {
      const text = change(canonicalJson(value));
      assert.equal(scan(text).canonical, isCanonical(text), text);
    }),
    { numRuns: 3000 },
  );
});

test('texts that are not JSON, or not whole, are not canonical', () => {
  for (const text of ['', '{', '{"a":1', '[1,]', '{"a"}', '01', '1.', '-', '+1', '"\\x"', 'nul', 'true false', '{"a":1}x', '1e999', '"\\u12"']) {
    assert.equal(scan(text).canonical, false, text);
  }
});

test('each spelling JSON.stringify would not write is told apart from the one it would', () => {
  const not = ['"\\u000a"', '"\\u0009"', '"\\u0008"', '"\\u000c"', '"\\u000d"', '"\\u0041"', '"\\/"', '"\\uD800"', '"\\ud83d\\ude00"', '"\\u00e9"', '1.0', '1e0', '-0', '1E5', '12345678901234567891', '[1, 2]', '{"b":1,"a":2}', '{"a":1,"a":1}'];
  const yes = ['"\\u0000"', '"\\u001f"', '"\\ud800"', '"\\udc00"', '"\\ud800\\ud800"', '"\\n\\t\\b\\f\\r\\"\\\\"', '"\u007f\u2028é😀"', '1e+21', '1e-7', '-5', '0', '9007199254740991', '{"10":1,"2":2,"a":3}', '{"":0,"A":1,"a":2,"é":3}'];
  for (const text of not) assert.equal(scan(text).canonical, false, text);
  for (const text of yes) {
    assert.equal(isCanonical(text), true, `definition: ${text}`);
    assert.equal(scan(text).canonical, true, text);
  }
});

test('a payload that is not canonical is refused wherever the difference is: in a record, between them, at the end', () => {
  const value = payloadOf([{ number: 1, record: { a: 1, b: ['王芳', 2] }, result: { x: true } }, { number: 2, record: { c: 3 }, result: null }]);
  const text = canonicalJson(value);
  assert.equal(scan(text).canonical, true);
  const spoiled = [
    text.replace('{"a":1,"b":["王芳",2]}', '{"b":["王芳",2],"a":1}'),
    text.replace('"number":2', '"number": 2'),
    text.replace('{"c":3}', '{"c":3 }'),
    `${text} `,
    text.replace('{"x":true}', '{"x":false,"x":true}'),
    text.replace('"note":"选举"', '"note":"\\u9009\\u4e3e"'),
  ];
  for (const s of spoiled) assert.equal(scan(s).canonical, false, s);
});

test('a reserved key is found wherever it stands; pieces are only those of the rounds array at the top', () => {
  assert.equal(scan(canonicalJson(JSON.parse('{"a":[{"__proto__":1}]}'))).reservedKey, true);
  assert.equal(scan(canonicalJson({ a: [{ proto: 1 }] })).reservedKey, false);
  const nested = scan(canonicalJson({ other: { rounds: [{ record: 1 }] }, rounds: [{ record: { r: 2 } }, 'x', { result: 3 }] }));
  assert.equal(Buffer.from(nested.records[0]!).toString(), '{"r":2}');
  assert.equal(nested.records[1], undefined);
  assert.equal(nested.records[2], undefined);
  assert.equal(Buffer.from(nested.results[2]!).toString(), '3');
});

test('deep nesting is scanned without running out of stack', () => {
  const depth = 200_000;
  assert.equal(scan('['.repeat(depth) + ']'.repeat(depth)).canonical, true);
  assert.equal(scan('['.repeat(depth) + ' ' + ']'.repeat(depth)).canonical, false);
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

test('a long payload decoded a piece at a time is accepted and decoded exactly as strict base64 of the whole text', () => {
  const spoil = fc.record({ at: fc.nat(), by: fc.constantFrom('', 'A', '=', '==', '-', ' ', 'AAAA', 'A=') });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer(), fc.option(spoil), (length, seed, change) => {
      const bytes = Buffer.alloc(length);
      let x = seed;
      for (let i = 0; i < length; i++) {
        x = (Math.imul(x, 1103515245) + 12345) | 0;
        bytes[i] = x >>> 24;
      }
      let text = bytes.toString('base64');
      if (change !== null) {
        const at = text.length === 0 ? 0 : change.at % text.length;
        text = text.slice(0, at) + change.by + text.slice(at + 1);
      }
      const whole = strictBase64(text);
      const pieces = strictBase64InPieces(Buffer.from(text, 'latin1'), 0, text.length);
      assert.equal(pieces === null, whole === null, `${text.length} ${JSON.stringify(change)}`);
      if (whole !== null) assert.ok(whole.equals(pieces!));
    }),
    { numRuns: 60 },
  );
  // Padding or a stray character in a piece before the last one, and unused bits set at the very end.
  const text = Buffer.alloc(150_000, 7).toString('base64');
  for (const spoilt of [`${text.slice(0, 8)}=${text.slice(9)}`, `${text.slice(0, 70_000)}-${text.slice(70_001)}`, `${text.slice(0, -2)}B=`]) {
    assert.equal(strictBase64(spoilt), null);
    assert.equal(strictBase64InPieces(Buffer.from(spoilt, 'latin1'), 0, spoilt.length), null);
  }
});

test('the ballots of each round\'s record are found, each ballot as its own bytes; the shared reading equals JSON.parse', () => {
  const ballot = fc.oneof(fc.jsonValue(), fc.record({ box: fc.constantFrom('C1', '中心'), marks: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }) }));
  const round = fc.record({
    number: fc.nat(),
    record: fc.record({ ballots: fc.array(ballot, { maxLength: 3 }).chain((patterns) => fc.array(fc.constantFrom(...(patterns.length ? patterns : [null])), { maxLength: 8 })), other: fc.jsonValue() }, { requiredKeys: ['ballots'] }),
    result: fc.jsonValue(),
  });
  fc.assert(
    fc.property(fc.array(round, { maxLength: 3 }), (rounds) => {
      const text = canonicalJson(payloadOf(rounds));
      const bytes = Buffer.from(text, 'utf8');
      const got = scanCanonicalPayload(bytes);
      assert.equal(got.canonical, true);
      rounds.forEach((r, i) => {
        const spans = got.ballots[i]!;
        assert.equal(bytes.toString('utf8', spans.start, spans.end), canonicalJson(r.record.ballots));
        const pieces = [];
        for (let k = 0; k < spans.items.length; k += 2) pieces.push(bytes.toString('utf8', spans.items[k], spans.items[k + 1]));
        assert.deepEqual(pieces, r.record.ballots.map((b) => canonicalJson(b)));
      });
      const shared = parseWithSharedBallots(bytes, got) as { rounds: { record: { ballots: unknown[] } }[] };
      assert.deepEqual(shared, JSON.parse(text));
      for (const r of shared.rounds) {
        const byText = new Map<string, unknown>();
        for (const b of r.record.ballots) {
          const t = JSON.stringify(b);
          if (byText.has(t) && b !== null && typeof b === 'object') assert.equal(byText.get(t), b, 'equal ballots are one object');
          byText.set(t, b);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a record whose ballots are not an array, or a record that is not an object, has no ballot spans', () => {
  for (const record of [{ ballots: { a: 1 } }, { ballots: 'x' }, ['ballots'], { other: [1] }]) {
    const got = scan(canonicalJson(payloadOf([{ number: 1, record, result: null }])));
    assert.equal(got.canonical, true);
    assert.equal(got.ballots[0], undefined);
  }
});

test('any bytes at all: the scan answers without throwing, and never calls text that is not JSON canonical', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 40 }), (raw, t) => {
      for (const bytes of [Buffer.from(raw), Buffer.from(t, 'utf8')]) {
        const got = scanCanonicalPayload(bytes);
        if (got.canonical) assert.equal(isCanonical(bytes.toString('utf8')), true);
      }
    }),
    { numRuns: 2000 },
  );
});
