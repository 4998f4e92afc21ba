import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import { canonicalJson } from '../../../electron/backend/audit/canonical';
import type { BackendContext } from '../../../electron/backend/context';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { certificateOf, closePoll, issue, makeElection, openPoll, PIN } from '../counting/helpers';
import { addDeskOfficial } from './staff';

/**
 * Re-sent writes through the contract, as a client re-sends after a lost answer: once in the file, same answer.
 * Each write is sent by a signed-in person of the role it needs.
 */

type Call = (method: string, input: unknown) => Promise<ApiResponse<any>>;

/** Calls through the contract signed in as the person (their session beside every input). */
async function caller(ctx: BackendContext, person: number): Promise<Call> {
  const api = buildApi(ctx);
  const signIn = await dispatch(contract, api, 'signIn', { person, pin: PIN });
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
  const token = (signIn.value as { token: string }).token;
  return (method, input) => dispatch(contract, api, method, { ...(input as object), [SESSION_FIELD]: token });
}

function rows(ctx: BackendContext, sql: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
}

const key = (n: number) => `test-key-${String(n).padStart(8, '0')}`;
const FOR_C1 = { marks: { chair: { for: ['c1'] } } };
const FOR_C2 = { marks: { chair: { for: ['c2'] } } };

async function countingElection() {
  const { ctx, people } = await makeElection({ voters: 10 });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, 6);
  closePoll(ctx, 1);
  const scrutineer = await caller(ctx, people['谢文']!);
  assert.equal((await scrutineer('openBox', { round: 1, box: 'C1' })).ok, true);
  const call = await caller(ctx, people['郑丽']!);
  return { ctx, people, call, scrutineer };
}

test('a re-sent ballot entry (same key) answers "already entered" with the same position and writes nothing', async () => {
  const { ctx, call } = await countingElection();
  const first = await call('enterBallot', { round: 1, box: 'C1', ballot: FOR_C1, position: 1, requestKey: key(1) });
  const stored = { box: 'C1', sheet: 'A', position: 1, content: FOR_C1, ruling: null };
  assert.deepEqual(first, { ok: true, value: { box: 'C1', sheet: 'A', position: 1, alreadyEntered: false, ballot: stored } });
  const audit = rows(ctx, 'audit_event');
  const again = await call('enterBallot', { round: 1, box: 'C1', ballot: FOR_C1, position: 1, requestKey: key(1) });
  assert.deepEqual(again, { ok: true, value: { box: 'C1', sheet: 'A', position: 1, alreadyEntered: true, ballot: stored } });
  assert.equal(rows(ctx, 'ballot'), 1);
  assert.equal(rows(ctx, 'audit_event'), audit, 'a re-send leaves no trace');
  // The next ballot, with the same marks but its own key, is a new ballot.
  const second = await call('enterBallot', { round: 1, box: 'C1', ballot: FOR_C1, position: 2, requestKey: key(2) });
  assert.equal(second.ok && second.value.position, 2);
  assert.equal(rows(ctx, 'ballot'), 2);
});

test('the same key with other content, a taken position or a position ahead is a conflict and changes nothing', async () => {
  const { ctx, call } = await countingElection();
  await call('enterBallot', { round: 1, box: 'C1', ballot: FOR_C1, position: 1, requestKey: key(1) });
  const before = rows(ctx, 'audit_event');
  const cases: [unknown, string][] = [
    [{ ballot: FOR_C2, position: 1, requestKey: key(1) }, 'entry-key-reused'],
    [{ ballot: FOR_C1, position: 1, requestKey: key(2) }, 'position-taken'],
    [{ ballot: FOR_C2, position: 1 }, 'position-taken'],
    [{ ballot: FOR_C1, position: 3, requestKey: key(3) }, 'position-ahead'],
  ];
  for (const [extra, reason] of cases) {
    const r = await call('enterBallot', { round: 1, box: 'C1', ...(extra as object) });
    assert.equal(r.ok, false, JSON.stringify(extra));
    if (!r.ok) {
      assert.equal(r.error.code, 'conflict');
      assert.equal((r.error.details as { reason: string }).reason, reason);
      assert.match(r.error.message, /nothing was entered/);
    }
  }
  assert.equal(rows(ctx, 'ballot'), 1);
  assert.equal(rows(ctx, 'audit_event'), before);
  // Without a key (the command line), the same content at the expected position is taken as already entered.
  const cli = await call('enterBallot', { round: 1, box: 'C1', ballot: FOR_C1, position: 1 });
  assert.deepEqual(cli, { ok: true, value: { box: 'C1', sheet: 'A', position: 1, alreadyEntered: true, ballot: { box: 'C1', sheet: 'A', position: 1, content: FOR_C1, ruling: null } } });
});

