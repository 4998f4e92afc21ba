import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../../shared/api/envelope';
import type { CustodyStepInput, TrailStep } from '../../../shared/domain/custody';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { assertBoxCanBeOpened, custodyState, decideFlaggedBox, recordCustodyStep } from '../../../electron/backend/services/custody';
import { listPeople } from '../../../electron/backend/services/people';
import type { BackendContext } from '../../../electron/backend/context';
import { count, sampleElection } from './helpers';
import { asPerson, establishAuthority, TEST_PIN } from '../../helpers/authority';

const STEPS: TrailStep[] = ['sealed-empty', 'voting', 'sealed-closed', 'carried', 'received', 'seal-checked', 'opened'];

function stepInput(box: string, step: TrailStep): CustodyStepInput {
  const base = { box, round: 1, step };
  switch (step) {
    case 'sealed-empty':
      return { ...base, seals: ['F-001', 'F-002'] };
    case 'sealed-closed':
      return { ...base, seals: ['F-003'] };
    case 'carried':
      return { ...base, carriers: ['孙丽', '马涛', '朱红'] };
    case 'seal-checked':
      return { ...base, seals: ['F-001', 'F-002', 'F-003'], intact: true };
    default:
      return base;
  }
}

function refusedExpecting(expected: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.code, 'refused', e.message);
    assert.deepEqual(e.details, { expected });
    return true;
  };
}

function walk(ctx: BackendContext, box: string, trail: TrailStep[]): void {
  for (let i = 0; i < trail.length; i++) {
    for (const wrong of STEPS.filter((s) => s !== trail[i])) {
      const rows = count(ctx, 'custody_event');
      assert.throws(() => recordCustodyStep(ctx, stepInput(box, wrong)), refusedExpecting(trail[i]!), `${box}: ${wrong} before ${trail[i]}`);
      assert.equal(count(ctx, 'custody_event'), rows, 'a refused step writes nothing');
    }
    recordCustodyStep(ctx, stepInput(box, trail[i]!));
  }
  for (const again of STEPS) assert.throws(() => recordCustodyStep(ctx, stepInput(box, again)), refusedExpecting('done'));
}

test('a station box goes through the whole trail; every step out of order is refused with the expected one named', () => {
  const ctx = sampleElection();
  walk(ctx, 'S1', STEPS);
  const s = custodyState(ctx.db, 'S1', 1);
  assert.deepEqual(s.events.map((e) => e.step), STEPS);
  assert.deepEqual(s.events[3]!.carriers, ['孙丽', '马涛', '朱红']);
  assert.equal(s.flagged, false);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('a central box skips carried and received', () => {
  const ctx = sampleElection();
  walk(ctx, 'C1', ['sealed-empty', 'voting', 'sealed-closed', 'seal-checked', 'opened']);
});

test('the refusal message names the expected step in both languages', () => {
  const ctx = sampleElection();
  recordCustodyStep(ctx, stepInput('M1', 'sealed-empty'));
  assert.throws(
    () => recordCustodyStep(ctx, stepInput('M1', 'carried')),
    (e: unknown) => e instanceof ApiError && /下一步应为“开始投票”/.test(e.message) && /the next step is “voting open”/.test(e.message),
  );
});

function toSealCheck(ctx: BackendContext, box: string): void {
  for (const s of ['sealed-empty', 'voting', 'sealed-closed', 'carried', 'received'] as const) recordCustodyStep(ctx, stepInput(box, s));
}

test('a broken seal flags the box; it opens only after a recorded committee decision', () => {
  const ctx = sampleElection();
  toSealCheck(ctx, 'M1');
  const after = recordCustodyStep(ctx, { box: 'M1', round: 1, step: 'seal-checked', seals: ['F-001', 'F-002', 'F-003'], intact: false });
  assert.equal(after.flagged, true);
  assert.deepEqual(after.position, { state: 'needs-decision' });
  assert.throws(() => recordCustodyStep(ctx, stepInput('M1', 'opened')), refusedExpecting('needs-decision'));
  assert.throws(() => assertBoxCanBeOpened(ctx.db, 'M1', 1), refusedExpecting('needs-decision'));

  const people = listPeople(ctx);
  const scrutineer = people.find((p) => p.name === '谢文')!;
  const chair = people.find((p) => p.name === '郭志明')!;
  const vice = people.find((p) => p.name === '何玉兰')!;
  establishAuthority(ctx, chair.id, [{ person: vice.id }, { person: scrutineer.id }]);
  const note = '封条破损系运输磨损,经核对照常开箱';
  const refusedNothingWritten = (approvals: { person: number; pin: string }[] | undefined, pattern: RegExp) => {
    const rows = count(ctx, 'custody_event');
    assert.throws(
      () => decideFlaggedBox(ctx, { box: 'M1', round: 1, decision: 'open', ...(approvals ? { approvals } : {}), note }),
      (e: unknown) => e instanceof ApiError && e.code === 'refused' && pattern.test(e.message),
    );
    assert.equal(count(ctx, 'custody_event'), rows, 'a refused decision writes nothing');
    assert.deepEqual(custodyState(ctx.db, 'M1', 1).position, { state: 'needs-decision' });
  };
  refusedNothingWritten(undefined, /needs 1 election committee member/);
  refusedNothingWritten([{ person: scrutineer.id, pin: TEST_PIN }], /谢文 is not a sitting election committee member/);
  refusedNothingWritten([{ person: vice.id, pin: '000000' }], /wrong PIN for 何玉兰/);
  const decided = asPerson(ctx, chair.id, () =>
    decideFlaggedBox(ctx, { box: 'M1', round: 1, decision: 'open', approvals: [{ person: chair.id, pin: TEST_PIN }, { person: vice.id, pin: TEST_PIN }], note }),
  );
  assert.deepEqual(decided.position, { state: 'next', next: 'opened' });
  assert.deepEqual(decided.events.at(-1)!.decidedBy, [chair.id, vice.id]);
  assertBoxCanBeOpened(ctx.db, 'M1', 1);
  const opened = asPerson(ctx, scrutineer.id, () => recordCustodyStep(ctx, stepInput('M1', 'opened')));
  assert.equal(opened.events.at(-1)!.by, scrutineer.id, 'the step names the signed-in person who recorded it');
  const types = (ctx.db.prepare("SELECT type FROM audit_event WHERE subject = 'box:M1' ORDER BY seq").all() as { type: string }[]).map((r) => r.type);
  assert.ok(types.includes('custody.flagged') && types.includes('custody.decision'));
});

test('seal numbers that differ flag the box even when the seals look intact; set aside means never opened', () => {
  const ctx = sampleElection();
  toSealCheck(ctx, 'S1');
  const after = recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'seal-checked', seals: ['F-001', 'F-002', 'F-009'], intact: true });
  assert.equal(after.flagged, true);
  // While the election is still being set up (no committee PIN yet), the decision records no approver.
  const aside = decideFlaggedBox(ctx, { box: 'S1', round: 1, decision: 'set-aside', note: '封条编号不符,票箱封存待查' });
  assert.deepEqual(aside.events.at(-1)!.decidedBy, []);
  assert.throws(() => recordCustodyStep(ctx, stepInput('S1', 'opened')), refusedExpecting('set-aside'));
  assert.throws(
    () => decideFlaggedBox(ctx, { box: 'S1', round: 1, decision: 'open', note: '改变主意' }),
    (e: unknown) => e instanceof ApiError && e.code === 'refused',
  );
});

