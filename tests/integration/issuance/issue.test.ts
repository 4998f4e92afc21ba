import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../shared/api/envelope';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import {
  addDesk,
  boxStock,
  exchangeSpoiled,
  issueBallot,
  receiveBallots,
  recordAssistedWriting,
  returnUnusedBallots,
} from '../../../electron/backend/services/issuance';
import { approveProxy } from '../../../electron/backend/services/proxies';
import { turnout } from '../../../electron/backend/services/turnout';
import { lookupVoter, reassignVoter } from '../../../electron/backend/services/voters';
import { makeVoter } from '../../unit/roll/make-roll';
import { count, election, importGenerated, openVoting, rejects } from './helpers';

const cert = (i: number) => makeVoter(i).certificate;

async function ready(voters = 20) {
  const e = election();
  await importGenerated(e.ctx, voters);
  return e;
}

test('a ballot is issued once per certificate per round; a second attempt at another desk says when and where', async () => {
  const { ctx } = await ready();
  openVoting(ctx);
  addDesk(ctx, { id: 'C1-b', name: '中心会场二号发票处', box: 'C1' });
  const first = issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  assert.equal(first.voter.name, makeVoter(0).name);
  assert.equal(first.voter.group, makeVoter(0).group);
  assert.equal(first.proxy, false);
  assert.equal(first.box, 'C1');
  assert.throws(
    () => issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1-b' }),
    (e: unknown) => {
      assert.ok(e instanceof ApiError && e.code === 'refused');
      const d = e.details as { reason: string; first: { at: string; desk: string; box: string; venue: string } };
      assert.equal(d.reason, 'already-issued');
      assert.deepEqual([d.first.at, d.first.desk, d.first.box, d.first.venue], [first.at, 'C1', 'C1', 'central']);
      assert.match(e.message, /已于 .* 领取过选票/);
      return true;
    },
  );
  assert.equal(count(ctx, 'issuance'), 1);
  const refusedEvents = readAuditEvents(ctx.db, { limit: 10_000 }).filter((ev) => ev.type === 'ballot.refused');
  assert.equal(refusedEvents.length, 1);
  assert.equal(refusedEvents[0]!.outcome, 'refused');
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('typed certificates are normalised; a mistyped number is bad input and records nothing', async () => {
  const { ctx } = await ready();
  openVoting(ctx);
  const c = cert(1);
  const typed = `${[...c.slice(0, 4)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}-${c.slice(4)}`;
  assert.equal(issueBallot(ctx, { certificate: typed, round: 1, desk: 'C1' }).certificate, c);
  const wrong = c.slice(0, 7) + String((Number(c[7]) + 1) % 10);
  const events = count(ctx, 'audit_event');
  assert.throws(() => issueBallot(ctx, { certificate: wrong, round: 1, desk: 'C1' }), rejects('invalid-input', 'bad-certificate'));
  assert.throws(() => issueBallot(ctx, { certificate: '123', round: 1, desk: 'C1' }), rejects('invalid-input', 'bad-certificate'));
  assert.equal(count(ctx, 'audit_event'), events);
});

test('an unknown certificate is not found, and the attempt is in the audit log', async () => {
  const { ctx } = await ready();
  openVoting(ctx);
  assert.throws(() => issueBallot(ctx, { certificate: makeCertificateNumber(999_999), round: 1, desk: 'C1' }), rejects('not-found', 'unknown-certificate'));
  assert.equal(count(ctx, 'audit_event', "type = 'ballot.refused' AND outcome = 'refused'"), 1);
  assert.equal(count(ctx, 'issuance'), 0);
});

test('wrong venue: refused naming where the voter is assigned; a committee reassignment before voting moves them', async () => {
  const e = await ready();
  const { ctx } = e;
  // Approved by someone not on the committee: refused. With a reason, while the election is still being set up
  // (no committee PIN yet, so no approval can be given): recorded.
  assert.throws(
    () => reassignVoter(ctx, { certificate: cert(2), to: { venue: 's1' }, approval: { person: e.person('丁一'), pin: '123456' }, reason: '住在东区' }),
    rejects('refused'),
  );
  const moved = reassignVoter(ctx, { certificate: cert(2), to: { venue: 's1' }, reason: '住在东区' });
  assert.equal(moved.to.id, 's1');
  assert.equal(count(ctx, 'reassignment', "reason = '住在东区'"), 1);
  openVoting(ctx);
  assert.throws(
    () => issueBallot(ctx, { certificate: cert(1), round: 1, desk: 'S1' }),
    (err: unknown) => {
      assert.ok(err instanceof ApiError && err.code === 'refused');
      assert.deepEqual(err.details, { reason: 'wrong-venue', assigned: { kind: 'venue', id: 'central', name: '社区党群服务中心' }, here: { venue: 's1', box: 'S1' } });
      assert.match(err.message, /社区党群服务中心/);
      return true;
    },
  );
  // Once voting has opened nobody moves: the voter goes to the place on the published list.
  assert.throws(() => reassignVoter(ctx, { certificate: cert(1), to: { venue: 's1' }, reason: '住在东区' }), rejects('refused'));
  assert.throws(() => issueBallot(ctx, { certificate: cert(2), round: 1, desk: 'C1' }), rejects('refused', 'wrong-venue'));
  assert.equal(issueBallot(ctx, { certificate: cert(2), round: 1, desk: 'S1' }).box, 'S1');
});

test('mobile box: only voters on its approved list vote in it, and they vote nowhere else', async () => {
  const e = await ready();
  const { ctx } = e;
  reassignVoter(ctx, { certificate: cert(3), to: { mobileBox: 'M1' }, reason: '行动不便' });
  assert.throws(() => reassignVoter(ctx, { certificate: cert(4), to: { mobileBox: 'C1' }, reason: 'x' }), rejects('invalid-input'));
  openVoting(ctx);
  assert.throws(() => issueBallot(ctx, { certificate: cert(3), round: 1, desk: 'C1' }), (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.deepEqual((err.details as { assigned: unknown }).assigned, { kind: 'mobile-box', id: 'M1', name: '流动票箱一', venue: 'central' });
    return true;
  });
  assert.throws(() => issueBallot(ctx, { certificate: cert(4), round: 1, desk: 'M1' }), rejects('refused', 'wrong-venue'));
  assert.equal(issueBallot(ctx, { certificate: cert(3), round: 1, desk: 'M1' }).box, 'M1');
  const t = turnout(ctx.db, 1);
  assert.deepEqual(t.byMobileBox, [{ box: 'M1', name: '流动票箱一', assigned: 1, issued: 1 }]);
});

test('no ballot while the round is not voting, the box is not opened, or the desk has no blank ballots left', async () => {
  const { ctx } = await ready();
  assert.throws(() => issueBallot(ctx, { certificate: cert(5), round: 1, desk: 'C1' }), rejects('refused', 'round-not-voting'));
  openVoting(ctx, ['C1']);
  assert.throws(() => issueBallot(ctx, { certificate: cert(5), round: 1, desk: 'M1' }), rejects('refused', 'box-not-open'));
  assert.throws(() => issueBallot(ctx, { certificate: cert(5), round: 1, desk: 'nowhere' }), rejects('not-found'));
  returnUnusedBallots(ctx, { box: 'C1', round: 1, count: 99 });
  issueBallot(ctx, { certificate: cert(5), round: 1, desk: 'C1' });
  assert.throws(() => issueBallot(ctx, { certificate: cert(6), round: 1, desk: 'C1' }), rejects('refused', 'no-ballots-left'));
  receiveBallots(ctx, { box: 'C1', round: 1, count: 5 });
  issueBallot(ctx, { certificate: cert(6), round: 1, desk: 'C1' });
  assert.equal(count(ctx, 'issuance'), 2);
});

test('proxy: issued against the proxied certificate once the trustee is confirmed, and recorded as proxy', async () => {
  const e = await ready();
  const { ctx } = e;
  openVoting(ctx);
  approveProxy(ctx, { voter: cert(7), trustee: cert(8) });
  assert.equal(lookupVoter(ctx.db, cert(7)).proxyTo?.name, makeVoter(8).name);
  // The voter's certificate alone (the voter themselves, or the trustee without confirmation): refused, trustee named.
  assert.throws(
    () => issueBallot(ctx, { certificate: cert(7), round: 1, desk: 'C1' }),
    (err: unknown) => {
      assert.ok(err instanceof ApiError && err.code === 'refused');
      assert.deepEqual(err.details, { reason: 'proxy-trustee-required', trustee: { name: makeVoter(8).name, group: makeVoter(8).group } });
      return true;
    },
  );
  assert.throws(() => issueBallot(ctx, { certificate: cert(7), round: 1, desk: 'C1', trusteeCertificate: cert(9) }), rejects('refused', 'trustee-mismatch'));
  assert.throws(() => issueBallot(ctx, { certificate: cert(9), round: 1, desk: 'C1', trusteeCertificate: cert(8) }), rejects('refused', 'no-approved-proxy'));
  const r = issueBallot(ctx, { certificate: cert(7), round: 1, desk: 'C1', trusteeCertificate: cert(8) });
  assert.equal(r.proxy, true);
  assert.deepEqual(r.trustee, { name: makeVoter(8).name, group: makeVoter(8).group });
  assert.equal(r.voter.name, makeVoter(7).name);
  // The trustee still votes for themselves with their own certificate.
  assert.equal(issueBallot(ctx, { certificate: cert(8), round: 1, desk: 'C1' }).proxy, false);
  const t = turnout(ctx.db, 1);
  assert.equal(t.participants, 2);
  assert.equal(t.proxyBallots, 1);
  assert.equal(lookupVoter(ctx.db, cert(7)).issued[0]!.proxy, true);
});

test('assisted writing: helper official recorded on the issuance, never anything else', async () => {
  const e = await ready();
  const { ctx } = e;
  openVoting(ctx);
  assert.throws(() => issueBallot(ctx, { certificate: cert(10), round: 1, desk: 'C1', helper: e.person('丁一') }), rejects('refused', 'not-a-writing-helper'));
  assert.equal(issueBallot(ctx, { certificate: cert(10), round: 1, desk: 'C1', helper: e.person('田雨') }).assisted, true);
  issueBallot(ctx, { certificate: cert(11), round: 1, desk: 'C1' });
  assert.throws(() => recordAssistedWriting(ctx, { certificate: cert(12), round: 1, helper: e.person('田雨') }), rejects('refused'));
  recordAssistedWriting(ctx, { certificate: cert(11), round: 1, helper: e.person('田雨') });
  assert.throws(() => recordAssistedWriting(ctx, { certificate: cert(11), round: 1, helper: e.person('田雨') }), rejects('refused'));
  assert.equal(turnout(ctx.db, 1).assisted, 2);
});

test('spoiled exchange: spoiled +1, issued unchanged; stock balances once unused ballots come back', async () => {
  const { ctx } = await ready();
  openVoting(ctx, ['C1', 'S1', 'M1'], 10);
  for (const i of [0, 1, 2]) issueBallot(ctx, { certificate: cert(i), round: 1, desk: 'C1' });
  const after = exchangeSpoiled(ctx, { round: 1, desk: 'C1' });
  assert.deepEqual([after.received, after.issued, after.spoiled, after.inHand, after.balanced], [10, 3, 1, 6, null]);
  assert.throws(() => returnUnusedBallots(ctx, { box: 'C1', round: 1, count: 7 }), rejects('refused'));
  const returned = returnUnusedBallots(ctx, { box: 'C1', round: 1, count: 6 });
  assert.equal(returned.balanced, true);
  assert.equal(returned.received, returned.issued + returned.spoiled + returned.unusedReturned);
  // A short count at the close shows as unbalanced.
  const s1 = returnUnusedBallots(ctx, { box: 'S1', round: 1, count: 9 });
  assert.equal(s1.balanced, false);
  assert.equal(boxStock(ctx.db, 'S1', 1).inHand, 1);
});

test('turnout per venue and overall, and the quorum: more than half of registered voters', async () => {
  const e = await ready(7);
  const { ctx } = e;
  reassignVoter(ctx, { certificate: cert(6), to: { venue: 's1' }, reason: '东区' });
  openVoting(ctx);
  let t = turnout(ctx.db, 1);
  assert.deepEqual([t.registered, t.participants, t.quorum.met, t.quorum.needed], [7, 0, false, 4]);
  for (const i of [0, 1, 2]) issueBallot(ctx, { certificate: cert(i), round: 1, desk: 'C1' });
  t = turnout(ctx.db, 1);
  assert.equal(t.quorum.met, false);
  issueBallot(ctx, { certificate: cert(6), round: 1, desk: 'S1' });
  t = turnout(ctx.db, 1);
  assert.deepEqual([t.participants, t.quorum.met], [4, true]);
  assert.deepEqual(t.byVenue, [
    { venue: 'central', name: '社区党群服务中心', assigned: 6, issued: 3 },
    { venue: 's1', name: '第一投票站(东区活动室)', assigned: 1, issued: 1 },
  ]);
  assert.equal(t.boxes.find((b) => b.box === 'C1')!.issued, 3);
});

test('secret ballot: issuance data carries nothing a ballot row will have', async () => {
  const { ctx } = await ready();
  const columns = (table: string) => (ctx.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  assert.deepEqual(columns('spoiled_count'), ['box_id', 'round_number', 'count', 'audited']);
  assert.ok(!columns('issuance').some((c) => /ballot/.test(c)));
  const refs = ctx.db.prepare("SELECT m.name AS t, f.\"table\" AS ref FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'").all() as { t: string; ref: string }[];
  assert.ok(!refs.some((r) => ['issuance', 'spoiled_count', 'voter'].includes(r.ref) && /ballot/.test(r.t)), JSON.stringify(refs));
});
