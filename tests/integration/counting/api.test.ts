import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import type { BackendContext } from '../../../electron/backend/context';
import { readAuditEvents } from '../../../electron/backend/audit';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { signedIn, type Call } from '../../helpers/authority';
import { approvalBy, closePoll, issue, makeElection, openPoll, PIN } from './helpers';

const GOOD = { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } };

/** The raw answer of a call through the contract, and a call that fails the test on any error. */
function callers(ctx: BackendContext) {
  const api = buildApi(ctx);
  const internal: unknown[] = [];
  const raw = (method: string, input: unknown): Promise<ApiResponse<unknown>> => dispatch(contract, api, method, input, (err) => internal.push(err));
  const call: Call = async (method, input) => {
    const r = await raw(method, input);
    if (!r.ok) assert.fail(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(internal.at(-1) ?? '')}`);
    return r.value;
  };
  /** Signs in through the contract and answers raw results with the session added. */
  const rawAs = async (person: number | undefined, extra: Record<string, unknown> = {}) => {
    const s = (await call('signIn', { person, pin: PIN, ...extra })) as { token: string };
    return (method: string, input: object) => raw(method, { ...input, session: s.token });
  };
  return { raw, call, rawAs, internal };
}

function ok(r: ApiResponse<unknown>): unknown {
  if (!r.ok) assert.fail(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function refusal(r: ApiResponse<unknown>): { code: string; message: string; reason: unknown } {
  assert.equal(r.ok, false, 'refused');
  if (r.ok) throw new Error('unreachable');
  return { code: r.error.code, message: r.error.message, reason: (r.error.details as { reason?: unknown } | undefined)?.reason };
}

/** Every counting and results method through the contract, each by the person whose work it is. */
test('counting, double entry, results, standing, sign-off and tally sheet through the API contract', async () => {
  const { ctx, people } = await makeElection({ voters: 12 });
  const { call, raw, internal } = callers(ctx);
  const committee = await signedIn(call, people['郭志明']!);
  const scrutineer = await signedIn(call, people['谢文']!);
  const counterA = await signedIn(call, people['郑丽']!);
  const counterB = await signedIn(call, people['马涛']!);
  const caller = await signedIn(call, people['胡斌']!);
  await committee('setDoubleEntry', { enabled: true });
  assert.deepEqual(await caller('countingSettings', {}), { doubleEntry: true });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 8);
  closePoll(ctx, 1);
  await scrutineer('openBox', { round: 1, box: 'C1' });
  const opened = ctx.db.prepare("SELECT by_person_id FROM custody_event WHERE box_id = 'C1' AND step = 'opened'").get() as { by_person_id: number };
  assert.equal(opened.by_person_id, people['谢文'], 'the box is opened by the signed-in scrutineer');
  await scrutineer('recordBallotsFound', { round: 1, box: 'C1', found: 8 });
  for (const [sheet, counter] of [['A', counterA], ['B', counterB]] as const) {
    for (let i = 0; i < 7; i++) await counter('enterBallot', { round: 1, box: 'C1', sheet, ballot: GOOD });
    await counter('enterBallot', { round: 1, box: 'C1', sheet, ballot: { doubtful: { note: '有涂改' } } });
  }
  const view = (await caller('countingOverview', { round: 1 })) as { sheets: { sheet: string; counter: string }[] }[];
  assert.deepEqual(view[0]!.sheets.map((s) => [s.sheet, s.counter]), [['A', '郑丽'], ['B', '马涛']]);
  await committee('ruleDoubtful', { round: 1, box: 'C1', position: 8, ruling: { void: 'other' }, approval: approvalBy(people['何玉兰']), reason: '涂改无法确认' });
  const bad = await counterA('enterBallot', { round: 1, box: 'C1', ballot: { marks: {}, void: 'other' } }).catch((e: Error) => e);
  assert.match(String(bad), /invalid-input/);
  assert.deepEqual(await caller('boxDisagreements', { round: 1, box: 'C1' }), []);
  assert.equal(((await counterA('finishBox', { round: 1, box: 'C1' })) as { accepted: boolean }).accepted, true);
  assert.equal(((await caller('boxBallots', { round: 1, box: 'C1', sheet: 'B' })) as unknown[]).length, 8);
  assert.deepEqual(await caller('ballotChanges', { round: 1 }), []);
  const res = (await committee('computeResults', { round: 1 })) as { resultHash: string; record: unknown };
  assert.equal(((await caller('storedResult', { round: 1 })) as { resultHash: string }).resultHash, res.resultHash);
  assert.deepEqual(await caller('exportRecord', { round: 1 }), res.record);
  const signed = (await caller('signResult', { round: 1, role: 'caller', pin: PIN, resultHash: res.resultHash })) as { name: string };
  assert.equal(signed.name, '胡斌');
  await committee('signResult', { round: 1, role: 'committee-chair', pin: PIN });
  assert.equal(((await caller('listSignoffs', { round: 1 })) as unknown[]).length, 2);
  const sheet = (await caller('tallySheet', { round: 1 })) as { counts: { void: number } };
  assert.equal(sheet.counts.void, 1);
  const standing = (await caller('electionStanding', {})) as { electedTotal: number; minimumMet: boolean; outstanding: number };
  assert.equal(standing.electedTotal, 3);
  // Every one of the 3 seats is filled: the minimum of 5 cannot ask for more members than there are seats.
  assert.equal(standing.minimumMet, true);
  assert.equal(standing.outstanding, 0);
  const reopened = (await committee('reopenCount', { round: 1, reason: '演示重新开放', approvals: [approvalBy(people['郭志明'])] })) as { revoked: unknown[] };
  assert.equal(reopened.revoked.length, 2);
  const unsigned = await raw('enterBallot', { round: 1, box: 'C1', ballot: GOOD });
  assert.equal(refusal(unsigned).reason, 'sign-in-required');
  assert.deepEqual(internal, []);
});

async function countedRound() {
  const e = await makeElection({ voters: 12 });
  const { ctx, people } = e;
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 3);
  closePoll(ctx, 1);
  const { call } = callers(ctx);
  const scrutineer = await signedIn(call, people['谢文']!);
  const counter = await signedIn(call, people['郑丽']!);
  await scrutineer('openBox', { round: 1, box: 'C1' });
  await scrutineer('recordBallotsFound', { round: 1, box: 'C1', found: 3 });
  await counter('enterBallot', { round: 1, box: 'C1', ballot: GOOD });
  await counter('enterBallot', { round: 1, box: 'C1', ballot: { doubtful: { note: '勾在框外' } } });
  await counter('enterBallot', { round: 1, box: 'C1', ballot: GOOD });
  return e;
}

/** The counted round ruled, accepted and computed, with the chair and a counter signed in. */
async function computedRound() {
  const e = await countedRound();
  const { rawAs } = callers(e.ctx);
  const committee = await rawAs(e.people['郭志明']);
  const counter = await rawAs(e.people['郑丽']);
  ok(await committee('ruleDoubtful', { round: 1, box: 'C1', position: 2, ruling: { void: 'other' }, approval: approvalBy(e.people['郭志明']), reason: '无法确认' }));
  ok(await counter('finishBox', { round: 1, box: 'C1' }));
  ok(await committee('computeResults', { round: 1 }));
  return { ...e, rawAs, committee, counter };
}

test('a desk person cannot rule a doubtful ballot, even with a committee PIN; the refusal names the role and changes nothing', async () => {
  const { ctx, people } = await countedRound();
  const { rawAs } = callers(ctx);
  const desk = await rawAs(people['孙丽']);
  const before = readAuditEvents(ctx.db).filter((e) => e.type === 'counting.doubtful-ruled').length;
  const r = await desk('ruleDoubtful', { round: 1, box: 'C1', position: 2, ruling: { void: 'other' }, approval: approvalBy(people['郭志明']), reason: '无法确认' });
  const refused = refusal(r);
  assert.deepEqual([refused.code, refused.reason], ['refused', 'role']);
  assert.match(refused.message, /孙丽 \(desk staff\) may not do this \(ruleDoubtful\)/);
  assert.equal(readAuditEvents(ctx.db).filter((e) => e.type === 'counting.doubtful-ruled').length, before);
  assert.equal((ctx.db.prepare("SELECT count(*) AS n FROM audit_event WHERE type = 'pin.failed'").get() as { n: number }).n, 0, 'no PIN was even checked');
  // The committee member signed in rules, with a committee PIN typed at the moment.
  const committee = await rawAs(people['何玉兰']);
  ok(await committee('ruleDoubtful', { round: 1, box: 'C1', position: 2, ruling: { void: 'other' }, approval: approvalBy(people['郭志明']), reason: '无法确认' }));
});

test('a counter cannot reopen a count; a committee member reopens it only with a committee PIN', async () => {
  const { ctx, people, rawAs, committee, counter } = await computedRound();
  ok(await counter('signResult', { round: 1, role: 'counter', pin: PIN }));
  const r = refusal(await counter('reopenCount', { round: 1, reason: '想重新计票', approvals: [approvalBy(people['郭志明'])] }));
  assert.deepEqual([r.code, r.reason], ['refused', 'role']);
  const none = refusal(await committee('reopenCount', { round: 1, reason: '重新清点', approvals: [] }));
  assert.equal(none.reason, 'approvals-needed');
  const wrong = refusal(await committee('reopenCount', { round: 1, reason: '重新清点', approvals: [{ person: people['郭志明']!, pin: '000000' }] }));
  assert.equal(wrong.reason, 'wrong-pin');
  const signoffs = ctx.db.prepare('SELECT count(*) AS n FROM signoff WHERE revoked_at IS NULL').get() as { n: number };
  assert.equal(signoffs.n, 1, 'nothing was revoked');
  ok(await committee('reopenCount', { round: 1, reason: '重新清点', approvals: [approvalBy(people['郭志明'])] }));
});

test('a scrutineer signs only as themself: no person to name, no role they do not hold or act in, no PIN but their own', async () => {
  const { ctx, people, rawAs, committee, counter } = await computedRound();
  // The caller 胡斌 gets a PIN of his own (a committee reset), which the scrutineer 徐静 has seen.
  const HIS_PIN = '135790';
  ok(await committee('setPin', { person: people['胡斌'], pin: HIS_PIN }));
  ok(await committee('grantRole', { person: people['徐静'], role: 'chief-counter' }));
  const scrutineer = await rawAs(people['徐静'], { role: 'scrutineer' });
  const naming = await scrutineer('signResult', { round: 1, person: people['胡斌'], role: 'caller', pin: HIS_PIN });
  assert.equal(naming.ok ? '' : naming.error.code, 'invalid-input', 'the input has no person to name');
  assert.match(refusal(await scrutineer('signResult', { round: 1, role: 'caller', pin: HIS_PIN })).message, /徐静 does not hold the role caller/);
  assert.match(refusal(await scrutineer('signResult', { round: 1, role: 'scrutineer', pin: HIS_PIN })).message, /wrong PIN for 徐静/);
  // 徐静 holds chief-counter too, but signed in only as a scrutineer.
  assert.match(refusal(await scrutineer('signResult', { round: 1, role: 'chief-counter', pin: PIN })).message, /徐静 does not hold the role chief counter/);
  ok(await scrutineer('signResult', { round: 1, role: 'scrutineer', pin: PIN }));
  assert.deepEqual(ctx.db.prepare('SELECT person_id, name, role FROM signoff').all(), [{ person_id: people['徐静'], name: '徐静', role: 'scrutineer' }]);
  const refusedFor = readAuditEvents(ctx.db).filter((e) => e.type === 'signoff.refused').map((e) => [e.detail.person, e.detail.reason]);
  assert.deepEqual(refusedFor, [[people['徐静'], 'role-not-held'], [people['徐静'], 'wrong-pin'], [people['徐静'], 'role-not-held']]);
});

test('a ruling sent with a request key checks the committee PIN before its receipt: a wrong one is counted, a re-send asks it again and answers once', async () => {
  const { ctx, people } = await countedRound();
  const { rawAs } = callers(ctx);
  const committee = await rawAs(people['何玉兰']);
  const chair = people['郭志明']!;
  const ruling = { round: 1, box: 'C1', position: 2, ruling: { void: 'other' }, reason: '无法确认' };
  const wrong = refusal(await committee('ruleDoubtful', { ...ruling, approval: { person: chair, pin: '000000' }, requestKey: 'k'.repeat(20) }));
  assert.equal(wrong.reason, 'wrong-pin');
  assert.deepEqual(ctx.db.prepare('SELECT failures FROM pin_guard WHERE person_id = ?').get(chair), { failures: 1 }, 'the wrong PIN is counted');
  const key = { requestKey: 'r'.repeat(20) };
  const first = ok(await committee('ruleDoubtful', { ...ruling, approval: approvalBy(chair), ...key }));
  const wrongAgain = refusal(await committee('ruleDoubtful', { ...ruling, approval: { person: chair, pin: '000000' }, ...key }));
  assert.equal(wrongAgain.reason, 'wrong-pin', 'a re-send asks the PIN again before its receipt answers');
  const again = ok(await committee('ruleDoubtful', { ...ruling, approval: approvalBy(chair), ...key }));
  assert.deepEqual(again, first, 'a re-send answers the first answer');
  const stored = ctx.db.prepare("SELECT count(*) AS n FROM request_receipt WHERE method = 'ruleDoubtful'").get() as { n: number };
  assert.equal(stored.n, 1);
  assert.equal(readAuditEvents(ctx.db).filter((e) => e.type === 'counting.doubtful-ruled').length, 1);
});