test('seal numbers compare after normalisation: full-width and case do not flag', () => {
  const ctx = sampleElection();
  toSealCheck(ctx, 'S1');
  const after = recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'seal-checked', seals: ['ｆ-００3', 'f-001', ' F-002 '], intact: true });
  assert.equal(after.flagged, false);
});

test('an unknown box or round is not found', () => {
  const ctx = sampleElection();
  assert.throws(() => recordCustodyStep(ctx, { ...stepInput('X9', 'sealed-empty') }), (e: unknown) => e instanceof ApiError && e.code === 'not-found');
  assert.throws(() => recordCustodyStep(ctx, { ...stepInput('S1', 'sealed-empty'), round: 2 }), (e: unknown) => e instanceof ApiError && e.code === 'not-found');
});

test('seals said intact but not all typed are refused, naming those that match and those still to check; nothing is written', () => {
  const ctx = sampleElection();
  toSealCheck(ctx, 'S1');
  const rows = count(ctx, 'custody_event');
  const audit = count(ctx, 'audit_event');
  assert.throws(
    () => recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'seal-checked', seals: ['f-003'], intact: true }),
    (e: unknown) =>
      e instanceof ApiError &&
      e.code === 'invalid-input' &&
      e.path === 'seals' &&
      /共有 3 张封条，每张都须核对：F-003 相符；还须输入 F-001（空箱封条）、F-002（空箱封条）/.test(e.message) &&
      /still to enter F-001 \(empty-box seal\), F-002 \(empty-box seal\)/.test(e.message),
  );
  assert.equal(count(ctx, 'custody_event'), rows, 'an unfinished check writes nothing');
  assert.equal(count(ctx, 'audit_event'), audit);
  assert.deepEqual(custodyState(ctx.db, 'S1', 1).position, { state: 'next', next: 'seal-checked' });
  // Typed one by one and then all together, the same box is checked intact and not flagged.
  const after = recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'seal-checked', seals: ['F-003', 'F-001', 'F-002'], intact: true });
  assert.equal(after.flagged, false);
});

test('a missing seal with the seals said broken still flags the box for the committee', () => {
  const ctx = sampleElection();
  toSealCheck(ctx, 'S1');
  const after = recordCustodyStep(ctx, { box: 'S1', round: 1, step: 'seal-checked', seals: ['F-003'], intact: false });
  assert.equal(after.flagged, true);
});
