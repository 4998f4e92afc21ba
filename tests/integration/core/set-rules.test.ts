import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import type { RulesRefusal } from '../../../shared/api/setup';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import { buildApi } from '../../../electron/backend/api';
import type { BackendContext } from '../../../electron/backend/context';
import { inTransaction } from '../../../electron/backend/db';
import { approveProxy, revokeProxy } from '../../../electron/backend/services/proxies';
import { readElection } from '../../../electron/backend/services/setup-read';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { makeVoter } from '../../unit/roll/make-roll';
import { election, importGenerated } from '../issuance/helpers';
import { freshContext } from './helpers';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';

const cert = (i: number) => makeVoter(i).certificate;

async function call(ctx: BackendContext, method: string, input: unknown): Promise<ApiResponse<unknown>> {
  return dispatch(contract, buildApi(ctx), method, input, (err) => assert.fail(`internal error: ${String(err)}`));
}

/** Calls through the contract with the person's session, answering the whole response (ok or error). */
async function signedInRaw(ctx: BackendContext, person: number) {
  const r = await call(ctx, 'signIn', { person, pin: TEST_PIN });
  assert.ok(r.ok, JSON.stringify(r));
  const { token } = r.value as { token: string };
  return (method: string, input: Record<string, unknown>) => call(ctx, method, { ...input, session: token });
}

function events(ctx: BackendContext, type: string) {
  return readAuditEvents(ctx.db, { limit: 10_000 }).filter((e) => e.type === type);
}

function rulesJson(ctx: BackendContext): string {
  return (ctx.db.prepare('SELECT rules_json FROM election').get() as { rules_json: string }).rules_json;
}

test('setRules before voting: only the keys given change, in one audited step with the old and new values', async () => {
  const { ctx } = election();
  const before = readElection(ctx.db)!.rules;
  assert.deepEqual([before.overvote, before.proxyLimit, before.minCommittee], ['void-section', 3, 5]);

  const r = await call(ctx, 'setRules', { overvote: 'void-ballot', proxyLimit: 2 });
  assert.ok(r.ok, JSON.stringify(r));
  const out = r.value as { rules: typeof before; changed: string[] };
  assert.deepEqual(out.changed, ['overvote', 'proxyLimit']);
  assert.deepEqual(out.rules, { ...before, overvote: 'void-ballot', proxyLimit: 2 });
  assert.deepEqual(readElection(ctx.db)!.rules, out.rules);
  const overview = await call(ctx, 'getElection', {});
  assert.ok(overview.ok);
  assert.deepEqual((overview.value as { election: { rules: unknown } }).election.rules, out.rules);

  const changed = events(ctx, 'election.rules-changed');
  assert.equal(changed.length, 1);
  assert.equal(changed[0]!.outcome, 'ok');
  assert.deepEqual(changed[0]!.detail, { from: { overvote: 'void-section', proxyLimit: 3 }, to: { overvote: 'void-ballot', proxyLimit: 2 } });
  assert.ok(verifyAuditChain(ctx.db).ok);

  // Asking for what is already in force changes nothing and logs nothing.
  const same = await call(ctx, 'setRules', { proxyLimit: 2 });
  assert.ok(same.ok);
  assert.deepEqual((same.value as { changed: string[] }).changed, []);
  assert.equal(events(ctx, 'election.rules-changed').length, 1);
});

test('bad rule changes are refused as invalid input, naming the field, and change nothing', async () => {
  const { ctx } = election();
  const stored = rulesJson(ctx);
  const auditCount = readAuditEvents(ctx.db, { limit: 10_000 }).length;
  const bad: [unknown, RegExp][] = [
    [{}, /at least one rule/],
    [{ proxyLimit: -1 }, /^proxyLimit/],
    [{ proxyLimit: 1.5 }, /^proxyLimit/],
    [{ overvote: 'void-everything' }, /^overvote/],
    [{ quorum: 'half' }, /quorum|Unrecognized/i],
    [{ minCommittee: 7 }, /^minCommittee: 委员会最少人数 7 超过了应选总名额 6.*more than the 6 seats/],
  ];
  for (const [input, message] of bad) {
    const r = await call(ctx, 'setRules', input);
    assert.equal(r.ok, false, JSON.stringify(input));
    if (r.ok) continue;
    assert.equal(r.error.code, 'invalid-input', JSON.stringify(input));
    assert.match(r.error.message, message);
  }
  assert.equal(rulesJson(ctx), stored);
  assert.equal(readAuditEvents(ctx.db, { limit: 10_000 }).length, auditCount);
  // Up to every seat is fine.
  const ok = await call(ctx, 'setRules', { minCommittee: 6 });
  assert.ok(ok.ok, JSON.stringify(ok));
});

