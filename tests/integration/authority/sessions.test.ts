import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { buildApi } from '../../../electron/backend/api';
import { authorizerFor } from '../../../electron/backend/authority/authorize';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { listPeople, revokeRole } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { asPerson, establishAuthority, TEST_PIN } from '../../helpers/authority';
import { sampleDefinition, tempDir } from '../core/helpers';

/** A clock the test moves by hand. */
function handClock(start = Date.parse('2026-05-16T08:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function open(dbFile: string, clock: { now: () => Date }) {
  const ctx = createContext({ dbFile, now: clock.now, actor: 'test' });
  const api = buildApi(ctx);
  const authorize = authorizerFor(ctx);
  const call = (method: string, input: unknown) => dispatch(contract, api, method, input, (e) => assert.fail(String(e)), authorize);
  return { ctx, call };
}

function idOf(ctx: BackendContext, name: string): number {
  return listPeople(ctx).find((p) => p.name === name)!.id;
}

function reason(r: ApiResponse<unknown>): unknown {
  return r.ok ? undefined : (r.error.details as { reason?: unknown } | undefined)?.reason;
}

function setUp() {
  const dbFile = join(tempDir(), 'election.sqlite');
  const clock = handClock();
  const { ctx, call } = open(dbFile, clock);
  createElection(ctx, sampleDefinition());
  const chair = idOf(ctx, '郭志明');
  const desk = idOf(ctx, '丁一');
  const counter = idOf(ctx, '郑丽');
  return { dbFile, clock, ctx, call, chair, desk, counter };
}

test('open until the first committee PIN: anything goes and whoAmI says so; from then on a session is needed', async () => {
  const { ctx, call, chair, desk } = setUp();
  assert.deepEqual((await call('whoAmI', {})) as unknown, { ok: true, value: { authority: 'open', session: null } });
  assert.ok((await call('listPeople', {})).ok);
  // A desk person's first PIN cannot be set before a committee member can sign in to witness it.
  const early = await call('setPin', { person: desk, pin: '135790' });
  assert.equal(reason(early), 'committee-needed');
  establishAuthority(ctx, chair, [{ person: desk }]);
  assert.equal(((await call('whoAmI', {})) as { value: { authority: string } }).value.authority, 'established');
  assert.equal(reason(await call('listPeople', {})), 'sign-in-required');
});

test('a session: sign in, act, sign out; the token is dead afterwards and signing out is recorded', async () => {
  const { ctx, call, chair } = setUp();
  establishAuthority(ctx, chair);
  const signed = await call('signIn', { person: chair, pin: TEST_PIN });
  assert.ok(signed.ok);
  const token = (signed.value as { token: string }).token;
  const me = await call('whoAmI', { session: token });
  assert.deepEqual((me as { value: { session: { name: string; roles: string[] } } }).value.session!.roles, ['committee']);
  assert.ok((await call('listPeople', { session: token })).ok);
  assert.ok((await call('signOut', { session: token })).ok);
  assert.equal(reason(await call('listPeople', { session: token })), 'session-ended');
  const types = (ctx.db.prepare("SELECT type FROM audit_event WHERE type LIKE 'session.%' ORDER BY seq").all() as { type: string }[]).map((r) => r.type);
  assert.deepEqual(types, ['session.signed-in', 'session.signed-out']);
});

test('a session ends after its idle time; a use before then restarts the idle clock; a desk may keep a shift-long one', async () => {
  const { ctx, call, chair, desk, clock } = setUp();
  establishAuthority(ctx, chair, [{ person: desk }]);
  const short = ((await call('signIn', { person: chair, pin: TEST_PIN })) as { value: { token: string; idleMinutes: number } }).value;
  assert.equal(short.idleMinutes, 10);
  const shift = ((await call('signIn', { person: desk, pin: TEST_PIN, idleMinutes: 480 })) as { value: { token: string } }).value;
  clock.advance(9 * 60_000);
  assert.ok((await call('listPeople', { session: short.token })).ok);
  clock.advance(9 * 60_000);
  assert.ok((await call('listPeople', { session: short.token })).ok, 'used 9 minutes ago');
  clock.advance(10 * 60_000 + 1);
  assert.equal(reason(await call('listPeople', { session: short.token })), 'session-ended');
  assert.ok((await call('listPeople', { session: shift.token })).ok, 'the shift-long session is still there');
});

test('signing in for one role acts in that role only; a role revoked mid-session is gone at the next call', async () => {
  const { ctx, call, chair, counter } = setUp();
  establishAuthority(ctx, chair, [{ person: counter }]);
  const wrongRole = await call('signIn', { person: counter, pin: TEST_PIN, role: 'desk' });
  assert.equal(reason(wrongRole), 'role-not-held');
  const c = ((await call('signIn', { person: counter, pin: TEST_PIN, role: 'counter' })) as { value: { token: string; roles: string[] } }).value;
  assert.deepEqual(c.roles, ['counter']);
  assert.notEqual(reason(await call('enterBallot', { session: c.token })), 'role');
  asPerson(ctx, chair, () => revokeRole(ctx, { person: counter, role: 'counter', reason: '身体不适，改由他人计票' }));
  assert.equal(reason(await call('enterBallot', { session: c.token })), 'role');
});

test('five wrong PINs lock the person for a minute (doubling next time); the lock survives reopening the file; checkPin obeys it', async () => {
  const { dbFile, ctx, call, chair, desk, clock } = setUp();
  establishAuthority(ctx, chair, [{ person: desk }]);
  for (let i = 0; i < 4; i++) assert.equal(reason(await call('signIn', { person: desk, pin: '000000' })), 'wrong-pin');
  const fifth = await call('signIn', { person: desk, pin: '000000' });
  assert.equal(reason(fifth), 'pin-locked');
  assert.equal(((fifth as { error: { details: { seconds: number } } }).error.details).seconds, 60);
  ctx.db.close();

  const again = open(dbFile, clock);
  const locked = await again.call('signIn', { person: desk, pin: TEST_PIN });
  assert.equal(reason(locked), 'pin-locked', 'even the right PIN is refused while locked, after a restart');
  const chairSession = ((await again.call('signIn', { person: chair, pin: TEST_PIN })) as { value: { token: string } }).value.token;
  assert.equal(reason(await again.call('checkPin', { session: chairSession, person: desk, pin: TEST_PIN })), 'pin-locked');
  const candidates = ((await again.call('signInCandidates', {})) as { value: { id: number; lockedSeconds: number }[] }).value;
  assert.equal(candidates.find((p) => p.id === desk)!.lockedSeconds, 60);

  clock.advance(61_000);
  for (let i = 0; i < 5; i++) await again.call('signIn', { person: desk, pin: '000000' });
  const second = await again.call('signIn', { person: desk, pin: TEST_PIN });
  assert.equal(((second as { error: { details: { seconds: number } } }).error.details).seconds, 120, 'the second lock lasts twice as long');
  clock.advance(121_000);
  assert.ok((await again.call('signIn', { person: desk, pin: TEST_PIN })).ok, 'the right PIN works once the lock is over');
  const failures = (again.ctx.db.prepare("SELECT count(*) AS n FROM audit_event WHERE type = 'pin.failed'").get() as { n: number }).n;
  assert.equal(failures, 10);
});

test('a PIN must be 6 to 12 digits; a change needs the current PIN or another committee member; a reset is recorded', async () => {
  const { ctx, call, chair, desk } = setUp();
  establishAuthority(ctx, chair, [{ person: desk }]);
  const chairToken = ((await call('signIn', { person: chair, pin: TEST_PIN })) as { value: { token: string } }).value.token;
  const deskToken = ((await call('signIn', { person: desk, pin: TEST_PIN })) as { value: { token: string } }).value.token;
  const short = await call('setPin', { session: deskToken, person: desk, pin: '1234' });
  assert.equal(short.ok ? null : short.error.code, 'invalid-input');
  assert.equal(reason(await call('setPin', { session: deskToken, person: desk, pin: '975310' })), 'current-pin-needed');
  assert.ok((await call('setPin', { session: deskToken, person: desk, pin: '975310', currentPin: TEST_PIN })).ok);
  assert.equal(reason(await call('setPin', { session: chairToken, person: chair, pin: '975310' })), 'current-pin-needed', 'not one\'s own without the current PIN');
  assert.ok((await call('setPin', { session: chairToken, person: desk, pin: '864200' })).ok, 'a committee reset');
  const reset = ctx.db.prepare("SELECT actor, subject, detail_json FROM audit_event WHERE type = 'pin.reset'").get() as { actor: string; subject: string; detail_json: string };
  assert.equal(reset.subject, `person:${desk}`);
  assert.match(reset.actor, /郭志明/);
  assert.deepEqual(JSON.parse(reset.detail_json), { how: 'reset', witness: '郭志明' });
  assert.ok((await call('signIn', { person: desk, pin: '864200' })).ok);
});
