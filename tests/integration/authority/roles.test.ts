import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { METHOD_ACCESS, rolesMayCall, type Access } from '../../../shared/api/access';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain/authority';
import { buildApi } from '../../../electron/backend/api';
import { authorizerFor } from '../../../electron/backend/authority/authorize';
import { createContext } from '../../../electron/backend/context';
import { addOfficial, listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { sampleDefinition, tempDir } from '../core/helpers';

/**
 * Generated from the contract: every method × every role (and nobody signed in) is called through dispatch with the
 * transports' own check. A role the method's entry in METHOD_ACCESS does not list is refused before the input is
 * read; a listed one gets past the check (to whatever the input then earns). A new method without an entry fails the
 * type check of shared/api/access.ts, and this test lists it too.
 */

const FIXED = new Date('2026-05-16T08:00:00Z');

function setUp() {
  const ctx = createContext({ dbFile: join(tempDir(), 'election.sqlite'), now: () => FIXED, actor: 'test' });
  createElection(ctx, sampleDefinition());
  addOfficial(ctx, { name: '钱总计', roles: ['chief-counter'] });
  const people = listPeople(ctx);
  const byRole = new Map<StaffRole, number>();
  for (const p of people) {
    if (p.committee && p.roles.length === 0 && !byRole.has('committee')) byRole.set('committee', p.id);
    if (p.roles.length === 1 && !p.committee) byRole.set(p.roles[0]!.role, p.id);
  }
  assert.deepEqual([...byRole.keys()].sort(), [...STAFF_ROLES].sort(), 'one person holding exactly each role');
  const committee = byRole.get('committee')!;
  establishAuthority(ctx, committee, [...byRole.entries()].filter(([r]) => r !== 'committee').map(([, person]) => ({ person })));
  const api = buildApi(ctx);
  const authorize = authorizerFor(ctx);
  const call = (method: string, input: unknown) => dispatch(contract, api, method, input, (e) => assert.fail(String(e)), authorize);
  return { ctx, byRole, call };
}

function refusalReason(r: ApiResponse<unknown>): unknown {
  return r.ok ? undefined : (r.error.details as { reason?: unknown } | undefined)?.reason;
}

test('every contract method has an access entry, and no entry names a method that does not exist', () => {
  assert.deepEqual(Object.keys(METHOD_ACCESS).sort(), Object.keys(contract).sort());
});

test('every method × every role: allowed exactly when METHOD_ACCESS lists the role; nobody signed in reaches only "anyone" methods', async () => {
  const { byRole, call } = setUp();
  const tokens = new Map<StaffRole, string>();
  for (const [role, person] of byRole) {
    const r = await call('signIn', { person, pin: TEST_PIN });
    assert.ok(r.ok, `${role} signs in`);
    tokens.set(role, (r.value as { token: string }).token);
  }
  const walked = Object.keys(contract).filter((m) => m !== 'signOut');
  let checked = 0;
  for (const method of walked) {
    const access = METHOD_ACCESS[method as keyof typeof METHOD_ACCESS] as Access;
    const anonymous = await call(method, {});
    if (access === 'anyone') assert.notEqual(refusalReason(anonymous), 'sign-in-required', `${method} needs no sign-in`);
    else assert.equal(refusalReason(anonymous), 'sign-in-required', `${method} without a session`);
    for (const role of STAFF_ROLES) {
      const answer = await call(method, { session: tokens.get(role) });
      const mayCall = rolesMayCall(access, [role]);
      if (mayCall) assert.notEqual(refusalReason(answer), 'role', `${role} may call ${method}: ${JSON.stringify(answer)}`);
      else {
        assert.equal(refusalReason(answer), 'role', `${role} may not call ${method}: ${JSON.stringify(answer)}`);
        assert.equal(answer.ok, false);
        if (!answer.ok) assert.equal(answer.error.code, 'refused');
      }
      checked++;
    }
  }
  assert.equal(checked, walked.length * STAFF_ROLES.length);
});

test('a refusal by role changes nothing but its own audit line, and names the person and the roles that may', async () => {
  const { ctx, byRole, call } = setUp();
  const desk = byRole.get('desk')!;
  const signed = await call('signIn', { person: desk, pin: TEST_PIN });
  assert.ok(signed.ok);
  const session = (signed.value as { token: string }).token;
  const before = (ctx.db.prepare('SELECT count(*) AS n FROM office').get() as { n: number }).n;
  const r = await call('addOffice', { session, id: 'x', title: '新职位', seats: 1, minSeats: 1 });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.error.message, /丁一/);
    assert.match(r.error.message, /选举委员会成员/);
    assert.deepEqual((r.error.details as { allowed: string[] }).allowed, ['committee']);
  }
  assert.equal((ctx.db.prepare('SELECT count(*) AS n FROM office').get() as { n: number }).n, before);
  const last = ctx.db.prepare('SELECT type, actor, outcome, subject FROM audit_event ORDER BY seq DESC LIMIT 1').get();
  assert.deepEqual(last, { type: 'access.refused', actor: `#${desk} 丁一 [desk]`, outcome: 'refused', subject: 'method:addOffice' });
});

test('the audit actor of a write is the signed-in person, not a label', async () => {
  const { ctx, byRole, call } = setUp();
  const committee = byRole.get('committee')!;
  const signed = await call('signIn', { person: committee, pin: TEST_PIN });
  assert.ok(signed.ok);
  const session = (signed.value as { token: string }).token;
  const r = await call('addVenue', { session, id: 's9', name: '第九投票站', kind: 'station' });
  assert.ok(r.ok, JSON.stringify(r));
  const row = ctx.db.prepare("SELECT actor FROM audit_event WHERE type = 'venue.added' ORDER BY seq DESC LIMIT 1").get() as { actor: string };
  const name = listPeople(ctx).find((p) => p.id === committee)!.name;
  assert.equal(row.actor, `#${committee} ${name} [committee]`);
});