test('a lower proxyLimit is refused while approved proxies exceed it, naming the trustees; fine once some are revoked', async () => {
  const e = election();
  const { ctx } = e;
  await importGenerated(ctx, 10);
  approveProxy(ctx, { voter: cert(1), trustee: cert(0) });
  approveProxy(ctx, { voter: cert(2), trustee: cert(0) });
  approveProxy(ctx, { voter: cert(4), trustee: cert(3) });
  const stored = rulesJson(ctx);

  const r = await call(ctx, 'setRules', { proxyLimit: 1, overvote: 'void-ballot' });
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'refused');
  const t0 = makeVoter(0);
  assert.match(r.error.message, new RegExp(`${t0.name}（${t0.group}，2 人）.*请先撤销部分委托.* / .*${t0.name} \\(${t0.group}, 2\\).*Revoke some`));
  assert.doesNotMatch(r.error.message, new RegExp(makeVoter(3).name), 'a trustee within the new limit is not named');
  assert.deepEqual(r.error.details as RulesRefusal, {
    reason: 'proxies-over-limit',
    proxyLimit: 1,
    trustees: [{ name: t0.name, group: t0.group, certificate: t0.certificate, holds: 2 }],
  });
  assert.equal(rulesJson(ctx), stored, 'nothing changed, not even the other key asked for');
  const refusedEvents = events(ctx, 'election.rules-refused');
  assert.equal(refusedEvents.length, 1);
  assert.equal(refusedEvents[0]!.outcome, 'refused');
  assert.equal((refusedEvents[0]!.detail as { reason: string }).reason, 'proxies-over-limit');
  assert.equal(events(ctx, 'election.rules-changed').length, 0);

  // Forbidding proxies altogether names both trustees.
  const none = await call(ctx, 'setRules', { proxyLimit: 0 });
  assert.ok(!none.ok);
  assert.equal((none.error.details as { trustees: unknown[] }).trustees.length, 2);
  assert.match(none.error.message, /不允许委托投票/);

  revokeProxy(ctx, { voter: cert(2), reason: '本人撤回委托' });
  const now = await call(ctx, 'setRules', { proxyLimit: 1 });
  assert.ok(now.ok, JSON.stringify(now));
  assert.equal(readElection(ctx.db)!.rules.proxyLimit, 1);
  // Raising the limit never looks at the proxies.
  assert.ok((await call(ctx, 'setRules', { proxyLimit: 3 })).ok);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('once voting has started the rules are refused with a clear message, and the refusal is audited', async () => {
  const { ctx } = election();
  const stored = rulesJson(ctx);
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
  for (const status of ['voting', 'closed'] as const) {
    if (status === 'closed') inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status }));
    const r = await call(ctx, 'setRules', { requireWoman: false });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, new RegExp(`投票已开始（第 1 轮状态：${status}），计票规则不能再更改 / voting has started \\(round 1 is ${status}\\)`));
    assert.deepEqual(r.error.details, { reason: 'voting-started', round: 1, status });
  }
  assert.equal(rulesJson(ctx), stored);
  const refusedEvents = events(ctx, 'election.rules-refused');
  assert.equal(refusedEvents.length, 2);
  assert.deepEqual(refusedEvents.map((e) => e.outcome), ['refused', 'refused']);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('setRules without an election is not found', async () => {
  const ctx = freshContext();
  const r = await call(ctx, 'setRules', { proxyLimit: 1 });
  assert.equal(r.ok ? 'ok' : r.error.code, 'not-found');
});

test('once the election is established a rule change needs a sitting committee member\'s right PIN; without one nothing changes', async () => {
  const e = election();
  const { ctx } = e;
  const chair = e.person('郭志明');
  const vice = e.person('何玉兰');
  const scrutineer = e.person('谢文');
  establishAuthority(ctx, chair, [{ person: vice }, { person: scrutineer }]);
  const as = await signedInRaw(ctx, chair);
  const stored = rulesJson(ctx);
  const refusedFor = async (input: Record<string, unknown>, reason: string) => {
    const r = await as('setRules', input);
    assert.ok(!r.ok, JSON.stringify(r));
    assert.equal(r.error.code, 'refused', r.error.message);
    assert.equal((r.error.details as { reason: string }).reason, reason, r.error.message);
    assert.equal(rulesJson(ctx), stored, 'nothing changed');
  };
  await refusedFor({ proxyLimit: 1 }, 'approvals-needed');
  await refusedFor({ proxyLimit: 1, approval: { person: vice, pin: '999999' } }, 'wrong-pin');
  await refusedFor({ proxyLimit: 1, approval: { person: scrutineer, pin: TEST_PIN } }, 'not-committee');
  assert.equal(events(ctx, 'election.rules-changed').length, 0);

  const ok = await as('setRules', { proxyLimit: 1, approval: { person: vice, pin: TEST_PIN }, requestKey: 'rules-change-0001' });
  assert.ok(ok.ok, JSON.stringify(ok));
  const changed = events(ctx, 'election.rules-changed');
  assert.equal(changed.length, 1);
  assert.deepEqual((changed[0]!.detail as { approvedBy: unknown }).approvedBy, [{ id: vice, name: '何玉兰' }]);
  assert.match(changed[0]!.actor ?? '', /郭志明/, 'the signed-in chair made the change');
  // A re-send of the same request answers again without a second change, and its stored receipt holds no PIN.
  const again = await as('setRules', { proxyLimit: 1, approval: { person: vice, pin: TEST_PIN }, requestKey: 'rules-change-0001' });
  assert.ok(again.ok);
  assert.equal(events(ctx, 'election.rules-changed').length, 1);
  const receipts = ctx.db.prepare('SELECT input_hash, answer_json FROM request_receipt').all() as { input_hash: string; answer_json: string }[];
  assert.equal(receipts.length, 1);
  assert.ok(!receipts[0]!.answer_json.includes(TEST_PIN));
  const { createHash } = await import('node:crypto');
  const { canonicalJson } = await import('../../../electron/backend/audit/canonical');
  const withPin = createHash('sha256')
    .update(canonicalJson({ method: 'setRules', input: { proxyLimit: 1, approval: { person: vice, pin: TEST_PIN } } }))
    .digest('hex');
  assert.notEqual(receipts[0]!.input_hash, withPin, 'the hash is not of the input with its PIN');
});
