import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../../shared/api/envelope';
import { removeCandidate, removeOffice, updateCandidate, updateOffice } from '../../../electron/backend/services/setup-edit';
import { electionOverview } from '../../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { inTransaction } from '../../../electron/backend/db';
import { personKeyOf, setPersonKeySalt } from '../../../electron/backend/services/person-key';
import { buildRoundRecord } from '../../../electron/backend/services/results';
import { count, sampleElection } from './helpers';

function apiError(code: string, pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    return true;
  };
}

const candidate = (ctx: ReturnType<typeof sampleElection>, name: string) =>
  electionOverview(ctx).offices.flatMap((o) => o.candidates).find((c) => c.name === name);

function lastAudit(ctx: ReturnType<typeof sampleElection>): { type: string; detail: Record<string, unknown> } {
  const row = ctx.db.prepare('SELECT type, detail_json AS detail FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { type: string; detail: string };
  return { type: row.type, detail: JSON.parse(row.detail) as Record<string, unknown> };
}

test('a candidate is corrected before voting opens, audited with the old and new values and the reason', () => {
  const ctx = sampleElection();
  const id = candidate(ctx, '赵建国')!.id;
  updateCandidate(ctx, { id, name: '赵建华', reason: '报名表姓名录入错误' });
  assert.equal(candidate(ctx, '赵建国'), undefined);
  assert.equal(candidate(ctx, '赵建华')?.id, id, 'the id on ballots stays');
  const audit = lastAudit(ctx);
  assert.equal(audit.type, 'candidate.changed');
  assert.deepEqual(audit.detail.before, { name: '赵建国', gender: 'male' });
  assert.deepEqual(audit.detail.after, { name: '赵建华', gender: 'male' });
  assert.equal(audit.detail.reason, '报名表姓名录入错误');
});

test('a correction keeps the rules of standing: no second candidate of the same name, a woman for a women\'s seat', () => {
  const ctx = sampleElection();
  const events = count(ctx, 'audit_event');
  const chen = candidate(ctx, '陈秀英')!.id;
  assert.throws(() => updateCandidate(ctx, { id: chen, name: '赵建国', reason: 'x' }), apiError('invalid-input', /already a candidate/));
  const zhou = candidate(ctx, '周敏')!.id;
  assert.throws(() => updateCandidate(ctx, { id: zhou, gender: 'male', reason: 'x' }), apiError('refused', /women's seat/));
  assert.throws(() => updateCandidate(ctx, { id: 'nobody', name: '某人', reason: 'x' }), apiError('not-found', /no candidate/));
  assert.equal(count(ctx, 'audit_event'), events, 'a refused correction writes nothing');
  assert.equal(candidate(ctx, '周敏')?.gender, 'female');
});

test('candidates and offices are removed before voting opens; an office with candidates is not', () => {
  const ctx = sampleElection();
  assert.throws(() => removeOffice(ctx, { id: 'women', reason: '不设妇女委员' }), apiError('refused', /still has 2 candidate/));
  for (const name of ['周敏', '吴芳']) removeCandidate(ctx, { id: candidate(ctx, name)!.id, reason: '本人退出' });
  assert.equal(lastAudit(ctx).type, 'candidate.removed');
  removeOffice(ctx, { id: 'women', reason: '不设妇女委员' });
  assert.deepEqual(electionOverview(ctx).offices.map((o) => o.id), ['chair', 'vice', 'member']);
  assert.deepEqual(lastAudit(ctx).detail, { title: '妇女委员', rank: 4, seats: 1, reason: '不设妇女委员' });
  const { warnings } = updateOffice(ctx, { id: 'member', seats: 4, reason: '职数调整' });
  assert.equal(electionOverview(ctx).offices.find((o) => o.id === 'member')?.seats, 4);
  assert.ok(warnings.some((w) => w.code === 'insufficient-candidate-margin' && w.office === 'member'), 'the margin is checked again');
  assert.deepEqual(lastAudit(ctx).detail, { before: { title: '委员', seats: 3 }, after: { title: '委员', seats: 4 }, reason: '职数调整' });
});

test('once round 1 has opened, corrections and removals are refused and change nothing', () => {
  const ctx = sampleElection();
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
  const events = count(ctx, 'audit_event');
  const id = candidate(ctx, '赵建国')!.id;
  assert.throws(() => updateCandidate(ctx, { id, name: '赵建华', reason: 'x' }), apiError('refused', /voting has started/));
  assert.throws(() => removeCandidate(ctx, { id, reason: 'x' }), apiError('refused', /voting has started/));
  assert.throws(() => updateOffice(ctx, { id: 'chair', title: '书记', reason: 'x' }), apiError('refused', /voting has started/));
  assert.throws(() => removeOffice(ctx, { id: 'women', reason: 'x' }), apiError('refused', /voting has started/));
  assert.throws(() => updateCandidate(ctx, { id, birthYear: 1975, reason: 'x' }), apiError('refused', /voting has started/));
  assert.equal(count(ctx, 'audit_event'), events);
  assert.ok(candidate(ctx, '赵建国'));
});

test('a candidate’s record facts and gender are corrected before voting opens: old and new values audited, the person key follows the ID number', () => {
  const ctx = sampleElection();
  const salt = '城南街道2026换届';
  setPersonKeySalt(ctx, salt);
  const id = candidate(ctx, '赵建国')!.id;
  const inRecord = () => buildRoundRecord(ctx.db, 1).candidates.find((c) => c.id === id)!;
  updateCandidate(ctx, { id, birthYear: 1976, education: 'college', politicalStatus: 'party-member', idNumber: '11010519760101123x', reason: '补录报名表信息' });
  assert.deepEqual(lastAudit(ctx).detail, {
    before: { name: '赵建国', gender: 'male', birthYear: null, education: null, politicalStatus: null },
    after: { name: '赵建国', gender: 'male', birthYear: 1976, education: 'college', politicalStatus: 'party-member' },
    idNumberChanged: true,
    reason: '补录报名表信息',
  });
  assert.equal(inRecord().personKey, personKeyOf(salt, '11010519760101123X'));
  updateCandidate(ctx, { id, gender: 'female', education: null, idNumber: '110105197601011248', reason: '身份证号、性别录入错误' });
  assert.deepEqual(lastAudit(ctx).detail, {
    before: { name: '赵建国', gender: 'male', education: 'college' },
    after: { name: '赵建国', gender: 'female', education: null },
    idNumberChanged: true,
    reason: '身份证号、性别录入错误',
  });
  const now = inRecord();
  assert.deepEqual([now.gender, now.birthYear, now.education, now.politicalStatus], ['female', 1976, undefined, 'party-member']);
  assert.equal(now.personKey, personKeyOf(salt, '110105197601011248'), 'the key is made again from the corrected ID number');
  assert.ok(!JSON.stringify(ctx.db.prepare("SELECT detail_json FROM audit_event WHERE type = 'candidate.changed'").all()).includes('1101051976'), 'no ID number in the log');
});
