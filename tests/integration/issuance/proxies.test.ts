import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch } from '../../../shared/api/dispatch';
import { contract } from '../../../shared/api/contract';
import { buildApi } from '../../../electron/backend/api';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { approveProxy, listProxies, revokeProxy } from '../../../electron/backend/services/proxies';
import { importRoll } from '../../../electron/backend/services/roll';
import { mobileLists, reassignVoter } from '../../../electron/backend/services/voters';
import { CSV_HEADER, makeVoter, utf8, voterCsvLine } from '../../unit/roll/make-roll';
import { count, election, importGenerated, openVoting, rejects, type Election } from './helpers';
import { establishAuthority, signedIn, TEST_PIN } from '../../helpers/authority';

const COMMITTEE = ['郭志明', '何玉兰', '林海', '罗平', '高山'];

/** Every committee member gets a PIN (the chair's first): from then on a decision needs one of them to approve. */
function established(e: Election): Election {
  const [chair, ...others] = COMMITTEE.map((n) => e.person(n));
  establishAuthority(e.ctx, chair!, others.map((person) => ({ person })));
  return e;
}

/** A committee member's approval, their PIN typed at the moment. */
const approvalOf = (e: Election, name: string) => ({ person: e.person(name), pin: TEST_PIN });

const cert = (i: number) => makeVoter(i).certificate;

test('a trustee holds at most proxyLimit proxies (default 3 for residents); the refusal is recorded', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 20);
  const by = approvalOf(e, '郭志明');
  for (const i of [1, 2, 3]) {
    const r = approveProxy(e.ctx, { voter: cert(i), trustee: cert(0), approval: by });
    assert.deepEqual([r.trusteeHolds, r.proxyLimit], [i, 3]);
  }
  assert.throws(() => approveProxy(e.ctx, { voter: cert(4), trustee: cert(0), approval: by }), rejects('refused', 'trustee-at-limit'));
  assert.equal(count(e.ctx, 'proxy'), 3);
  assert.equal(count(e.ctx, 'audit_event', "type = 'proxy.refused' AND outcome = 'refused'"), 1);
  // Revoking one frees a place.
  revokeProxy(e.ctx, { voter: cert(1), approval: by, reason: '本人将到场投票' });
  approveProxy(e.ctx, { voter: cert(4), trustee: cert(0), approval: by });
  assert.deepEqual(listProxies(e.ctx.db).map((p) => p.voter.name).sort(), [makeVoter(2).name, makeVoter(3).name, makeVoter(4).name].sort());
});

test('a profile limit of 1 is honoured; 0 forbids proxies altogether', async () => {
  const one = established(election({ rules: { proxyLimit: 1 } }));
  await importGenerated(one.ctx, 5);
  approveProxy(one.ctx, { voter: cert(1), trustee: cert(0), approval: approvalOf(one, '林海') });
  assert.throws(() => approveProxy(one.ctx, { voter: cert(2), trustee: cert(0), approval: approvalOf(one, '林海') }), rejects('refused', 'trustee-at-limit'));
  const none = established(election({ rules: { proxyLimit: 0 } }));
  await importGenerated(none.ctx, 5);
  assert.throws(() => approveProxy(none.ctx, { voter: cert(1), trustee: cert(0), approval: approvalOf(none, '林海') }), rejects('refused', 'proxy-forbidden'));
  assert.equal(count(none.ctx, 'proxy'), 0);
});

