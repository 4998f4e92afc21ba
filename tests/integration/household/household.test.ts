import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../shared/api/envelope';
import { batchCards } from '../../../electron/backend/certificates/batches';
import { recordCertificateReprint } from '../../../electron/backend/certificates/reprint';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { registeredCount } from '../../../electron/backend/services/results';
import { correctVoterTx, storedVoter } from '../../../electron/backend/services/roll-changes';
import { importRoll } from '../../../electron/backend/services/roll';
import { turnout } from '../../../electron/backend/services/turnout';
import { listVoters } from '../../../electron/backend/services/voter-list';
import { inTransaction, MIGRATIONS, migrate, openDatabase, schemaVersion } from '../../../electron/backend/db';
import { join } from 'node:path';
import { CSV_HEADER, makeVoter, utf8, voterCsvLine } from '../../unit/roll/make-roll';
import { count, election, openVoting, rejects, tempDir } from '../issuance/helpers';

/** A roll whose i-th voter lives in households[i] ('' for none). */
function rollWithHouseholds(households: readonly string[]): Uint8Array {
  const lines = [`${CSV_HEADER},户号`, ...households.map((h, i) => `${voterCsvLine(makeVoter(i))},${h}`)];
  return utf8(`${lines.join('\r\n')}\r\n`);
}

const cert = (i: number) => makeVoter(i).certificate;

async function householdElection(households: readonly string[]) {
  const e = election({ method: 'household' });
  await importRoll(e.ctx, { bytes: rollWithHouseholds(households), fileName: 'roll.csv' });
  return e;
}

test('a household election: one ballot per household per round; the second member is refused with who voted, when and where', async () => {
  const { ctx } = await householdElection(['101', '101', '102', '3-2-101']);
  openVoting(ctx);
  const first = issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  assert.throws(
    () => issueBallot(ctx, { certificate: cert(1), round: 1, desk: 'C1' }),
    (e: unknown) => {
      assert.ok(e instanceof ApiError && e.code === 'refused', String(e));
      const d = e.details as { reason: string; household: string; by: { name: string; certificate: string }; first: { at: string; venueName: string } };
      assert.equal(d.reason, 'household-voted');
      assert.equal(d.household, '101');
      assert.deepEqual(d.by, { name: makeVoter(0).name, certificate: cert(0) });
      assert.equal(d.first.at, first.at);
      const text = (e as ApiError & { text?: { key: string; en: string; zh: string } }).text!;
      assert.equal(text.key, 'error.household.voted');
      assert.match(text.zh, new RegExp(`户号 101 .*${makeVoter(0).name}（选民证 ${cert(0)}）于 16:0\\d 在 .*中心会场`));
      assert.match(text.en, /one ballot per household/);
      return true;
    },
  );
  // Another household votes; the refusal is in the audit log and nothing else was written.
  issueBallot(ctx, { certificate: cert(2), round: 1, desk: 'C1' });
  assert.equal(count(ctx, 'issuance'), 2);
  assert.equal(count(ctx, 'audit_event', "type = 'ballot.refused' AND detail_json LIKE '%household-voted%'"), 1);
});

test('a direct election keeps one ballot per voter: members of one household both vote', async () => {
  const e = election();
  await importRoll(e.ctx, { bytes: rollWithHouseholds(['101', '101']), fileName: 'roll.csv' });
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1' });
  assert.equal(registeredCount(e.ctx.db), 2);
});

test('quorum by households: more than half of the voters took part, but not more than half of the households', async () => {
  // 6 voters in 4 households: the big household's 3 members would be half the voters; here 2 households of 4 vote.
  const { ctx } = await householdElection(['A', 'A', 'A', 'B', 'C', 'D']);
  assert.equal(registeredCount(ctx.db), 4);
  openVoting(ctx);
  issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  issueBallot(ctx, { certificate: cert(3), round: 1, desk: 'C1' });
  let view = turnout(ctx.db, 1);
  assert.equal(view.registered, 4);
  assert.equal(view.participants, 2);
  assert.equal(view.quorum.met, false, 'two of four households is not more than half');
  assert.equal(view.quorum.needed, 3);
  assert.match(view.quorum.rule.zh, /户数/);
  issueBallot(ctx, { certificate: cert(4), round: 1, desk: 'C1' });
  view = turnout(ctx.db, 1);
  assert.equal(view.quorum.met, true, 'three of four households (three of six voters would not be more than half)');
});

test('certificates in a household election: one per household naming its number and members; a reprint by any member gives it', async () => {
  const { ctx } = await householdElection(['101', '102', '101', '103']);
  const { total, cards } = batchCards(ctx.db, { kind: 'all' }, 0, 100);
  assert.equal(total, 3);
  assert.deepEqual(cards.map((c) => [c.certificate, c.household?.number]), [[cert(0), '101'], [cert(1), '102'], [cert(3), '103']]);
  assert.deepEqual(cards[0]!.household!.members, [makeVoter(0).name, makeVoter(2).name]);
  const one = batchCards(ctx.db, { kind: 'household', household: '１０１' }, 0, 10);
  assert.deepEqual(one.cards.map((c) => c.certificate), [cert(0)]);
  assert.throws(() => batchCards(ctx.db, { kind: 'household', household: '999' }, 0, 10), (e: unknown) => {
    assert.ok(e instanceof ApiError && e.code === 'not-found');
    assert.match(e.message, /999/);
    return true;
  });
  assert.throws(() => batchCards(ctx.db, { kind: 'household', household: '1 0/1' }, 0, 10), rejects('invalid-input'));
  const reprinted = recordCertificateReprint(ctx, { certificate: cert(2), reason: '遗失' });
  assert.equal(reprinted.certificate, cert(0));
  assert.equal(reprinted.household?.number, '101');
});

