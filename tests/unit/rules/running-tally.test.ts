import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addTallies, runningTally, type EnteredBallotContent, type TallyOffice, type TallyRules } from '../../../shared/rules/running-tally';

const OFFICES: TallyOffice[] = [
  { id: 'chair', title: '主任', seats: 1, rank: 1, candidates: [{ id: 'c1', name: '王芳' }, { id: 'c2', name: '李强' }] },
  { id: 'member', title: '委员', seats: 2, rank: 2, candidates: [{ id: 'm1', name: '张伟' }, { id: 'm2', name: '刘洋' }, { id: 'm3', name: '王芳' }] },
];

const section = (ids: readonly string[]) =>
  fc.record(
    {
      for: fc.subarray([...ids], { minLength: 0 }),
      against: fc.subarray([...ids], { minLength: 0 }),
      // A write-in may be a listed candidate's name (counted for them) or someone new, as normalised names.
      writeIns: fc.subarray(['吴敏', '王芳', '郑好'], { minLength: 0 }),
    },
    { requiredKeys: [] },
  );

const marks = fc.record({ chair: section(['c1', 'c2']), member: section(['m1', 'm2', 'm3']) }, { requiredKeys: [] });

const entered: fc.Arbitrary<EnteredBallotContent> = fc.oneof(
  marks.map((m) => ({ content: { marks: m }, ruling: null })),
  fc.constant({ content: { void: 'unreadable' as const }, ruling: null }),
  marks.map((m) => ({ content: { doubtful: { marks: m } }, ruling: null })),
  marks.map((m) => ({ content: { doubtful: { marks: m } }, ruling: { decision: { marks: m } } })),
  fc.constant({ content: { doubtful: {} }, ruling: { decision: { void: 'other' as const } } }),
);

const rules: fc.Arbitrary<TallyRules> = fc.record({
  overvote: fc.constantFrom('void-section', 'void-ballot'),
  samePersonInTwoOffices: fc.constantFrom('void-ballot', 'count-higher-office'),
});

test('a sheet read at once and the same sheet built up ballot by ballot give the same running tally', () => {
  fc.assert(
    fc.property(fc.array(entered, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), rules, (ballots, split, r) => {
      const whole = runningTally(OFFICES, ballots, r);
      let built = runningTally(OFFICES, ballots.slice(0, split), r);
      for (const b of ballots.slice(split)) built = addTallies(built, runningTally(OFFICES, [b], r));
      assert.deepEqual(built, whole);
    }),
    { numRuns: 300 },
  );
});

test('one ballot added: the person voted for, a write-in appended after the listed candidates, pending doubtful counted', () => {
  const r: TallyRules = { overvote: 'void-section', samePersonInTwoOffices: 'count-higher-office' };
  const base = runningTally(OFFICES, [{ content: { marks: { chair: { for: ['c1'] } } }, ruling: null }], r);
  const withWriteIn = addTallies(base, runningTally(OFFICES, [{ content: { marks: { member: { writeIns: ['吴敏'], for: ['m1'] } } }, ruling: null }], r));
  const member = withWriteIn.offices.find((o) => o.id === 'member')!;
  assert.deepEqual(
    member.persons.map((p) => [p.name, p.listed, p.for]),
    [
      ['张伟', true, 1],
      ['刘洋', true, 0],
      ['王芳', true, 0],
      ['吴敏', false, 1],
    ],
  );
  const pending = addTallies(withWriteIn, runningTally(OFFICES, [{ content: { doubtful: {} }, ruling: null }], r));
  assert.equal(pending.ballots, 3);
  assert.equal(pending.pendingDoubtful, 1);
  const overvoted = addTallies(pending, runningTally(OFFICES, [{ content: { marks: { chair: { for: ['c1', 'c2'] } } }, ruling: null }], r));
  assert.equal(overvoted.offices[0]!.voidSections, 1);
  assert.equal(overvoted.offices[0]!.persons[0]!.for, 1, 'an overvoted section counts for nobody');
});