test('trustee rules: a registered voter, not a candidate, not someone who gave a proxy; no chains; committee decides', async () => {
  const e = election();
  // 王强 is a candidate for vice-chair in the sample election.
  const candidate = { ...makeVoter(50), name: '王强' };
  await importRoll(e.ctx, { bytes: utf8([CSV_HEADER, ...[0, 1, 2, 3].map((i) => voterCsvLine(makeVoter(i))), voterCsvLine(candidate)].join('\n')) });
  established(e);
  const by = approvalOf(e, '罗平');
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: candidate.certificate, approval: by }), rejects('refused', 'trustee-is-candidate'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: makeVoter(77).certificate, approval: by }), rejects('not-found'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(1), approval: by }), rejects('refused', 'self'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approval: approvalOf(e, '丁一') }), rejects('refused'));
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approval: by });
  assert.throws(() => approveProxy(e.ctx, { voter: cert(2), trustee: cert(1), approval: by }), rejects('refused', 'trustee-gave-proxy'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(0), trustee: cert(2), approval: by }), rejects('refused', 'voter-is-trustee'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(3), approval: by }), rejects('refused', 'voter-already-gave-proxy'));
  // Once a ballot went out on the proxy it cannot be revoked.
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1', trusteeCertificate: cert(0) });
  assert.throws(() => revokeProxy(e.ctx, { voter: cert(1), approval: by, reason: 'x' }), rejects('refused'));
});

test('publication lists: proxies and mobile-box voters, names and groups only', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 10);
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approval: approvalOf(e, '郭志明') });
  reassignVoter(e.ctx, { certificate: cert(5), to: { mobileBox: 'M1' }, approval: approvalOf(e, '郭志明'), reason: '卧床' });
  const proxies = listProxies(e.ctx.db);
  assert.deepEqual(proxies.map((p) => [p.voter, p.trustee]), [[{ name: makeVoter(1).name, group: makeVoter(1).group }, { name: makeVoter(0).name, group: makeVoter(0).group }]]);
  assert.ok(!JSON.stringify(proxies).includes(makeVoter(1).idNumber));
  assert.deepEqual(mobileLists(e.ctx.db), [{ box: 'M1', name: '流动票箱一', voters: [{ name: makeVoter(5).name, group: makeVoter(5).group }] }]);
});

test('through the API contract: a reassignment without a reason is invalid input, a proxy call works end to end', async () => {
  const e = established(election());
  await importGenerated(e.ctx, 5);
  const api = buildApi(e.ctx);
  const raw = (method: string, input: unknown) => dispatch(contract, api, method, input);
  const as = await signedIn(async (m, i) => {
    const r = await raw(m, i);
    return m === 'signIn' && r.ok ? r.value : r;
  }, e.person('何玉兰'));
  const call = (method: string, input: unknown) => as(method, input) as ReturnType<typeof raw>;
  const noReason = await call('reassignVoter', { certificate: cert(1), to: { venue: 's1' }, approval: approvalOf(e, '郭志明'), reason: '  ' });
  assert.equal(noReason.ok, false);
  assert.equal(!noReason.ok && noReason.error.code, 'invalid-input');
  // Without a committee member's PIN the proxy is refused and nothing is written.
  const none = await call('approveProxy', { voter: cert(1), trustee: cert(2) });
  assert.equal(!none.ok && (none.error.details as { reason: string }).reason, 'approvals-needed');
  const wrong = await call('approveProxy', { voter: cert(1), trustee: cert(2), approval: { person: e.person('郭志明'), pin: '000000' } });
  assert.equal(!wrong.ok && (wrong.error.details as { reason: string }).reason, 'wrong-pin');
  assert.equal(count(e.ctx, 'proxy'), 0);
  const ok = await call('approveProxy', { voter: cert(1), trustee: cert(2), approval: approvalOf(e, '郭志明') });
  assert.equal(ok.ok, true);
  assert.equal(ok.ok, true, JSON.stringify(ok));
  assert.equal(count(e.ctx, 'proxy', `approved_by = ${e.person('郭志明')}`), 1, 'the approving member is recorded');
  const listed = await call('listProxies', {});
  assert.equal(listed.ok && (listed.value as unknown[]).length, 1);
  const lookup = await call('lookupCertificate', { certificate: cert(1) });
  assert.equal(lookup.ok && (lookup.value as { proxyTo: { name: string } }).proxyTo.name, makeVoter(2).name);
});