test('a direct election prints one certificate per voter, with no household on the card', async () => {
  const e = election();
  await importRoll(e.ctx, { bytes: rollWithHouseholds(['101', '101']), fileName: 'roll.csv' });
  const { total, cards } = batchCards(e.ctx.db, { kind: 'all' }, 0, 10);
  assert.equal(total, 2);
  assert.equal(cards[0]!.household, undefined);
});

test('voters without a household number in a household election: certificates refused with how many and which rows', async () => {
  const { ctx } = await householdElection(['101', '', '102', '']);
  assert.throws(() => batchCards(ctx.db, { kind: 'all' }, 0, 10), (e: unknown) => {
    assert.ok(e instanceof ApiError && e.code === 'refused');
    assert.equal((e.details as { count: number }).count, 2);
    assert.match(e.message, /2 名选民没有户号（行：3, 5）/);
    return true;
  });
  // Filled in on the voter (a roll correction), certificates can be made.
  for (const i of [1, 3]) {
    inTransaction(ctx.db, () =>
      correctVoterTx(ctx, storedVoter(ctx.db, cert(i))!, { household: ' 104 ' }, { reason: '补填户号', objection: null, approvers: [] }),
    );
  }
  assert.equal(storedVoter(ctx.db, cert(1))!.household, '104');
  assert.equal(batchCards(ctx.db, { kind: 'all' }, 0, 10).total, 3);
  assert.throws(
    () => inTransaction(ctx.db, () => correctVoterTx(ctx, storedVoter(ctx.db, cert(1))!, { household: '10 4/甲' }, { reason: 'x', objection: null, approvers: [] })),
    (e: unknown) => e instanceof ApiError && e.code === 'invalid-input' && e.message.includes('户号“10 4/甲”'),
  );
  assert.equal(storedVoter(ctx.db, cert(1))!.household, '104');
});

test('a malformed or too long household number in the roll is refused naming the row and column; nothing is imported', async () => {
  const e = election({ method: 'household' });
  await assert.rejects(
    importRoll(e.ctx, { bytes: rollWithHouseholds(['101', '1/01', '1234567890123456789012']), fileName: 'roll.csv' }),
    (err: unknown) => {
      assert.ok(err instanceof ApiError && err.code === 'invalid-input');
      const errors = (err.details as { errors: { line: number; column: string; code: string }[] }).errors;
      assert.deepEqual(errors.map((x) => [x.line, x.column, x.code]), [[3, '户号', 'bad-household'], [4, '户号', 'bad-household']]);
      return true;
    },
  );
  assert.equal(count(e.ctx, 'voter'), 0);
});

test('the household migration keeps an existing roll: voters without a household number, the index in place', () => {
  const db = openDatabase(join(tempDir(), 'old.sqlite'));
  const step = MIGRATIONS.findIndex((m) => m.name === 'household');
  migrate(db, MIGRATIONS.slice(0, step));
  db.exec(`
    INSERT INTO venue (id, name, kind) VALUES ('V1', '中心会场', 'central');
    INSERT INTO voter (id, name, name_key, id_number, gender, birth_date, group_name, category, certificate, venue_id, address)
      VALUES (1, '张三', '张三', '110105198003070011', 'male', '1980-03-07', '第1居民小组', 'resident', '00000013', 'V1', NULL);
  `);
  migrate(db);
  assert.equal(schemaVersion(db), MIGRATIONS.length);
  assert.deepEqual(db.prepare('SELECT name, household FROM voter').all(), [{ name: '张三', household: null }]);
  assert.ok(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'voter_household'").get());
  assert.throws(() => db.prepare("UPDATE voter SET household = ? WHERE id = 1").run('1'.repeat(21)), /CHECK/);
  db.close();
});

test("the voter list gives a household's members together, with the household number; a roll without households keeps roll order", async () => {
  const { ctx } = await householdElection(['101', '102', '101', '103', '102']);
  const listed = listVoters(ctx.db, { offset: 0, limit: 10 }).voters;
  assert.deepEqual(listed.map((v) => [v.certificate, v.household]), [[cert(0), '101'], [cert(2), '101'], [cert(1), '102'], [cert(4), '102'], [cert(3), '103']]);
  const plain = election();
  await importRoll(plain.ctx, { bytes: rollWithHouseholds(['', '', '']), fileName: 'roll.csv' });
  assert.deepEqual(listVoters(plain.ctx.db, { offset: 0, limit: 10 }).voters.map((v) => [v.certificate, v.household]), [[cert(0), undefined], [cert(1), undefined], [cert(2), undefined]]);
});
