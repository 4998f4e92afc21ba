import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../shared/api/envelope';
import { batchChoices, batchVoterIds, cardOfCertificate } from '../../../electron/backend/certificates/batches';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { registeredCount } from '../../../electron/backend/services/results';
import {
  addRepresentative,
  listRepresentatives,
  removeRepresentative,
  representativesStatus,
  setHouseholdCount,
} from '../../../electron/backend/services/representatives';
import { importRepresentatives } from '../../../electron/backend/services/representatives-import';
import { removeVoter } from '../../../electron/backend/services/roll-life';
import { turnout } from '../../../electron/backend/services/turnout';
import { notVotedSummary } from '../../../electron/backend/services/not-voted';
import { assignGroup, listVoters, mobileLists, reassignVoter } from '../../../electron/backend/services/voters';
import { makeVoter, utf8 } from '../../unit/roll/make-roll';
import { count, election, importGenerated, openVoting, rejects, type Election } from '../issuance/helpers';

const cert = (i: number) => makeVoter(i).certificate;

async function representativeElection(voters = 30): Promise<Election> {
  const e = election({ method: 'representative' });
  await importGenerated(e.ctx, voters);
  return e;
}

function listAsReps(e: Election, ...ids: number[]): void {
  for (const i of ids) addRepresentative(e.ctx, { certificate: cert(i) });
}

function audit(e: Election, type: string): number {
  return count(e.ctx, 'audit_event', `type = '${type}'`);
}

test('too few representatives for the household count are warned, the minimum following the household count', async () => {
  const e = await representativeElection();
  listAsReps(e, 0, 1, 2, 3, 4);
  assert.deepEqual(
    (({ count: n, minimum, ok, households }) => ({ n, minimum, ok, households }))(representativesStatus(e.ctx)),
    { n: 5, minimum: null, ok: null, households: null },
    'unknown until the household count is entered',
  );
  assert.deepEqual(setHouseholdCount(e.ctx, { households: 500 }), { households: 500, minimum: 20 });
  let s = representativesStatus(e.ctx);
  assert.equal(s.applies, true);
  assert.equal(s.minimum, 20);
  assert.equal(s.ok, false);
  assert.equal(setHouseholdCount(e.ctx, { households: 501 }).minimum, 30);
  assert.equal(setHouseholdCount(e.ctx, { households: 1000 }).minimum, 30);
  assert.equal(setHouseholdCount(e.ctx, { households: 1001 }).minimum, 50);
  setHouseholdCount(e.ctx, { households: 120 });
  listAsReps(e, ...Array.from({ length: 15 }, (_, i) => i + 5));
  s = representativesStatus(e.ctx);
  assert.equal(s.count, 20);
  assert.equal(s.ok, true);
  assert.equal(s.groups.reduce((n, g) => n + g.representatives, 0), 20);
  assert.equal(audit(e, 'community.households-set'), 5);
});

test('certificates go to representatives only', async () => {
  const e = await representativeElection();
  listAsReps(e, 2, 7);
  assert.equal(batchChoices(e.ctx.db).voters, 2);
  assert.equal(batchVoterIds(e.ctx.db, { kind: 'all' }).length, 2);
  assert.equal(cardOfCertificate(e.ctx.db, cert(7)).certificate, cert(7));
  assert.throws(() => cardOfCertificate(e.ctx.db, cert(3)), (err: unknown) => {
    rejects('refused', 'not-a-representative')(err);
    assert.equal((err as ApiError).text?.key, 'error.reps.certificatesOnly');
    return true;
  });
});

