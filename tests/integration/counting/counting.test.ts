import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAuditEvents } from '../../../electron/backend/audit';
import {
  ballotChanges,
  boxBallots,
  boxCountView,
  correctBallot,
  enterBallot,
  finishBox,
  openBox,
  recordBallotsFound,
  setDoubleEntry,
} from '../../../electron/backend/services/counting';
import { decideFlaggedBox, recordCustodyStep } from '../../../electron/backend/services/custody';
import { boxDisagreements, settleDisagreement } from '../../../electron/backend/services/double-entry';
import { ruleDoubtful } from '../../../electron/backend/services/doubtful';
import { computeResults } from '../../../electron/backend/services/results';
import { asPerson, TEST_PIN } from '../../helpers/authority';
import { approvalBy, closePoll, expectApiError, issue, makeElection, openPoll } from './helpers';

const FOR_C1 = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };
const FOR_C2 = { marks: { chair: { for: ['c2'] }, member: { for: ['m2'] } } };

function count(ctx: { db: { prepare(s: string): { get(): unknown } } }, table: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

test('a box cannot be opened for counting before its seal is checked; the refusal names the custody state', async () => {
  const { ctx, people } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 5);
  assert.throws(() => openBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /not closed yet \(status voting open\)/));
  closePoll(ctx, 1, ['C1'], { checkSeals: false });
  assert.throws(() => openBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /cannot be opened yet: the next step is “seal checked”/));
  assert.equal(count(ctx, 'box_count'), 0);

  // A broken seal flags the box: still refused until the committee decides to open it.
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['C1-1-a', 'C1-1-b'], intact: false });
  assert.throws(() => openBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /committee must decide first/));
  decideFlaggedBox(ctx, { box: 'C1', round: 1, decision: 'open', approvals: [approvalBy(people['郭志明'])], note: '封条在运送中擦破，箱体完好' });
  const opened = openBox(ctx, { round: 1, box: 'C1' });
  assert.equal(opened.status, 'counting');
  const trail = ctx.db.prepare("SELECT step FROM custody_event WHERE box_id = 'C1' AND round_number = 1 ORDER BY seq DESC LIMIT 1").get() as { step: string };
  assert.equal(trail.step, 'opened');
  assert.throws(() => openBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /already open for counting/));
});

test('a box already opened in public from the Boxes screen can still be counted, and the opening is recorded once', async () => {
  const { ctx } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1);
  recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'opened' });
  const view = openBox(ctx, { round: 1, box: 'C1' });
  assert.equal(view.status, 'counting');
  const opened = ctx.db.prepare("SELECT count(*) AS n FROM custody_event WHERE box_id = 'C1' AND round_number = 1 AND step = 'opened'").get() as { n: number };
  assert.equal(opened.n, 1);
});

test('ballots found in a box are compared with the ballots issued to it, and entry must match the count', async () => {
  const { ctx } = await makeElection({ withStation: true });
  openPoll(ctx, 1, ['C1', 'S1']);
  issue(ctx, 1, 0, 7, 'C1');
  closePoll(ctx, 1, ['C1', 'S1']);
  openBox(ctx, { round: 1, box: 'C1' });
  let view = recordBallotsFound(ctx, { round: 1, box: 'C1', found: 8 });
  assert.deepEqual([view.issued, view.found, view.difference], [7, 8, 1]);
  view = recordBallotsFound(ctx, { round: 1, box: 'C1', found: 6 });
  assert.deepEqual([view.issued, view.found, view.difference], [7, 6, -1]);
  const events = readAuditEvents(ctx.db).filter((e) => e.type === 'counting.found-recorded');
  assert.deepEqual(events.map((e) => [e.detail.found, e.detail.previous, e.detail.difference]), [[8, null, 1], [6, 8, -1]]);

  for (let i = 0; i < 7; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  assert.throws(() => finishBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /6 ballots were found but 7 were entered/));
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 7 });
  assert.equal(finishBox(ctx, { round: 1, box: 'C1' }).accepted, true);

  // S1 received no ballots in this round, so a result is possible without opening it; its view shows 0 issued.
  assert.deepEqual(boxCountView(ctx.db, 1, 'S1').status, 'not-opened');
  const r = computeResults(ctx, 1);
  assert.equal(r.result.counts.ballotsCast, 7);
  assert.equal(r.result.counts.participants, 7);
});

