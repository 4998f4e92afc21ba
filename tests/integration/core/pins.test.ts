import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { buildApi } from '../../../electron/backend/api';
import { authorizerFor } from '../../../electron/backend/authority/authorize';
import { readAuditEvents } from '../../../electron/backend/audit';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { count, sampleDefinition, tempDir } from './helpers';

/** The sample election on a file, with a clock the test moves. */
function station(file = join(tempDir(), 'election.sqlite'), clock = { t: Date.parse('2026-05-16T08:00:00Z') }) {
  const ctx = createContext({ dbFile: file, now: () => new Date(clock.t), actor: 'test' });
  return { ctx, file, clock };
}

function ids(ctx: BackendContext): (name: string) => number {
  const people = listPeople(ctx);
  return (name) => people.find((p) => p.name === name)!.id;
}

async function call(ctx: BackendContext, method: string, input: unknown): Promise<ApiResponse<unknown>> {
  return dispatch(contract, buildApi(ctx), method, input, (err) => assert.fail(`internal error: ${String(err)}`), authorizerFor(ctx));
}

/** Signs the person in through the contract; the returned call sends that session with every input. */
async function as(ctx: BackendContext, person: number, pin = TEST_PIN) {
  const r = await call(ctx, 'signIn', { person, pin });
  assert.ok(r.ok, JSON.stringify(r));
  const { token } = r.value as { token: string };
  return (method: string, input: Record<string, unknown>) => call(ctx, method, { ...input, session: token });
}

function refusedFor(r: ApiResponse<unknown>, reason: string): void {
  assert.ok(!r.ok, JSON.stringify(r));
  assert.equal(r.error.code, 'refused', r.error.message);
  assert.equal((r.error.details as { reason: string }).reason, reason, r.error.message);
}

function pinEvents(ctx: BackendContext, type: string) {
  return readAuditEvents(ctx.db, { limit: 10_000 }).filter((e) => e.type === type);
}

test('a first PIN is set only while a committee member is signed in, who is recorded as witness', async () => {
  const { ctx } = station();
  createElection(ctx, sampleDefinition());
  const id = ids(ctx);
  // While the file is being set up, only a committee member's very first PIN can be set.
  refusedFor(await call(ctx, 'setPin', { person: id('谢文'), pin: TEST_PIN }), 'committee-needed');
  establishAuthority(ctx, id('郭志明'), [{ person: id('胡斌') }]);
  refusedFor(await call(ctx, 'setPin', { person: id('谢文'), pin: TEST_PIN }), 'sign-in-required');
  // Signed in, but not on the committee: refused.
  const caller = await as(ctx, id('胡斌'));
  refusedFor(await caller('setPin', { person: id('谢文'), pin: TEST_PIN }), 'committee-needed');
  assert.equal(count(ctx, "person WHERE pin_hash IS NOT NULL AND name = '谢文'"), 0);
  // Too short or too long a PIN is bad input, naming the field.
  const chair = await as(ctx, id('郭志明'));
  for (const pin of ['12345', '1234567890123', '12ab56']) {
    const bad = await chair('setPin', { person: id('谢文'), pin });
    assert.ok(!bad.ok && bad.error.code === 'invalid-input' && /pin/.test(bad.error.message), JSON.stringify(bad));
  }
  const ok = await chair('setPin', { person: id('谢文'), pin: TEST_PIN });
  assert.ok(ok.ok, JSON.stringify(ok));
  const set = pinEvents(ctx, 'pin.set').at(-1)!;
  assert.equal(set.subject, `person:${id('谢文')}`);
  assert.deepEqual(set.detail, { how: 'first', witness: '郭志明' });
});

