import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCerRecord, parseCerResult, type Ballot, type CerRecord, type CerResult } from '../../../shared/record';
import { tally } from '../../../shared/rules';

const NAMES = ['王芳', '李强', '张伟', '刘洋', '陈明', '赵磊', '孙丽', '周杰'];
const WRITE_INS = ['吴敏', '郑好', '马力', '王 芳', '李　强', 'ＡＢ', 'AB'];
const ELECTIONS = [
  ['residents', 'direct'],
  ['residents', 'household'],
  ['residents', 'representative'],
  ['party', 'meeting'],
  ['supervisory', 'meeting'],
  ['supervisory', 'representative'],
] as const;

interface GenOptions {
  /** Candidate names distinct across offices and no write-ins: no person can appear in two offices. */
  disjointPersons?: boolean;
}

/** Valid cer/1 records (checked by the real parser) of every body, round and rule variant. */
function recordArb(opts: GenOptions = {}): fc.Arbitrary<CerRecord> {
  return fc
    .record({
      election: fc.constantFrom(...ELECTIONS),
      round: fc.constantFrom('regular', 'tie-revote', 'supplementary'),
      rules: fc.record(
        {
          overvote: fc.constantFrom('void-section', 'void-ballot'),
          samePersonInTwoOffices: fc.constantFrom('void-ballot', 'count-higher-office'),
          minCommittee: fc.nat(6),
          tieRevoteThreshold: fc.constantFrom('over-third-of-participants', 'none'),
          supplementaryThreshold: fc.constantFrom('third-of-ballots-cast', 'none'),
          requireWoman: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      seats: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      rankOrder: fc.boolean(),
    })
    .chain(({ election, round, rules, seats, rankOrder }) => {
      const offices = seats.map((s, i) => ({ id: `o${i + 1}`, title: `office ${i + 1}`, seats: s, rank: rankOrder ? i + 1 : seats.length - i }));
      const candidatesArb = opts.disjointPersons
        ? fc.shuffledSubarray(NAMES, { minLength: offices.length, maxLength: NAMES.length }).map((names) =>
            names.map((name, i) => ({ name, office: offices[i % offices.length]!.id })),
          )
        : fc.tuple(...offices.map((o) => fc.subarray(NAMES, { minLength: 1, maxLength: 4 }).map((ns) => ns.map((name) => ({ name, office: o.id })))))
            .map((lists) => lists.flat());
      return fc.record({ candidates: candidatesArb, genders: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }).chain(({ candidates, genders }) => {
        const cands = candidates.map((c, i) => ({ id: `c${i + 1}`, name: c.name, office: c.office, gender: genders[i % 8] ? ('female' as const) : ('male' as const) }));
        const sectionArb = (officeId: string) => {
          const ids = cands.filter((c) => c.office === officeId).map((c) => c.id);
          return fc
            .record({
              marks: fc.array(
                fc.oneof({ weight: 3, arbitrary: fc.constant('for') }, { weight: 2, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constant('against') }),
                { minLength: ids.length, maxLength: ids.length },
              ),
              writeIns: opts.disjointPersons ? fc.constant([] as string[]) : fc.subarray(WRITE_INS.concat(NAMES), { maxLength: 2 }),
            })
            .map(({ marks, writeIns }) => ({
              for: ids.filter((_, i) => marks[i] === 'for'),
              against: ids.filter((_, i) => marks[i] === 'against'),
              writeIns,
            }));
        };
        const markedArb = fc
          .tuple(...offices.map((o) => fc.option(sectionArb(o.id), { nil: undefined })))
          .map((sections): Ballot => {
            const marks: Record<string, { for: string[]; against: string[]; writeIns: string[] }> = {};
            sections.forEach((s, i) => {
              if (s) marks[offices[i]!.id] = s;
            });
            return { box: 'central-1', marks };
          });
        const ballotArb = fc.oneof(
          { weight: 9, arbitrary: markedArb },
          { weight: 1, arbitrary: fc.constant<Ballot>({ box: 'central-1', void: 'other' }) },
        );
        // A few ballot patterns repeated, so that majorities and ties actually happen.
        const ballotsArb = fc
          .array(ballotArb, { minLength: 1, maxLength: 4 })
          .chain((patterns) =>
            fc.array(fc.nat(patterns.length - 1), { maxLength: 30, size: 'large' }).map((picks) => picks.map((i) => patterns[i]!)),
          );
        return fc
          .record({ ballots: ballotsArb, extraParticipants: fc.integer({ min: -1, max: 3 }), absentShare: fc.double({ min: 0, max: 1.2, noNaN: true }) })
          .map(({ ballots, extraParticipants, absentShare }) => {
            const participants = Math.max(0, ballots.length + extraParticipants);
            const absent = Math.floor(participants * absentShare);
            return parseCerRecord({
              format: 'cer/1',
              election: { title: 'property', body: election[0], method: election[1], registered: participants + absent },
              rules,
              round,
              offices,
              candidates: cands,
              participants,
              ballots,
            });
          });
      });
    });
}

const withShuffle = recordArb().chain((rec) =>
  fc
    .shuffledSubarray(
      rec.ballots.map((_, i) => i),
      { minLength: rec.ballots.length, maxLength: rec.ballots.length },
    )
    .map((order) => ({ rec, order })),
);

test('the result does not depend on the order of the ballots', () => {
  fc.assert(
    fc.property(withShuffle, ({ rec, order }) => {
      const shuffled = { ...rec, ballots: order.map((i) => rec.ballots[i]!) };
      assert.deepEqual(tally(shuffled), tally(rec));
    }),
    { numRuns: 300 },
  );
});

test('every result is a well-formed cer-result/1 and keeps the counting invariants', () => {
  fc.assert(
    fc.property(recordArb(), (rec) => {
      const r = parseCerResult(tally(rec));
      const validBallots = r.counts.ballotsCast - r.counts.voidBallots;
      for (const o of r.offices) {
        const seats = rec.offices.find((x) => x.id === o.office)!.seats;
        const tieSeats = r.nextSteps.filter((s) => s.kind === 'tie-revote' && s.office === o.office).reduce((n, s) => n + s.seats, 0);
        assert.equal(o.elected.length + o.vacant + tieSeats, seats);
        if (!r.valid) assert.deepEqual(o.elected, []);
        for (const p of o.results) {
          if (p.status === 'elected') assert.ok(p.for >= o.threshold && p.for > 0);
          // every valid ballot counts each listed candidate once, unless its section for the office was void
          if (p.candidate !== undefined) assert.equal(p.for + p.against + p.abstain, validBallots - o.voidSections);
          else assert.equal(p.against + p.abstain, 0);
        }
        for (let i = 1; i < o.results.length; i++) assert.ok(o.results[i - 1]!.for >= o.results[i]!.for);
      }
    }),
    { numRuns: 300 },
  );
});

/** Per person of every office: [for, against, abstain]. */
function votesByPerson(r: CerResult): Map<string, [number, number, number]> {
  const m = new Map<string, [number, number, number]>();
  for (const o of r.offices) for (const p of o.results) m.set(`${o.office}/${p.name}`, [p.for, p.against, p.abstain]);
  return m;
}

const electedNames = (r: CerResult) => new Set(r.offices.flatMap((o) => o.elected));

const addVoteFor = recordArb().chain((rec) =>
  fc.constantFrom(...rec.candidates).map((x) => ({ rec, x })),
);

test('a ballot marking only X for: X gains exactly one vote, every other listed candidate one abstention', () => {
  fc.assert(
    fc.property(addVoteFor, ({ rec, x }) => {
      const before = tally(rec);
      const after = tally({
        ...rec,
        participants: rec.participants + 1,
        ballots: [...rec.ballots, { box: 'central-1', marks: { [x.office]: { for: [x.id] } } }],
      });
      const b = votesByPerson(before);
      const a = votesByPerson(after);
      assert.equal(after.counts.voidBallots, before.counts.voidBallots);
      assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
      for (const o of rec.offices) {
        for (const c of rec.candidates.filter((c) => c.office === o.id)) {
          const key = `${o.id}/${c.name}`;
          const [f, ag, ab] = b.get(key)!;
          assert.deepEqual(a.get(key), c.id === x.id ? [f + 1, ag, ab] : [f, ag, ab + 1], key);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a ballot marking only X for never removes X from the elected (persons never in two offices)', () => {
  // With write-ins or a name listed in two offices this need not hold: the added participant can raise the
  // threshold so that someone loses a higher office and then competes in X's office.
  const arb = recordArb({ disjointPersons: true }).chain((rec) => fc.constantFrom(...rec.candidates).map((x) => ({ rec, x })));
  fc.assert(
    fc.property(arb, ({ rec, x }) => {
      const before = tally(rec);
      const after = tally({
        ...rec,
        participants: rec.participants + 1,
        ballots: [...rec.ballots, { box: 'central-1', marks: { [x.office]: { for: [x.id] } } }],
      });
      if (electedNames(before).has(x.name)) assert.ok(electedNames(after).has(x.name), `${x.name} lost the seat`);
      // and a valid round stays valid
      if (before.valid) assert.equal(after.valid, true);
    }),
    { numRuns: 500 },
  );
});

test('a void ballot with one more participant changes only participants, ballotsCast and voidBallots among the counts and no vote', () => {
  fc.assert(
    fc.property(recordArb(), (rec) => {
      const before = tally(rec);
      const after = tally({ ...rec, participants: rec.participants + 1, ballots: [...rec.ballots, { box: 'central-1', void: 'unreadable' }] });
      assert.deepEqual(after.counts, {
        registered: before.counts.registered,
        participants: before.counts.participants + 1,
        ballotsCast: before.counts.ballotsCast + 1,
        voidBallots: before.counts.voidBallots + 1,
      });
      assert.deepEqual(votesByPerson(after), votesByPerson(before));
      assert.deepEqual(after.offices.map((o) => o.voidSections), before.offices.map((o) => o.voidSections));
      const exceeds = (r: CerResult) => r.problems.some((p) => p.code === 'ballots-exceed-participants');
      assert.equal(exceeds(after), exceeds(before));
    }),
    { numRuns: 300 },
  );
});

test('a void ballot without a participant: the same votes, and the round is void exactly when ballots now exceed participants', () => {
  fc.assert(
    fc.property(recordArb(), (rec) => {
      const before = tally(rec);
      const after = tally({ ...rec, ballots: [...rec.ballots, { box: 'central-1', void: 'other' }] });
      assert.deepEqual(votesByPerson(after), votesByPerson(before));
      const exceeds = after.problems.some((p) => p.code === 'ballots-exceed-participants');
      assert.equal(exceeds, rec.ballots.length + 1 > rec.participants);
      if (exceeds) assert.equal(after.valid, false);
    }),
    { numRuns: 300 },
  );
});

test('a ballot object standing several times counts as that many copies (a sealed file reader shares repeats)', () => {
  fc.assert(
    fc.property(recordArb(), (rec) => {
      const copies = { ...rec, ballots: rec.ballots.map((b) => structuredClone(b)) };
      assert.deepEqual(tally(rec), tally(copies));
    }),
    { numRuns: 300 },
  );
});