test('ballot content is checked against the round’s offices and candidates; a bad ballot writes nothing', async () => {
  const { ctx } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  const before = count(ctx, 'ballot');
  const auditBefore = count(ctx, 'audit_event');
  assert.throws(
    () => enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: { for: ['m1'] } } } }),
    expectApiError('invalid-input', /ballot\.marks\.chair\.for\[0\].*"m1" is not a candidate for "主任"/),
  );
  assert.throws(() => enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { vice: {} } } }), expectApiError('invalid-input', /office "vice" is not on this round's ballot/));
  assert.throws(
    () => enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: { for: ['c1'], against: ['c1'] } } } }),
    expectApiError('invalid-input', /both "for" and "against"/),
  );
  assert.throws(() => enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { member: { writeIns: [' \u3000'] } } } }), expectApiError('invalid-input', /write-in name is empty/));
  assert.equal(count(ctx, 'ballot'), before);
  assert.equal(count(ctx, 'audit_event'), auditBefore);
  // Write-ins are stored normalised, for/against sorted, blank sections dropped.
  enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: {}, member: { for: ['m3', 'm1'], writeIns: [' 赵　磊 '] } } } });
  assert.deepEqual(boxBallots(ctx.db, { round: 1, box: 'C1' })[0]!.content, { marks: { member: { for: ['m1', 'm3'], writeIns: ['赵磊'] } } });
});

test('a doubtful ballot waits for the committee’s ruling, recorded with the member and reason, then counts as ruled', async () => {
  const { ctx, people } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 4);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 4 });
  enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  const d1 = enterBallot(ctx, { round: 1, box: 'C1', ballot: { doubtful: { marks: { chair: { for: ['c2'] } }, note: '勾画越出方框' } } });
  const d2 = enterBallot(ctx, { round: 1, box: 'C1', ballot: { doubtful: { note: '背面有签名' } } });
  enterBallot(ctx, { round: 1, box: 'C1', ballot: { void: 'unreadable' } });
  assert.equal(boxCountView(ctx.db, 1, 'C1').doubtfulUnruled, 2);
  assert.throws(() => finishBox(ctx, { round: 1, box: 'C1' }), expectApiError('refused', /2 doubtful ballot\(s\) awaiting the committee's ruling \(positions 2, 3\)/));

  // Only a sitting committee member approves a ruling, with their PIN; a scrutineer cannot, and none is no ruling.
  assert.throws(
    () => ruleDoubtful(ctx, { round: 1, box: 'C1', position: d1.position, ruling: { marks: { chair: { for: ['c2'] } } }, approval: approvalBy(people['谢文']), reason: 'x' }),
    expectApiError('refused', /not a sitting election committee member/),
  );
  assert.throws(
    () => asPerson(ctx, people['郭志明']!, () => ruleDoubtful(ctx, { round: 1, box: 'C1', position: d1.position, ruling: { void: 'other' }, reason: 'x' })),
    expectApiError('refused', /needs 1 election committee member\(s\) to approve with their PIN/),
  );
  assert.throws(
    () => ruleDoubtful(ctx, { round: 1, box: 'C1', position: 1, ruling: { void: 'other' }, approval: approvalBy(people['郭志明']), reason: 'x' }),
    expectApiError('refused', /is not marked doubtful/),
  );
  const [ruled] = ruleDoubtful(ctx, {
    round: 1,
    box: 'C1',
    position: d1.position,
    ruling: { marks: { chair: { for: ['c2'] } } },
    approval: approvalBy(people['郭志明']),
    reason: '意思表示清楚，有效',
  });
  assert.deepEqual(ruled!.ruling, { decision: { marks: { chair: { for: ['c2'] } } }, by: people['郭志明'], byName: '郭志明', reason: '意思表示清楚，有效' });
  ruleDoubtful(ctx, { round: 1, box: 'C1', position: d2.position, ruling: { void: 'identifying-mark' }, approval: approvalBy(people['何玉兰']), reason: '有可识别投票人的签名' });
  assert.throws(
    () => ruleDoubtful(ctx, { round: 1, box: 'C1', position: d2.position, ruling: { void: 'other' }, approval: approvalBy(people['郭志明']), reason: 'again' }),
    expectApiError('refused', /already ruled/),
  );
  const ruling = readAuditEvents(ctx.db).filter((e) => e.type === 'counting.doubtful-ruled');
  assert.deepEqual(ruling.map((e) => [e.detail.position, e.detail.byName, e.detail.reason]), [
    [2, '郭志明', '意思表示清楚，有效'],
    [3, '何玉兰', '有可识别投票人的签名'],
  ]);
  assert.equal(finishBox(ctx, { round: 1, box: 'C1' }).accepted, true);
  const r = computeResults(ctx, 1);
  assert.deepEqual(r.record.ballots.map((b) => ('void' in b ? b.void : Object.keys(b.marks).join('+'))), ['chair+member', 'chair', 'identifying-mark', 'unreadable']);
  assert.equal(r.result.counts.voidBallots, 2);
  const chair = r.result.offices.find((o) => o.office === 'chair')!;
  assert.deepEqual(chair.results.map((p) => [p.name, p.for]), [['王芳', 1], ['李强', 1]]);
});

