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
import { count, election, importGenerated, openVoting, rejects } from './helpers';

const cert = (i: number) => makeVoter(i).certificate;

test('a trustee holds at most proxyLimit proxies (default 3 for residents); the refusal is recorded', async () => {
  const e = election();
  await importGenerated(e.ctx, 20);
  const by = e.person('郭志明');
  for (const i of [1, 2, 3]) {
    const r = approveProxy(e.ctx, { voter: cert(i), trustee: cert(0), approvedBy: by });
    assert.deepEqual([r.trusteeHolds, r.proxyLimit], [i, 3]);
  }
  assert.throws(() => approveProxy(e.ctx, { voter: cert(4), trustee: cert(0), approvedBy: by }), rejects('refused', 'trustee-at-limit'));
  assert.equal(count(e.ctx, 'proxy'), 3);
  assert.equal(count(e.ctx, 'audit_event', "type = 'proxy.refused' AND outcome = 'refused'"), 1);
  // Revoking one frees a place.
  revokeProxy(e.ctx, { voter: cert(1), decidedBy: by, reason: '本人将到场投票' });
  approveProxy(e.ctx, { voter: cert(4), trustee: cert(0), approvedBy: by });
  assert.deepEqual(listProxies(e.ctx.db).map((p) => p.voter.name).sort(), [makeVoter(2).name, makeVoter(3).name, makeVoter(4).name].sort());
});

test('a profile limit of 1 is honoured; 0 forbids proxies altogether', async () => {
  const one = election({ rules: { proxyLimit: 1 } });
  await importGenerated(one.ctx, 5);
  approveProxy(one.ctx, { voter: cert(1), trustee: cert(0), approvedBy: one.person('林海') });
  assert.throws(() => approveProxy(one.ctx, { voter: cert(2), trustee: cert(0), approvedBy: one.person('林海') }), rejects('refused', 'trustee-at-limit'));
  const none = election({ rules: { proxyLimit: 0 } });
  await importGenerated(none.ctx, 5);
  assert.throws(() => approveProxy(none.ctx, { voter: cert(1), trustee: cert(0), approvedBy: none.person('林海') }), rejects('refused', 'proxy-forbidden'));
  assert.equal(count(none.ctx, 'proxy'), 0);
});

test('trustee rules: a registered voter, not a candidate, not someone who gave a proxy; no chains; committee decides', async () => {
  const e = election();
  // 王强 is a candidate for vice-chair in the sample election.
  const candidate = { ...makeVoter(50), name: '王强' };
  await importRoll(e.ctx, { bytes: utf8([CSV_HEADER, ...[0, 1, 2, 3].map((i) => voterCsvLine(makeVoter(i))), voterCsvLine(candidate)].join('\n')) });
  const by = e.person('罗平');
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: candidate.certificate, approvedBy: by }), rejects('refused', 'trustee-is-candidate'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: makeVoter(77).certificate, approvedBy: by }), rejects('not-found'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(1), approvedBy: by }), rejects('refused', 'self'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approvedBy: e.person('丁一') }), rejects('refused'));
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approvedBy: by });
  assert.throws(() => approveProxy(e.ctx, { voter: cert(2), trustee: cert(1), approvedBy: by }), rejects('refused', 'trustee-gave-proxy'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(0), trustee: cert(2), approvedBy: by }), rejects('refused', 'voter-is-trustee'));
  assert.throws(() => approveProxy(e.ctx, { voter: cert(1), trustee: cert(3), approvedBy: by }), rejects('refused', 'voter-already-gave-proxy'));
  // Once a ballot went out on the proxy it cannot be revoked.
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1', trusteeCertificate: cert(0) });
  assert.throws(() => revokeProxy(e.ctx, { voter: cert(1), decidedBy: by, reason: 'x' }), rejects('refused'));
});

test('publication lists: proxies and mobile-box voters, names and groups only', async () => {
  const e = election();
  await importGenerated(e.ctx, 10);
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0), approvedBy: e.person('郭志明') });
  reassignVoter(e.ctx, { certificate: cert(5), to: { mobileBox: 'M1' }, decidedBy: e.person('郭志明'), reason: '卧床' });
  const proxies = listProxies(e.ctx.db);
  assert.deepEqual(proxies.map((p) => [p.voter, p.trustee]), [[{ name: makeVoter(1).name, group: makeVoter(1).group }, { name: makeVoter(0).name, group: makeVoter(0).group }]]);
  assert.ok(!JSON.stringify(proxies).includes(makeVoter(1).idNumber));
  assert.deepEqual(mobileLists(e.ctx.db), [{ box: 'M1', name: '流动票箱一', voters: [{ name: makeVoter(5).name, group: makeVoter(5).group }] }]);
});

test('through the API contract: a reassignment without a reason is invalid input, a proxy call works end to end', async () => {
  const e = election();
  await importGenerated(e.ctx, 5);
  const api = buildApi(e.ctx);
  const noReason = await dispatch(contract, api, 'reassignVoter', { certificate: cert(1), to: { venue: 's1' }, decidedBy: e.person('郭志明'), reason: '  ' });
  assert.equal(noReason.ok, false);
  assert.equal(!noReason.ok && noReason.error.code, 'invalid-input');
  const ok = await dispatch(contract, api, 'approveProxy', { voter: cert(1), trustee: cert(2), approvedBy: e.person('郭志明') });
  assert.equal(ok.ok, true);
  const listed = await dispatch(contract, api, 'listProxies', {});
  assert.equal(listed.ok && (listed.value as unknown[]).length, 1);
  const lookup = await dispatch(contract, api, 'lookupCertificate', { certificate: cert(1) });
  assert.equal(lookup.ok && (lookup.value as { proxyTo: { name: string } }).proxyTo.name, makeVoter(2).name);
});
