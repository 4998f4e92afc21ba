import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excuseMember, partyMeeting, undoExcusal } from '../../../electron/backend/party/excusals';
import { batchChoices, batchVoterIds, cardOfCertificate } from '../../../electron/backend/certificates/batches';
import { recordCertificateReprint } from '../../../electron/backend/certificates/reprint';
import { addVoter, correctVoter } from '../../../electron/backend/services/roll-life';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { registeredCount } from '../../../electron/backend/services/results';
import { importRoll } from '../../../electron/backend/services/roll';
import { turnout } from '../../../electron/backend/services/turnout';
import { dispatch } from '../../../shared/api/dispatch';
import { contract } from '../../../shared/api/contract';
import { buildApi } from '../../../electron/backend/api';
import { makeIdNumber, makeVoter, utf8, type TestVoter } from '../../unit/roll/make-roll';
import { establishAuthority, signedIn, TEST_PIN, type Call } from '../../helpers/authority';
import { count, election, openVoting, rejects, type Election } from '../issuance/helpers';

/** A Party members' meeting on the sample election's people, venues and boxes. */
function partyMeetingFile(): Election {
  const e = election({ body: 'party', method: 'meeting', title: '幸福里社区党委换届选举党员大会' });
  const [chair, ...others] = ['郭志明', '何玉兰', '林海', '罗平', '高山'].map((n) => e.person(n));
  establishAuthority(e.ctx, chair!, others.map((person) => ({ person })));
  return e;
}

const MEMBERS = 20;
const PROBATIONARY = new Set([18, 19]);
const member = (i: number): TestVoter => makeVoter(i);