test('a correction is recorded (old → new, who, why); after acceptance it needs a committee approval, withdraws the box and changes the result', async () => {
  const { ctx, people } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 3 });
  for (let i = 0; i < 3; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  finishBox(ctx, { round: 1, box: 'C1' });
  const first = computeResults(ctx, 1);
  assert.equal(computeResults(ctx, 1).resultHash, first.resultHash, 'recomputing with nothing changed gives the same hash');

  const asScrutineer = <T>(fn: () => T): T => asPerson(ctx, people['谢文']!, fn);
  const approval = approvalBy(people['郭志明']);
  assert.throws(() => correctBallot(ctx, { round: 1, box: 'C1', position: 2, ballot: FOR_C2, reason: '误录' }), expectApiError('refused', /sign in first/));
  const auditBefore = count(ctx, 'audit_event');
  assert.throws(
    () => asScrutineer(() => correctBallot(ctx, { round: 1, box: 'C1', position: 2, ballot: FOR_C2, reason: '误录' })),
    expectApiError('refused', /a correction after the box was accepted needs 1 election committee member/),
  );
  assert.equal(count(ctx, 'ballot_change'), 0);
  assert.equal(count(ctx, 'audit_event'), auditBefore, 'a refused correction writes nothing');
  assert.equal(boxCountView(ctx.db, 1, 'C1').status, 'accepted');
  assert.throws(
    () => asScrutineer(() => correctBallot(ctx, { round: 1, box: 'C1', position: 2, ballot: FOR_C1, reason: 'same', approval })),
    expectApiError('invalid-input', /same as the one entered/),
  );
  const fixed = asScrutineer(() => correctBallot(ctx, { round: 1, box: 'C1', position: 2, ballot: FOR_C2, reason: '唱票人复核，误录', approval }));
  assert.deepEqual(fixed.content, FOR_C2);
  const changes = ballotChanges(ctx.db, { round: 1 });
  assert.equal(changes.length, 1);
  assert.deepEqual(
    { kind: changes[0]!.kind, position: changes[0]!.position, old: changes[0]!.old, new: changes[0]!.new, byName: changes[0]!.byName, reason: changes[0]!.reason },
    { kind: 'correction', position: 2, old: FOR_C1, new: FOR_C2, byName: '谢文', reason: '唱票人复核，误录' },
  );
  const ev = readAuditEvents(ctx.db).filter((e) => e.type === 'counting.ballot-corrected');
  assert.deepEqual([ev.length, ev[0]!.detail.reason, ev[0]!.detail.boxAcceptanceWithdrawn], [1, '唱票人复核，误录', true]);
  assert.deepEqual([ev[0]!.detail.byName, ev[0]!.detail.approvedBy], ['谢文', [{ id: people['郭志明'], name: '郭志明' }]]);
  assert.match(ev[0]!.actor ?? '', /谢文/);
  // Before the box is accepted again, a correction is the signed-in person's own.
  asScrutineer(() => correctBallot(ctx, { round: 1, box: 'C1', position: 3, ballot: FOR_C2, reason: '再核' }));
  asScrutineer(() => correctBallot(ctx, { round: 1, box: 'C1', position: 3, ballot: FOR_C1, reason: '核错了，改回' }));
  assert.equal(readAuditEvents(ctx.db).filter((e) => e.type === 'counting.ballot-corrected' && e.detail.approvedBy === undefined).length, 2);
  assert.equal(boxCountView(ctx.db, 1, 'C1').status, 'counting');
  assert.equal(count(ctx, 'round_result'), 0, 'the stale stored result is dropped');
  assert.throws(() => computeResults(ctx, 1), expectApiError('refused', /still being counted: C1/));
  finishBox(ctx, { round: 1, box: 'C1' });
  const second = computeResults(ctx, 1);
  assert.notEqual(second.resultHash, first.resultHash);
  assert.deepEqual(second.result.offices[0]!.results.map((p) => [p.name, p.for]), [['王芳', 2], ['李强', 1]]);
});