test('the desk refuses a voter who is not a representative, saying so, and gives the representative a ballot', async () => {
  const e = await representativeElection();
  listAsReps(e, 1);
  openVoting(e.ctx);
  assert.throws(() => issueBallot(e.ctx, { certificate: cert(4), round: 1, desk: 'C1' }), (err: unknown) => {
    rejects('refused', 'not-a-representative')(err);
    assert.equal((err as ApiError).text?.key, 'error.reps.notRepresentative');
    assert.match((err as Error).message, /不是居民代表/);
    return true;
  });
  assert.equal(count(e.ctx, 'issuance'), 0);
  assert.equal(issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1' }).certificate, cert(1));
});

test('registered is the number of representatives, and the quorum (more than half) is counted on them', async () => {
  const e = await representativeElection();
  listAsReps(e, 0, 1, 2, 3, 4);
  assert.equal(registeredCount(e.ctx.db), 5);
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1' });
  let t = turnout(e.ctx.db, 1);
  assert.equal(t.registered, 5);
  assert.equal(t.quorum.needed, 3);
  assert.equal(t.quorum.met, false);
  issueBallot(e.ctx, { certificate: cert(2), round: 1, desk: 'C1' });
  t = turnout(e.ctx.db, 1);
  assert.equal(t.quorum.met, true);
});

test('a representative not on the roll is refused naming the row and column, and nothing is written', async () => {
  const e = await representativeElection();
  removeVoter(e.ctx, { certificate: cert(9), removal: { reason: 'moved' } });
  const file = ['姓名,身份证号,选民证号', `${makeVoter(0).name},${makeVoter(0).idNumber},`, '无名氏,110105199001011234,', `,,${cert(5)}`, `,,${cert(9)}`, `,${makeVoter(5).idNumber},`].join('\r\n');
  await assert.rejects(importRepresentatives(e.ctx, { bytes: utf8(file), fileName: 'reps.csv' }), (err: unknown) => {
    rejects('invalid-input')(err);
    const errors = (err as ApiError).details as { errors: { line: number; column: string; key: string }[] };
    assert.deepEqual(errors.errors.map((x) => [x.line, x.column, x.key]), [
      [3, '身份证号', 'error.reps.rowNotOnRoll'],
      [5, '选民证号', 'error.reps.rowRemoved'],
      [6, '身份证号', 'error.reps.rowTwice'],
    ]);
    assert.match((err as Error).message, /第一处在第 3 行/);
    assert.match((err as Error).message, /110105199001011234/);
    return true;
  });
  assert.equal(count(e.ctx, 'representative'), 0);
  assert.equal(audit(e, 'representatives.imported'), 0);

  const good = ['身份证号,选民证号', `${makeVoter(0).idNumber},`, `,${cert(5)}`].join('\n');
  assert.deepEqual(await importRepresentatives(e.ctx, { bytes: utf8(good), fileName: 'reps.csv' }), { rows: 2, added: 2, alreadyListed: 0 });
  assert.deepEqual(listRepresentatives(e.ctx, {}).map((r) => [r.certificate, r.source]), [[cert(0), 'import'], [cert(5), 'import']]);
  assert.equal((await importRepresentatives(e.ctx, { bytes: utf8(good) })).alreadyListed, 2);
  await assert.rejects(importRepresentatives(e.ctx, { bytes: utf8('姓名,居民小组\n张三,第1居民小组\n') }), (err: unknown) => {
    rejects('invalid-input')(err);
    assert.equal((err as ApiError).text?.key, 'error.reps.noColumn');
    return true;
  });
});

test('the list changes one representative at a time, audited, refusing voters off the roll, and locks when round 1 opens', async () => {
  const e = await representativeElection();
  assert.throws(() => addRepresentative(e.ctx, { certificate: cert(100) }), (err: unknown) => {
    rejects('not-found')(err);
    assert.equal((err as ApiError).text?.key, 'error.reps.notOnRoll');
    return true;
  });
  addRepresentative(e.ctx, { certificate: cert(3) }, 'rep-key-0123456789');
  assert.equal(addRepresentative(e.ctx, { certificate: cert(3) }, 'rep-key-0123456789').certificate, cert(3), 'a re-send answers the first');
  assert.throws(() => addRepresentative(e.ctx, { certificate: cert(3) }), rejects('refused', 'already-listed'));
  removeRepresentative(e.ctx, { certificate: cert(3) });
  assert.throws(() => removeRepresentative(e.ctx, { certificate: cert(3) }), rejects('refused', 'not-listed'));
  assert.equal(audit(e, 'representative.added'), 1);
  assert.equal(audit(e, 'representative.removed'), 1);
  openVoting(e.ctx);
  assert.throws(() => addRepresentative(e.ctx, { certificate: cert(4) }), rejects('refused', 'reps-locked'));
  assert.equal(count(e.ctx, 'representative'), 0);
});

test('a direct election is untouched: no representatives list, every voter registered and given a certificate', async () => {
  const e = election();
  await importGenerated(e.ctx, 10);
  assert.throws(() => addRepresentative(e.ctx, { certificate: cert(1) }), rejects('refused', 'not-representative-election'));
  assert.equal(representativesStatus(e.ctx).applies, false);
  assert.equal(registeredCount(e.ctx.db), 10);
  assert.equal(batchChoices(e.ctx.db).voters, 10);
  openVoting(e.ctx);
  assert.equal(issueBallot(e.ctx, { certificate: cert(4), round: 1, desk: 'C1' }).certificate, cert(4));
});

test('the household count may come with the election definition (station init), audited like the committee\'s entry', async () => {
  const e = election({ method: 'representative', households: 700 });
  const s = representativesStatus(e.ctx);
  assert.equal(s.households, 700);
  assert.equal(s.minimum, 30);
  assert.equal(s.ok, false);
  assert.equal(audit(e, 'community.households-set'), 1);
  assert.throws(() => election({ method: 'representative', households: 0 }), rejects('invalid-input'));
});

test('every list and count of those to vote counts representatives: not voted, turnout per place, mobile lists, desk lists, batches', async () => {
  const e = await representativeElection();
  // Voters 0, 12 and 24 are the first group's: it votes at polling station s1; voters 1 and 7 go onto mobile box M1.
  assignGroup(e.ctx, { group: makeVoter(0).group, venue: 's1' });
  reassignVoter(e.ctx, { certificate: cert(1), to: { mobileBox: 'M1' }, reason: '行动不便' });
  reassignVoter(e.ctx, { certificate: cert(7), to: { mobileBox: 'M1' }, reason: '行动不便' });
  listAsReps(e, 0, 1, 2, 3, 12);
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(0), round: 1, desk: 'S1' });

  const s = notVotedSummary(e.ctx.db, 1);
  assert.deepEqual([s.voters, s.notVoted], [5, 4]);
  const places = new Map(s.byPlace.map((p) => [p.assignment.id, [p.voters, p.notVoted]]));
  assert.deepEqual(Object.fromEntries(places), { central: [2, 2], s1: [2, 1], M1: [1, 1] });
  assert.equal(s.byGroup.reduce((n, g) => n + g.voters, 0), 5);

  assert.equal(listVoters(e.ctx.db, { offset: 0, limit: 100, status: 'not-issued', round: 1 }).total, 4);
  assert.deepEqual(
    listVoters(e.ctx.db, { offset: 0, limit: 100, assignment: { venue: 's1' }, electors: true }).voters.map((v) => v.certificate),
    [cert(0), cert(12)],
  );
  assert.equal(listVoters(e.ctx.db, { offset: 0, limit: 100, assignment: { venue: 's1' } }).total, 3, 'the roll itself still lists everyone');

  const t = turnout(e.ctx.db, 1);
  assert.deepEqual(t.byVenue.map((v) => [v.venue, v.assigned]), [['central', 2], ['s1', 2]]);
  assert.deepEqual(t.byMobileBox.map((b) => [b.box, b.assigned]), [['M1', 1]]);
  assert.deepEqual(mobileLists(e.ctx.db, 'M1')[0]!.voters.map((v) => v.name), [makeVoter(1).name]);

  const choices = batchChoices(e.ctx.db);
  assert.deepEqual(choices.venues.map((v) => [v.id, v.voters]), [['central', 2], ['s1', 2]]);
  assert.deepEqual(choices.mobileBoxes.map((b) => [b.id, b.voters]), [['M1', 1]]);
});