/** The Party roll: 20 members, the last two probationary (预备党员). */
function partyRollCsv(): string {
  const lines = ['姓名,身份证号,性别,出生日期,党小组,党员类别,选民证号'];
  for (let i = 0; i < MEMBERS; i++) {
    const v = member(i);
    lines.push([v.name, v.idNumber, v.gender, v.birthDate, `第${(i % 3) + 1}党小组`, PROBATIONARY.has(i) ? '预备党员' : '正式党员', v.certificate].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function withPartyRoll(): Promise<Election> {
  const e = partyMeetingFile();
  await importRoll(e.ctx, { bytes: utf8(partyRollCsv()), fileName: '党员名册.csv' });
  return e;
}

const approval = (e: Election) => ({ person: e.person('郭志明'), pin: TEST_PIN });
const excusal = (e: Election, i: number, reason: 'illness' | 'abroad' | 'detained' = 'abroad') => ({
  certificate: member(i).certificate,
  reason,
  townApprovedBy: '中共幸福镇委员会（幸党发〔2026〕12号）',
  townApprovedOn: '2026-05-08',
  meetingApprovedOn: '2026-05-16',
  approval: approval(e),
});

/** The same 14 full members come in both files. */
function fourteenAttend(e: Election): void {
  openVoting(e.ctx, ['C1'], 50);
  for (let i = 0; i < 14; i++) issueBallot(e.ctx, { certificate: member(i).certificate, round: 1, desk: 'C1' });
}

test('excused members change the 4/5 check: 14 of 18 fail, the same 14 of 15 pass once three are excused', async () => {
  const without = await withPartyRoll();
  fourteenAttend(without);
  const a = turnout(without.ctx.db, 1);
  assert.equal(a.registered, 18, '20 members less 2 probationary');
  assert.equal(a.participants, 14);
  assert.equal(a.quorum.met, false, '14 × 5 = 70 is not more than 18 × 4 = 72');

  const withExcused = await withPartyRoll();
  excuseMember(withExcused.ctx, excusal(withExcused, 15, 'illness'));
  excuseMember(withExcused.ctx, excusal(withExcused, 16, 'abroad'));
  excuseMember(withExcused.ctx, excusal(withExcused, 17, 'detained'));
  const m = partyMeeting(withExcused.ctx);
  assert.deepEqual([m.members, m.probationary, m.excused, m.registered, m.needed], [20, 2, 3, 15, 13]);
  assert.equal(registeredCount(withExcused.ctx.db), 15);
  fourteenAttend(withExcused);
  const b = turnout(withExcused.ctx.db, 1);
  assert.equal(b.registered, 15);
  assert.equal(b.participants, 14);
  assert.equal(b.quorum.met, true, '70 is more than 15 × 4 = 60');
  assert.deepEqual(b.party, { members: 20, probationary: 2, excused: 3 });
});

test('a probationary member gets no certificate and no ballot, and the desk says why', async () => {
  const e = await withPartyRoll();
  const probationary = member(18);
  assert.throws(() => cardOfCertificate(e.ctx.db, probationary.certificate), rejects('refused'));
  const choices = batchChoices(e.ctx.db);
  assert.equal(choices.voters, 18, 'the 2 probationary members are not among those to print for');
  assert.equal(choices.groups.reduce((n, g) => n + g.voters, 0), 18);
  openVoting(e.ctx, ['C1'], 10);
  const before = count(e.ctx, 'issuance');
  assert.throws(
    () => issueBallot(e.ctx, { certificate: probationary.certificate, round: 1, desk: 'C1' }),
    (err: unknown) => rejects('refused', 'probationary-member')(err) && /预备党员/.test((err as Error).message),
  );
  assert.equal(count(e.ctx, 'issuance'), before);
  assert.equal(count(e.ctx, 'audit_event', "type = 'ballot.refused'"), 1);
});

test('an excused member is refused at the desk; an undone excusal counts them again', async () => {
  const e = await withPartyRoll();
  const out = excuseMember(e.ctx, excusal(e, 3));
  assert.equal(partyMeeting(e.ctx).registered, 17);
  const undone = undoExcusal(e.ctx, { id: out.id, reason: '本人已回国，能参加会议', approval: approval(e) });
  assert.equal(undone.certificate, member(3).certificate);
  const m = partyMeeting(e.ctx);
  assert.equal(m.registered, 18);
  assert.ok(m.excusals[0]!.undone?.reason.includes('回国'));
  excuseMember(e.ctx, excusal(e, 4));
  openVoting(e.ctx, ['C1'], 10);
  assert.throws(() => issueBallot(e.ctx, { certificate: member(4).certificate, round: 1, desk: 'C1' }), rejects('refused', 'excused-member'));
  issueBallot(e.ctx, { certificate: member(3).certificate, round: 1, desk: 'C1' });
  assert.throws(() => excuseMember(e.ctx, excusal(e, 5)), rejects('refused', 'roll-locked'));
  assert.throws(() => undoExcusal(e.ctx, { id: 2, reason: '撤销', approval: approval(e) }), rejects('refused', 'roll-locked'));
  const types = (e.ctx.db.prepare("SELECT type FROM audit_event WHERE type LIKE 'party.%' ORDER BY seq").pluck().all() as string[]);
  assert.deepEqual(types, ['party.member-excused', 'party.excusal-undone', 'party.member-excused']);
});

test('an excusal naming nobody on the roll, a probationary member, or without its reason or approval is refused naming the field; nothing written', async () => {
  const e = await withPartyRoll();
  const api = buildApi(e.ctx);
  const raw: Call = async (method, input) => {
    const answer = await dispatch(contract, api, method as 'excuseMember', input);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value;
  };
  const call = await signedIn(raw, e.person('何玉兰'));
  const pathOf = async (input: Record<string, unknown>): Promise<string> => {
    const err = await call('excuseMember', input).then(() => assert.fail('accepted'), (x: Error & { code: string }) => x);
    assert.equal(err.code, 'invalid-input', err.message);
    return err.message;
  };
  const unknown = makeVoter(500).certificate;
  assert.match(await pathOf({ ...excusal(e, 1), certificate: unknown }), new RegExp(`certificate.*${unknown}`));
  const { reason: _reason, ...noReason } = excusal(e, 1);
  void _reason;
  assert.match(await pathOf(noReason), /reason/);
  assert.match(await pathOf({ ...excusal(e, 1), reason: 'busy' }), /reason/);
  assert.match(await pathOf({ ...excusal(e, 1), townApprovedBy: '  ' }), /townApprovedBy/);
  assert.match(await pathOf({ ...excusal(e, 18) }), /certificate.*预备党员/);
  const { approval: _approval, ...noPin } = excusal(e, 1);
  void _approval;
  await assert.rejects(call('excuseMember', noPin), /PIN|密码/);
  assert.equal(count(e.ctx, 'party_excusal'), 0);
  assert.equal(count(e.ctx, 'audit_event', "type LIKE 'party.%'"), 0);
  assert.equal(partyMeeting(e.ctx).registered, 18);

  // Sent twice with one request key (the first answer lost): one excusal, the same answer; then a refusal and a
  // correction under one key, as the screen sends them, go through.
  const key = { requestKey: 'party-excuse-000000000001' };
  const first = await call('excuseMember', { ...excusal(e, 1), ...key });
  assert.deepEqual(await call('excuseMember', { ...excusal(e, 1), ...key }), first);
  const retry = { requestKey: 'party-excuse-000000000002' };
  await assert.rejects(call('excuseMember', { ...excusal(e, 500), ...retry }));
  await call('excuseMember', { ...excusal(e, 2), ...retry });
  assert.equal(count(e.ctx, 'party_excusal'), 2);
  assert.equal(count(e.ctx, 'audit_event', "type = 'party.member-excused'"), 2);
});

test('a residents’ roll may not mark probationary members; a Party roll with an unknown status is refused naming the line', async () => {
  const residents = election();
  const csv = partyRollCsv().replaceAll('党小组', '居民小组');
  await assert.rejects(importRoll(residents.ctx, { bytes: utf8(csv), fileName: 'roll.csv' }), (err: unknown) =>
    rejects('invalid-input')(err) && /第 20 行.*预备党员/.test((err as Error).message));
  assert.equal(count(residents.ctx, 'voter'), 0);
  const party = partyMeetingFile();
  await assert.rejects(importRoll(party.ctx, { bytes: utf8(partyRollCsv().replace('正式党员', '入党积极分子')), fileName: 'r.csv' }), (err: unknown) =>
    rejects('invalid-input')(err) && /第 2 行.*党员类别/.test((err as Error).message));
  assert.equal(count(party.ctx, 'voter'), 0);
});

const newMember = (over: Record<string, unknown> = {}) => ({
  name: '欧阳明',
  idNumber: makeIdNumber('110105', '1980-03-07', '201'),
  group: '第1党小组',
  category: 'resident' as const,
  ...over,
});

function lastAudit(e: Election, type: string): { before: unknown; after: unknown } {
  return JSON.parse(e.ctx.db.prepare('SELECT detail_json FROM audit_event WHERE type = ? ORDER BY seq DESC LIMIT 1').pluck().get(type) as string);
}

test('a member added one by one or corrected may be marked probationary: no certificate, out of the registered count, audited', async () => {
  const e = await withPartyRoll();
  const added = addVoter(e.ctx, { voter: newMember({ probationary: true }), approval: approval(e), reason: '新接收的预备党员转入' });
  assert.equal((lastAudit(e, 'voter.added').after as { probationary?: boolean }).probationary, true);
  let m = partyMeeting(e.ctx);
  assert.deepEqual([m.members, m.probationary, m.registered], [21, 3, 18]);
  assert.throws(() => cardOfCertificate(e.ctx.db, added.certificate), rejects('refused'));

  const full = member(5).certificate;
  const corrected = correctVoter(e.ctx, { certificate: full, change: { probationary: true }, approval: approval(e), reason: '名册录错，应为预备党员' });
  assert.equal(corrected.after.probationary, true);
  assert.equal(corrected.before.probationary, undefined);
  assert.deepEqual(lastAudit(e, 'voter.corrected').after, corrected.after);
  m = partyMeeting(e.ctx);
  assert.deepEqual([m.probationary, m.registered], [4, 17]);
  assert.equal(batchChoices(e.ctx.db).voters, 17);
  const back = correctVoter(e.ctx, { certificate: full, change: { probationary: false }, approval: approval(e), reason: '已转为正式党员' });
  assert.equal(back.after.probationary, undefined);
  assert.equal(partyMeeting(e.ctx).registered, 18);
  assert.equal(cardOfCertificate(e.ctx.db, full).certificate, full);
  assert.equal(count(e.ctx, 'audit_event', "type = 'voter.corrected'"), 2);

  openVoting(e.ctx, ['C1'], 10);
  assert.throws(() => correctVoter(e.ctx, { certificate: member(6).certificate, change: { probationary: true }, approval: approval(e), reason: '晚了' }), rejects('refused', 'roll-locked'));
  assert.equal(partyMeeting(e.ctx).probationary, 3);
});

test('the probationary mark is refused outside a Party meeting and on an excused member, naming why; nothing changes', async () => {
  const residents = election();
  await importRoll(residents.ctx, { bytes: utf8(partyRollCsv().replaceAll('党小组', '居民小组').replaceAll('预备党员', '正式党员')), fileName: 'roll.csv' });
  const before = count(residents.ctx, 'voter');
  assert.throws(
    () => addVoter(residents.ctx, { voter: newMember({ probationary: true }), reason: '申请' }),
    (err: unknown) => rejects('invalid-input')(err) && /^voter\.probationary: .*党员大会/.test((err as Error).message),
  );
  assert.throws(() => correctVoter(residents.ctx, { certificate: member(1).certificate, change: { probationary: true }, reason: 'x' }), rejects('invalid-input'));
  assert.equal(count(residents.ctx, 'voter'), before);
  assert.equal(count(residents.ctx, 'voter', 'probationary = 1'), 0);
  assert.equal(count(residents.ctx, 'roll_change'), 0);

  const e = await withPartyRoll();
  excuseMember(e.ctx, excusal(e, 2));
  assert.throws(
    () => correctVoter(e.ctx, { certificate: member(2).certificate, change: { probationary: true }, approval: approval(e), reason: '预备党员' }),
    (err: unknown) => rejects('refused', 'excused-member')(err) && /撤销/.test((err as Error).message),
  );
  assert.equal(count(e.ctx, 'voter', 'probationary = 1'), 2);
});

test('excused members get no certificate: left out of every batch and counted on the screen, reprint refused naming why, printable again once undone', async () => {
  const e = await withPartyRoll();
  const excused = member(4);
  const out = excuseMember(e.ctx, excusal(e, 4));
  const choices = batchChoices(e.ctx.db);
  assert.equal(choices.excused, 1);
  assert.equal(choices.voters, 17, '20 less 2 probationary less 1 excused');
  assert.equal(choices.venues.reduce((n, v) => n + v.voters, 0), 17);
  const ids = batchVoterIds(e.ctx.db, { kind: 'all' });
  assert.equal(ids.length, 17);
  const group = `第${(4 % 3) + 1}党小组`;
  const inGroup = batchVoterIds(e.ctx.db, { kind: 'group', group });
  assert.ok(!e.ctx.db.prepare(`SELECT certificate FROM voter WHERE id IN (${inGroup.join(',')})`).pluck().all().includes(excused.certificate));
  assert.throws(
    () => recordCertificateReprint(e.ctx, { certificate: excused.certificate, reason: '遗失' }),
    (err: unknown) => rejects('refused', 'excused-member')(err) && /不计入应到会人数/.test((err as Error).message) && (err as Error).message.includes(excused.name),
  );
  assert.equal(count(e.ctx, 'audit_event', "type = 'certificate.reprinted'"), 0);

  undoExcusal(e.ctx, { id: out.id, reason: '本人能参加会议', approval: approval(e) });
  assert.equal(batchChoices(e.ctx.db).excused, 0);
  assert.equal(batchVoterIds(e.ctx.db, { kind: 'all' }).length, 18);
  assert.equal(recordCertificateReprint(e.ctx, { certificate: excused.certificate, reason: '遗失' }).certificate, excused.certificate);
});