test('a PIN change needs the current PIN, or a reset by another committee member (audited as a reset)', async () => {
  const { ctx } = station();
  createElection(ctx, sampleDefinition());
  const id = ids(ctx);
  establishAuthority(ctx, id('郭志明'), [{ person: id('何玉兰') }, { person: id('谢文') }, { person: id('胡斌') }]);
  const xie = await as(ctx, id('谢文'));
  refusedFor(await xie('setPin', { person: id('谢文'), pin: '13572468' }), 'current-pin-needed');
  refusedFor(await xie('setPin', { person: id('谢文'), pin: '13572468', currentPin: '000000' }), 'wrong-pin');
  assert.ok((await xie('setPin', { person: id('谢文'), pin: '13572468', currentPin: TEST_PIN })).ok);
  assert.deepEqual(pinEvents(ctx, 'pin.set').at(-1)!.detail, { how: 'changed', witness: '谢文' });
  // Someone else who is not on the committee cannot reset it; a committee member can, and it is logged as a reset.
  const hu = await as(ctx, id('胡斌'));
  refusedFor(await hu('setPin', { person: id('谢文'), pin: '24682468' }), 'current-pin-needed');
  const chair = await as(ctx, id('郭志明'));
  refusedFor(await chair('setPin', { person: id('郭志明'), pin: '24682468' }), 'current-pin-needed');
  assert.ok((await chair('setPin', { person: id('谢文'), pin: '24682468' })).ok);
  const reset = pinEvents(ctx, 'pin.reset');
  assert.equal(reset.length, 1);
  assert.equal(reset[0]!.subject, `person:${id('谢文')}`);
  assert.match(reset[0]!.actor ?? '', /郭志明/);
  assert.ok((await call(ctx, 'signIn', { person: id('谢文'), pin: '24682468' })).ok, 'the reset PIN works');
});

test('five wrong PINs lock the person for a minute, and the lock survives closing and reopening the file', async () => {
  const first = station();
  createElection(first.ctx, sampleDefinition());
  const id = ids(first.ctx);
  establishAuthority(first.ctx, id('郭志明'), [{ person: id('谢文') }]);
  const xie = id('谢文');
  for (let i = 1; i <= 4; i++) refusedFor(await call(first.ctx, 'signIn', { person: xie, pin: '111111' }), 'wrong-pin');
  refusedFor(await call(first.ctx, 'signIn', { person: xie, pin: '111111' }), 'pin-locked');
  refusedFor(await call(first.ctx, 'signIn', { person: xie, pin: TEST_PIN }), 'pin-locked');
  first.ctx.db.close();

  first.clock.t += 30_000;
  const again = station(first.file, first.clock);
  const locked = await call(again.ctx, 'signIn', { person: xie, pin: TEST_PIN });
  refusedFor(locked, 'pin-locked');
  assert.ok((locked as { error: { details: { seconds: number } } }).error.details.seconds <= 30);
  again.clock.t += 31_000;
  assert.ok((await call(again.ctx, 'signIn', { person: xie, pin: TEST_PIN })).ok, 'a minute later the right PIN works');
});

test('a lockout that follows another without a right PIN between lasts twice as long', async () => {
  const { ctx, clock } = station();
  createElection(ctx, sampleDefinition());
  const id = ids(ctx);
  establishAuthority(ctx, id('郭志明'), [{ person: id('谢文') }]);
  const wrongFive = async () => {
    for (let i = 1; i <= 5; i++) await call(ctx, 'signIn', { person: id('谢文'), pin: '111111' });
    const r = await call(ctx, 'signIn', { person: id('谢文'), pin: TEST_PIN });
    refusedFor(r, 'pin-locked');
    return (r as { error: { details: { seconds: number } } }).error.details.seconds;
  };
  assert.equal(await wrongFive(), 60);
  clock.t += 61_000;
  assert.equal(await wrongFive(), 120);
  clock.t += 121_000;
  assert.ok((await call(ctx, 'signIn', { person: id('谢文'), pin: TEST_PIN })).ok);
});

test('desk staff cannot add offices: refused for their role, nothing added', async () => {
  const { ctx } = station();
  createElection(ctx, sampleDefinition());
  const id = ids(ctx);
  establishAuthority(ctx, id('郭志明'), [{ person: id('丁一') }]);
  const desk = await as(ctx, id('丁一'));
  const offices = count(ctx, 'office');
  const r = await desk('addOffice', { id: 'extra', title: '委员（补）', rank: 9, seats: 1 });
  refusedFor(r, 'role');
  assert.match((r as { error: { message: string } }).error.message, /丁一.*选举委员会成员.*\/.*may not do this \(addOffice\)/);
  assert.equal(count(ctx, 'office'), offices);
  assert.equal(pinEvents(ctx, 'access.refused').length, 1);
});
