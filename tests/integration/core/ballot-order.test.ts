import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BallotContent } from '../../../shared/api/counting';
import { canonicalJson } from '../../../electron/backend/audit';
import { inTransaction } from '../../../electron/backend/db';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { computeResults, exportRecord } from '../../../electron/backend/services/results';
import { roundBallot, setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { election, importGenerated, openVoting } from '../issuance/helpers';
import { makeVoter } from '../../unit/roll/make-roll';

/**
 * Secret ballot: the public record lists a box's ballots by their content, so the order in which they came out of the
 * box (and were entered) leaves no trace in it: the same ballots entered in another order give the same bytes.
 */

/** The ballots of the test, marked with the candidate ids of the sample election. */
function ballotsOf(ids: (office: string) => string[]): BallotContent[] {
  const [c1, c2] = ids('chair');
  const [m1, m2, m3] = ids('member');
  return [
    { marks: { chair: { for: [c2!] }, member: { for: [m1!, m3!] } } },
    { void: 'unreadable' },
    { marks: { chair: { for: [c1!] } } },
    { marks: {} },
    { marks: { member: { for: [m3!, m2!], writeIns: ['赵磊', '孙丽'] } } },
    { marks: { chair: { for: [c1!], against: [c2!] } } },
    { void: 'identifying-mark' },
    { marks: { chair: { for: [c1!] } } },
  ];
}

/** The same paper ballot as the counter might click it: the marks of a section in another order. */
function clickedOtherwise(b: BallotContent): BallotContent {
  if (!('marks' in b)) return b;
  const marks = Object.fromEntries(
    Object.entries(b.marks).map(([office, s]) => [
      office,
      { ...s, ...(s.for ? { for: [...s.for].reverse() } : {}), ...(s.writeIns ? { writeIns: [...s.writeIns].reverse() } : {}) },
    ]),
  );
  return { marks };
}

/** One election file: the poll of box C1, a ballot issued per ballot given, the box closed, opened and counted in this order. */
async function countInOrder(order: (ballots: BallotContent[]) => BallotContent[]) {
  const { ctx } = election();
  try {
    await importGenerated(ctx, 20);
    openVoting(ctx, ['C1']);
    const offices = roundBallot(ctx.db, 1);
    const ballots = order(ballotsOf((office) => offices.find((o) => o.id === office)!.candidates.map((c) => c.id)));
    for (let i = 1; i <= ballots.length; i++) issueBallot(ctx, { certificate: makeVoter(i).certificate, round: 1, desk: 'C1' });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-closed', seals: ['C1-b'] });
    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['C1-1', 'C1-b'], intact: true });
    inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'closed' }));
    openBox(ctx, { round: 1, box: 'C1' });
    recordBallotsFound(ctx, { round: 1, box: 'C1', found: ballots.length });
    for (const ballot of ballots) enterBallot(ctx, { round: 1, box: 'C1', ballot });
    finishBox(ctx, { round: 1, box: 'C1' });
    const view = computeResults(ctx, 1);
    return { entered: ballots, text: JSON.stringify(exportRecord(ctx, 1)), recordHash: view.recordHash, resultHash: view.resultHash };
  } finally {
    ctx.db.close();
  }
}

test('the same ballots entered in two different orders give byte-identical records, hashes and results', async () => {
  const first = await countInOrder((b) => b);
  const second = await countInOrder((b) => [...b].reverse().map(clickedOtherwise));
  assert.equal(second.text, first.text);
  assert.equal(second.recordHash, first.recordHash);
  assert.equal(second.resultHash, first.resultHash);

  const listed = (JSON.parse(first.text) as { ballots: unknown[] }).ballots.map((b) => canonicalJson(b));
  assert.deepEqual(listed, [...listed].sort(), 'listed in the order of their canonical text, marked ballots before void ones');
  assert.notDeepEqual(listed, first.entered.map((b) => canonicalJson({ box: 'C1', ...b })), 'not the order they were entered in');
  assert.ok(first.text.includes('"writeIns":["孙丽","赵磊"]'), 'the marks of a section in order');
});
