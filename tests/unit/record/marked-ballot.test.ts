import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { markedBallot } from '../../../shared/record/cer';
import { readMarkedBallot } from '../../../shared/record/marked-ballot';

// Names as they come: ordinary, empty, too long, with control, bidi or lone-surrogate characters.
const name = fc.oneof(
  fc.constantFrom('c1', 'c2', '张伟', '', 'x'.repeat(64), 'y'.repeat(65), '𠮷'.repeat(64), '𠮷'.repeat(65), 'a\u0000b', 'a\u202eb', '\ud800', 'a\nb'),
  fc.string({ maxLength: 8 }),
);
const names = fc.oneof(fc.array(name, { maxLength: 4 }), fc.constant('c1' as unknown), fc.constant([1] as unknown));
const section = fc.oneof(
  fc.record({ for: names, against: names, writeIns: names }, { requiredKeys: [] }),
  fc.record({ for: names, other: names }, { requiredKeys: [] }),
  fc.constant(null as unknown),
  fc.constant([] as unknown),
);
const ballot = fc.oneof(
  fc.record({ box: fc.oneof(name, fc.constant(7 as unknown)), marks: fc.dictionary(name, section, { maxKeys: 3 }) }),
  fc.record({ box: name, marks: fc.dictionary(name, section, { maxKeys: 3 }), extra: fc.constant(1) }),
  fc.record({ marks: fc.dictionary(name, section, { maxKeys: 2 }) }),
  fc.record({ box: name, marks: fc.constant([] as unknown) }),
);

test('the hand reader of a marked ballot gives the schema\'s own value, or leaves the ballot to the schema', () => {
  fc.assert(
    fc.property(ballot, (raw) => {
      const byHand = readMarkedBallot(raw);
      const bySchema = markedBallot.safeParse(raw);
      if (byHand !== null) {
        assert.ok(bySchema.success, 'the hand reader accepted what the schema refuses');
        assert.deepEqual(JSON.parse(JSON.stringify(byHand)), bySchema.data);
        assert.equal(byHand, raw, 'the ballot is given back as it stands, not copied');
      }
    }),
    { numRuns: 3000 },
  );
});

test('ordinary ballots are read by hand, whatever their key order', () => {
  const raw = { marks: { chair: { writeIns: ['李四'], for: ['c1'] }, member: {} }, box: 'C1' };
  const read = readMarkedBallot(raw);
  assert.deepEqual(read, markedBallot.parse(raw));
  assert.equal(read, raw);
  assert.equal(readMarkedBallot({ box: 'C1', marks: { chair: { for: ['c\u202e1'] } } }), null);
});