test('double entry: disagreements are listed ballot by ballot and settled by a scrutineer choosing one version', async () => {
  const { ctx, people } = await makeElection();
  setDoubleEntry(ctx, { enabled: true });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 4);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  assert.throws(() => setDoubleEntry(ctx, { enabled: false }), expectApiError('refused', /already been opened/));
  recordBallotsFound(ctx, { round: 1, box: 'C1', found: 4 });
  const a = people['郑丽']!;
  const b = people['马涛']!;
  const sheetA = [FOR_C1, FOR_C1, { void: 'unreadable' as const }, FOR_C2];
  const sheetB = [FOR_C1, FOR_C2, { void: 'unreadable' as const }];
  // The signed-in counter is the sheet's counter.
  const asA = <T>(fn: () => T): T => asPerson(ctx, a, fn);
  const asB = <T>(fn: () => T): T => asPerson(ctx, b, fn);
  for (const ballot of sheetA) asA(() => enterBallot(ctx, { round: 1, box: 'C1', sheet: 'A', ballot }));
  assert.throws(() => asA(() => enterBallot(ctx, { round: 1, box: 'C1', sheet: 'B', ballot: FOR_C1 })), expectApiError('refused', /two different counters/));
  assert.throws(() => asB(() => enterBallot(ctx, { round: 1, box: 'C1', sheet: 'A', ballot: FOR_C1 })), expectApiError('refused', /sheet A of box C1 is entered by 郑丽; 马涛 cannot continue it/));
  // The same marks clicked in another order agree.
  asB(() => enterBallot(ctx, { round: 1, box: 'C1', sheet: 'B', ballot: { marks: { member: { for: ['m3', 'm1'] }, chair: { for: ['c1'] } } } }));
  for (const ballot of sheetB.slice(1)) asB(() => enterBallot(ctx, { round: 1, box: 'C1', sheet: 'B', ballot }));
  assert.deepEqual(boxCountView(ctx.db, 1, 'C1').sheets.map((x) => [x.sheet, x.counter]), [['A', '郑丽'], ['B', '马涛']]);

  const finish = finishBox(ctx, { round: 1, box: 'C1' });
  assert.equal(finish.accepted, false);
  assert.deepEqual(finish.disagreements, [
    { position: 2, a: FOR_C1, b: FOR_C2 },
    { position: 4, a: FOR_C2, b: null },
  ]);
  assert.deepEqual(boxDisagreements(ctx.db, 1, 'C1').map((d) => d.position), [2, 4]);
  assert.throws(() => computeResults(ctx, 1), expectApiError('refused', /still being counted/));

  const settle = (person: string, input: { position: number; choose: 'A' | 'B'; reason: string }) =>
    asPerson(ctx, people[person]!, () => settleDisagreement(ctx, { round: 1, box: 'C1', ...input }));
  assert.throws(() => settleDisagreement(ctx, { round: 1, box: 'C1', position: 2, choose: 'A', reason: 'x' }), expectApiError('refused', /sign in first/));
  assert.throws(() => settle('胡斌', { position: 2, choose: 'A', reason: 'x' }), expectApiError('refused', /holds none of these roles: chief scrutineer, scrutineer/));
  assert.throws(() => settle('谢文', { position: 1, choose: 'A', reason: 'x' }), expectApiError('refused', /both sheets agree at position 1/));
  let left = settle('谢文', { position: 2, choose: 'B', reason: '复看原票，投李强' });
  assert.deepEqual(left.map((d) => d.position), [4]);
  left = settle('徐静', { position: 4, choose: 'A', reason: '原票在箱底，B 表漏录' });
  assert.deepEqual(left, []);
  const settled = ballotChanges(ctx.db, { round: 1 }).map((c) => [c.kind, c.sheet, c.position, c.old, c.new, c.byName]);
  assert.deepEqual(settled, [
    ['settlement', 'A', 2, FOR_C1, FOR_C2, '谢文'],
    ['settlement', 'B', 4, null, FOR_C2, '徐静'],
  ]);
  assert.equal(finishBox(ctx, { round: 1, box: 'C1' }).accepted, true);
  const r = computeResults(ctx, 1);
  assert.deepEqual(r.result.offices[0]!.results.map((p) => [p.name, p.for]), [['李强', 2], ['王芳', 1]]);
});

