import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAuditEvents } from '../../../electron/backend/audit';
import type { BackendContext } from '../../../electron/backend/context';
import { personKeyOf, setPersonKeySalt } from '../../../electron/backend/services/person-key';
import { storedResult } from '../../../electron/backend/services/results';
import { roundCandidates, updateRoundCandidate } from '../../../electron/backend/services/round-candidates';
import { createNextRound } from '../../../electron/backend/services/rounds';
import { roundCandidatesContract } from '../../../shared/api/round-candidates';
import { expectApiError, makeElection, runRound, times } from './helpers';

/**
 * A person first standing in a later round: 周敏 is written in for 委员 in round 1 and stands in the supplementary
 * election without a row on the candidates form. Her facts are entered for round 2 and reach its record.
 */
const SALT = '城南街道2026换届';
const ID = '110105198803071229';
const ID_FIXED = '110105198703071226';

/** Round 1 elects 王芳 and 张伟; 周敏 (written in on half the ballots) leads the supplementary election for one 委员 seat. */
async function supplementaryElection(salt: string | null): Promise<BackendContext> {
  const { ctx } = await makeElection({ voters: 12, rules: { minCommittee: 3 } });
  if (salt !== null) setPersonKeySalt(ctx, salt);
  const r1 = runRound(ctx, 1, [
    ...times(5, { marks: { chair: { for: ['c1'] }, member: { for: ['m1'], writeIns: ['周敏'] } } }),
    ...times(5, { marks: { chair: { for: ['c1'] }, member: { for: ['m1'] } } }),
  ]);
  assert.deepEqual(r1.result.nextSteps.map((s) => [s.kind, s.names[0]]), [['supplementary', '周敏']]);
  createNextRound(ctx, { fromRound: 1, kind: 'supplementary' });
  return ctx;
}

const zhouOf = (ctx: BackendContext, round = 2) => roundCandidates(ctx.db, round).find((c) => c.name === '周敏')!;
const changes = (ctx: BackendContext) => readAuditEvents(ctx.db, { afterSeq: 0 }).filter((e) => e.type === 'round-candidate.changed');