test('a re-sent issuance answers the first issuance again; without the key it is refused as already issued', async () => {
  const { ctx, people } = await makeElection({ voters: 10 });
  openPoll(ctx, 1);
  const call = await caller(ctx, addDeskOfficial(ctx, people));
  const input = { certificate: certificateOf(1), round: 1, desk: 'C1', requestKey: key(1) };
  const first = await call('issueBallot', input);
  assert.equal(first.ok, true);
  const again = await call('issueBallot', input);
  assert.deepEqual(again, first, 'the same answer, the same time of issue');
  assert.equal(rows(ctx, 'issuance'), 1);
  const unkeyed = await call('issueBallot', { certificate: certificateOf(1), round: 1, desk: 'C1' });
  assert.equal(!unkeyed.ok && (unkeyed.error.details as { reason: string }).reason, 'already-issued');
});

test('spoiled exchange, ballot stock and custody steps are done once per key', async () => {
  const { ctx, people } = await makeElection({ voters: 10 });
  openPoll(ctx, 1);
  const call = await caller(ctx, addDeskOfficial(ctx, people));
  for (let i = 0; i < 2; i++) {
    const r = await call('exchangeSpoiled', { round: 1, desk: 'C1', requestKey: key(10) });
    assert.equal(r.ok && r.value.spoiled, 1);
    const s = await call('receiveBallots', { box: 'C1', round: 1, count: 5, requestKey: key(11) });
    assert.equal(s.ok && s.value.received, 105);
  }
  assert.equal(rows(ctx, "ballot_stock_movement WHERE kind = 'received'"), 2, 'the opening stock and one re-sent receipt');
  const spoiledTwice = await call('exchangeSpoiled', { round: 1, desk: 'C1', requestKey: key(12) });
  assert.equal(spoiledTwice.ok && spoiledTwice.value.spoiled, 2, 'a new key is a new exchange');
  const reused = await call('receiveBallots', { box: 'C1', round: 1, count: 6, requestKey: key(11) });
  assert.equal(!reused.ok && reused.error.code, 'conflict', 'the same key with another input');
  assert.equal(!reused.ok && reused.error.path, 'requestKey');
  for (let i = 0; i < 2; i++) {
    const r = await call('recordCustodyStep', { box: 'C1', round: 1, step: 'sealed-closed', seals: ['C1-1-b'], requestKey: key(13) });
    assert.equal(r.ok, true, JSON.stringify(r));
  }
  assert.equal(rows(ctx, "custody_event WHERE step = 'sealed-closed'"), 1);
});

test('a refusal is not kept: the re-send is judged again', async () => {
  const { ctx, people } = await makeElection({ voters: 10 });
  const call = await caller(ctx, addDeskOfficial(ctx, people));
  const input = { certificate: certificateOf(1), round: 1, desk: 'C1', requestKey: key(20) };
  const refusedFirst = await call('issueBallot', input);
  assert.equal(!refusedFirst.ok && (refusedFirst.error.details as { reason: string }).reason, 'round-not-voting');
  openPoll(ctx, 1);
  assert.equal((await call('issueBallot', input)).ok, true);
  assert.equal(rows(ctx, 'issuance'), 1);
});

test('a malformed request key, or one sent to a read, is bad input naming the field', async () => {
  const { ctx, people } = await makeElection({ voters: 2 });
  const call = await caller(ctx, addDeskOfficial(ctx, people));
  const short = await call('exchangeSpoiled', { round: 1, desk: 'C1', requestKey: 'x' });
  assert.equal(!short.ok && short.error.code, 'invalid-input');
  assert.equal(!short.ok && short.error.path, 'requestKey');
  const read = await call('ballotStock', { round: 1, requestKey: key(30) });
  assert.equal(!read.ok && read.error.code, 'invalid-input');
  assert.match(!read.ok ? read.error.message : '', /requestKey/);
});

test('a re-sent sign-off is answered as signed once; the stored receipt keeps no trace of the PIN', async () => {
  const { ctx, call, people, scrutineer } = await countingElection();
  await scrutineer('recordBallotsFound', { round: 1, box: 'C1', found: 6 });
  for (let i = 0; i < 6; i++) await call('enterBallot', { round: 1, box: 'C1', ballot: i < 4 ? FOR_C1 : FOR_C2, position: i + 1, requestKey: key(100 + i) });
  assert.equal((await call('finishBox', { round: 1, box: 'C1', requestKey: key(40) })).ok, true);
  const result = await scrutineer('computeResults', { round: 1 });
  assert.equal(result.ok, true);
  const input = { round: 1, role: 'counter', pin: PIN, requestKey: key(41) };
  const first = await call('signResult', input);
  assert.equal(first.ok, true, JSON.stringify(first));
  assert.deepEqual(await call('signResult', input), first);
  assert.equal(rows(ctx, 'signoff'), 1);
  const stored = ctx.db.prepare('SELECT input_hash, answer_json FROM request_receipt WHERE key = ?').get(key(41)) as { input_hash: string; answer_json: string };
  const { requestKey: _k, ...bare } = input;
  for (const pin of [PIN, '0000', '9999']) {
    const guess = createHash('sha256').update(canonicalJson({ method: 'signResult', input: { ...bare, pin } })).digest('hex');
    assert.notEqual(stored.input_hash, guess);
  }
  assert.doesNotMatch(stored.answer_json, new RegExp(`"${PIN}"`));
});