test('the schema gives ballots no column that could join them with issuance', async () => {
  const { ctx } = await makeElection();
  const columns = (table: string) => (ctx.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  // entry_key: the counting client's random key for one entry (a re-send answers the first entry), nothing else.
  assert.deepEqual(columns('ballot'), ['round_number', 'box_id', 'sheet', 'position', 'content_json', 'ruling_json', 'entry_key']);
  const joinable = /voter|certificate|issuance|desk|trustee|helper|_at$|time|date|actor/;
  for (const table of ['ballot', 'box_count', 'count_sheet', 'ballot_change', 'request_receipt']) {
    for (const c of columns(table)) assert.doesNotMatch(c, joinable, `${table}.${c}`);
  }
  const fks = ctx.db.prepare('PRAGMA foreign_key_list(ballot)').all() as { table: string }[];
  assert.deepEqual([...new Set(fks.map((f) => f.table))], ['count_sheet']);
  // WITHOUT ROWID: no hidden insertion-order rowid either.
  assert.throws(() => ctx.db.prepare('SELECT rowid FROM ballot').all(), /no such column: rowid/);
  // Receipts of resent writes (issuance and counting alike) keep no order either, so they cannot be lined up.
  assert.throws(() => ctx.db.prepare('SELECT rowid FROM request_receipt').all(), /no such column: rowid/);
});

test('ballot entry audit events carry what was read but nothing about a voter', async () => {
  const { ctx } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 2);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  enterBallot(ctx, { round: 1, box: 'C1', ballot: FOR_C1 });
  const e = readAuditEvents(ctx.db).filter((x) => x.type === 'counting.ballot-entered');
  assert.equal(e.length, 1);
  assert.deepEqual(Object.keys(e[0]!.detail).sort(), ['content', 'kind', 'position', 'round', 'sheet']);
  assert.equal(e[0]!.subject, 'box:C1');
});

test('a ruling with a wrong committee PIN changes nothing and counts toward the lockout; the fifth locks the member out', async () => {
  const { ctx, people } = await makeElection();
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 2);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  const { position } = enterBallot(ctx, { round: 1, box: 'C1', ballot: { doubtful: { note: '字迹模糊' } } });
  const chair = people['郭志明']!;
  const rule = (pin: string) => ruleDoubtful(ctx, { round: 1, box: 'C1', position, ruling: { void: 'unreadable' }, approval: { person: chair, pin }, reason: '无法辨认' });
  for (let i = 1; i <= 4; i++) {
    assert.throws(() => rule('999999'), expectApiError('refused', /wrong PIN for 郭志明; not approved/));
    assert.equal((ctx.db.prepare('SELECT failures FROM pin_guard WHERE person_id = ?').get(chair) as { failures: number }).failures, i);
  }
  assert.throws(() => rule('999999'), expectApiError('refused', /5 wrong PINs in a row for 郭志明; try again in 60 s/));
  assert.throws(() => rule(TEST_PIN), expectApiError('refused', /try again in/), 'locked: even the right PIN is refused');
  assert.equal(boxBallots(ctx.db, { round: 1, box: 'C1' })[0]!.ruling, null);
  const events = readAuditEvents(ctx.db);
  assert.equal(events.filter((e) => e.type === 'counting.doubtful-ruled').length, 0);
  assert.equal(events.filter((e) => e.type === 'pin.failed' && e.subject === `person:${chair}`).length, 5);
});

test('while the election is still open nobody can approve: a ruling records the committee member signed in, and nobody is no ruling', async () => {
  const { ctx, people } = await makeElection({ authority: false });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 2);
  closePoll(ctx, 1);
  openBox(ctx, { round: 1, box: 'C1' });
  const { position } = enterBallot(ctx, { round: 1, box: 'C1', ballot: { doubtful: { note: '字迹模糊' } } });
  const input = { round: 1, box: 'C1', position, ruling: { void: 'unreadable' as const }, reason: '无法辨认' };
  assert.throws(() => ruleDoubtful(ctx, input), expectApiError('refused', /sign in first/));
  assert.throws(() => asPerson(ctx, people['谢文']!, () => ruleDoubtful(ctx, input)), expectApiError('refused', /not a sitting election committee member/));
  const [ruled] = asPerson(ctx, people['何玉兰']!, () => ruleDoubtful(ctx, input));
  assert.deepEqual([ruled!.ruling?.by, ruled!.ruling?.byName], [people['何玉兰'], '何玉兰']);
});