test('a person first on a supplementary ballot gets gender, facts and a person key, written into that round’s record', async () => {
  const ctx = await supplementaryElection(SALT);
  const zhou = zhouOf(ctx);
  assert.deepEqual(
    { setUp: zhou.setUp, gender: zhou.gender, birthYear: zhou.birthYear, personKey: zhou.personKey },
    { setUp: false, gender: null, birthYear: null, personKey: false },
  );
  const liu = roundCandidates(ctx.db, 2).find((c) => c.name === '刘洋')!;
  assert.equal(liu.setUp, true, 'a set-up candidate of the office keeps the candidates form’s facts');
  assert.throws(() => updateRoundCandidate(ctx, { round: 2, id: liu.id, birthYear: 1970 }), expectApiError('refused', /set-up candidate of "委员"/));

  const entered = updateRoundCandidate(ctx, { round: 2, id: zhou.id, gender: 'female', idNumber: ID, birthYear: 1988, education: 'bachelor', politicalStatus: 'masses' });
  assert.deepEqual(
    { gender: entered.gender, birthYear: entered.birthYear, education: entered.education, politicalStatus: entered.politicalStatus, personKey: entered.personKey },
    { gender: 'female', birthYear: 1988, education: 'bachelor', politicalStatus: 'masses', personKey: true },
  );
  const stored = ctx.db.prepare('SELECT * FROM round_candidate WHERE round_number = 2 AND id = ?').get(zhou.id) as Record<string, unknown>;
  assert.equal(stored.person_key, personKeyOf(SALT, ID));
  assert.ok(!JSON.stringify(stored).includes(ID), 'only the key is stored, never the ID number');

  // A correction of what was entered needs its reason; the ID number corrected gives a new key.
  assert.throws(() => updateRoundCandidate(ctx, { round: 2, id: zhou.id, birthYear: 1987 }), expectApiError('invalid-input', /say why/));
  assert.throws(() => updateRoundCandidate(ctx, { round: 2, id: zhou.id, idNumber: ID_FIXED }), expectApiError('invalid-input', /say why/));
  assert.equal(zhouOf(ctx).birthYear, 1988, 'a refused correction changes nothing');
  updateRoundCandidate(ctx, { round: 2, id: zhou.id, birthYear: 1987, idNumber: ID_FIXED, education: null, reason: '身份证号录入错误' });
  const [first, second] = changes(ctx);
  assert.equal(changes(ctx).length, 2);
  assert.deepEqual(first!.detail.before, { gender: null, birthYear: null, education: null, politicalStatus: null });
  assert.deepEqual(second!.detail.before, { gender: 'female', birthYear: 1988, education: 'bachelor', politicalStatus: 'masses' });
  assert.deepEqual(second!.detail.after, { gender: 'female', birthYear: 1987, education: null, politicalStatus: 'masses' });
  assert.equal(second!.detail.personKeyChanged, true);
  assert.equal(second!.detail.reason, '身份证号录入错误');
  const log = JSON.stringify(changes(ctx));
  for (const secret of [ID, ID_FIXED, personKeyOf(SALT, ID), personKeyOf(SALT, ID_FIXED)]) assert.ok(!log.includes(secret), 'neither ID number nor key in the log');
  // The same values again (a re-send) change and log nothing.
  updateRoundCandidate(ctx, { round: 2, id: zhou.id, birthYear: 1987, idNumber: ID_FIXED, reason: '身份证号录入错误' });
  assert.equal(changes(ctx).length, 2);

  const r2 = runRound(ctx, 2, [...times(6, { marks: { member: { for: [zhou.id] } } }), ...times(2, { marks: { member: { for: ['m3'] } } })]);
  assert.deepEqual(r2.result.offices[0]!.elected, ['周敏']);
  const inRecord = storedResult(ctx.db, 2)!.record.candidates.find((c) => c.name === '周敏')!;
  assert.deepEqual(
    { gender: inRecord.gender, birthYear: inRecord.birthYear, education: inRecord.education, politicalStatus: inRecord.politicalStatus, personKey: inRecord.personKey },
    { gender: 'female', birthYear: 1987, education: undefined, politicalStatus: 'masses', personKey: personKeyOf(SALT, ID_FIXED) },
  );
  // Once the round has opened its candidates' facts stay as they were.
  assert.throws(
    () => updateRoundCandidate(ctx, { round: 2, id: zhou.id, birthYear: 1990, reason: '再次更正' }),
    (e: unknown) => expectApiError('refused', /round 2 is counted/)(e) && (e as { details?: { reason?: string } }).details?.reason === 'round-opened',
  );
  assert.equal(zhouOf(ctx).birthYear, 1987);
  assert.equal(changes(ctx).length, 2);
});

test('a later round takes over the facts entered for a person in the round before; no salt, no ID number', async () => {
  const ctx = await supplementaryElection(null);
  const zhou = zhouOf(ctx);
  assert.throws(() => updateRoundCandidate(ctx, { round: 2, id: zhou.id, idNumber: ID }), expectApiError('refused', /salt is not set/));
  assert.equal(zhouOf(ctx).personKey, false);
  assert.equal(roundCandidatesContract.updateRoundCandidate.input.safeParse({ round: 2, id: zhou.id, reason: '无' }).success, false, 'something to enter is asked for');
  updateRoundCandidate(ctx, { round: 2, id: zhou.id, gender: 'female', birthYear: 1988, politicalStatus: 'league' });
  // 周敏 and 陈静 tie across the one seat: a tie re-vote, where 周敏 stands again under an id of round 3.
  const r2 = runRound(ctx, 2, [...times(5, { marks: { member: { for: [zhou.id] } } }), ...times(5, { marks: { member: { for: ['m3'] } } })]);
  assert.deepEqual(r2.result.nextSteps.map((s) => s.kind), ['tie-revote']);
  createNextRound(ctx, { fromRound: 2, kind: 'tie-revote' });
  const again = zhouOf(ctx, 3);
  assert.notEqual(again.id, zhou.id);
  assert.deepEqual([again.gender, again.birthYear, again.politicalStatus, again.setUp], ['female', 1988, 'league', false]);
});

