import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiError } from '../../../shared/api/envelope';
import { addDesk, issueBallot } from '../../../electron/backend/services/issuance';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { listDesks } from '../../../electron/backend/services/issuance';
import { listPeople } from '../../../electron/backend/services/people';
import { removeVoter, reinstateVoter } from '../../../electron/backend/services/roll-life';
import { electionOverview } from '../../../electron/backend/services/setup';
import { removeCommitteeMember, removeOfficial, updatePerson } from '../../../electron/backend/services/setup-edit-people';
import { removeBox, removeDesk, removeVenue, updateBox, updateDesk, updateVenue } from '../../../electron/backend/services/setup-edit-places';
import { refuseReferencedBox, refuseReferencedDesk } from '../../../electron/backend/services/setup-references';
import { voterHistory } from '../../../electron/backend/services/voter-history';
import { rollSummary } from '../../../electron/backend/services/voters';
import { readVoteTimeline } from '../../../electron/backend/services/vote-timeline';
import { publishRoll } from '../../../electron/backend/services/roll-life';
import { fileObjection } from '../../../electron/backend/services/roll-objections';
import { join } from 'node:path';
import { migrate, MIGRATIONS, openDatabase } from '../../../electron/backend/db';
import { makeVoter } from '../../unit/roll/make-roll';
import { asPerson, establishAuthority, TEST_PIN } from '../../helpers/authority';
import { count, election, importGenerated, openVoting, rejects, tempDir, type Election } from '../issuance/helpers';

function lastAudit(e: Election): { type: string; detail: Record<string, unknown> } {
  const row = e.ctx.db.prepare('SELECT type, detail_json AS detail FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { type: string; detail: string };
  return { type: row.type, detail: JSON.parse(row.detail) as Record<string, unknown> };
}

/** The refusal's key (the screen says it in its own language) and its English text. */
function refusedWith(code: string, key: string, pattern: RegExp) {
  return (err: unknown) => {
    rejects(code)(err);
    const e = err as ApiError;
    assert.equal(e.text?.key, key, e.message);
    assert.match(e.text!.en, pattern);
    return true;
  };
}

test('venues, boxes and desks are corrected before voting opens, audited with old and new values and the reason', () => {
  const e = election();
  updateVenue(e.ctx, { id: 's1', name: '第二投票站（文化站）', reason: '会场改址' });
  assert.equal(electionOverview(e.ctx).venues.find((v) => v.id === 's1')?.name, '第二投票站（文化站）');
  assert.deepEqual(lastAudit(e), { type: 'venue.changed', detail: { before: { name: '第一投票站(东区活动室)' }, after: { name: '第二投票站（文化站）' }, reason: '会场改址' } });

  updateBox(e.ctx, { id: 'M1', name: '流动票箱甲', reason: '统一命名' });
  const audit = lastAudit(e);
  assert.equal(audit.type, 'box.changed');
  assert.deepEqual(audit.detail.after, { name: '流动票箱甲', venue: 'central' });
  assert.equal((audit.detail.before as { venue: string }).venue, 'central');
  assert.throws(() => updateBox(e.ctx, { id: 'S1', venue: 'central', reason: 'x' }), rejects('invalid-input'), 'a station box stays in a polling station');

  addDesk(e.ctx, { id: 'C1-a', name: '一号发票处', box: 'C1' });
  updateDesk(e.ctx, { id: 'C1-a', box: 'S1', reason: '调往投票站' });
  assert.equal(listDesks(e.ctx.db).find((d) => d.id === 'C1-a')?.box, 'S1');
  assert.deepEqual(lastAudit(e).detail, { before: { name: '一号发票处', box: 'C1' }, after: { name: '一号发票处', box: 'S1' }, reason: '调往投票站' });
  removeDesk(e.ctx, { id: 'C1-a', reason: '不设' });
  assert.equal(lastAudit(e).type, 'desk.removed');
  assert.equal(count(e.ctx, 'desk'), 0);
});

test('removing what something refers to is refused naming it, and writes nothing', async () => {
  const e = election();
  await importGenerated(e.ctx, 6);
  const events = count(e.ctx, 'audit_event');
  assert.throws(() => removeVenue(e.ctx, { id: 's1', reason: 'x' }), refusedWith('refused', 'error.edits.inUse.venueBoxes', /venue s1 still has boxes S1/));
  addDesk(e.ctx, { id: 'S1-a', name: '站内发票处', box: 'S1' });
  assert.throws(() => removeBox(e.ctx, { id: 'S1', reason: 'x' }), refusedWith('refused', 'error.edits.inUse.boxDesks', /box S1 still has desks S1-a/));
  // An official who signed the empty box's sealing cannot be taken off the list.
  const chief = e.person('谢文');
  asPerson(e.ctx, chief, () => recordCustodyStep(e.ctx, { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1'] }));
  assert.throws(() => removeBox(e.ctx, { id: 'C1', reason: 'x' }), refusedWith('refused', 'error.edits.inUse.boxCustody', /box C1 has 1 custody records/));
  assert.throws(() => removeOfficial(e.ctx, { person: chief, reason: 'x' }), refusedWith('refused', 'error.edits.inUse.personCustody', /谢文 signed 1 custody records/));
  assert.throws(() => removeOfficial(e.ctx, { person: e.person('孙丽'), reason: 'x' }), rejects('not-found'));
  assert.equal(count(e.ctx, 'audit_event'), events + 2, 'only the desk and the custody step were written');
  assert.ok(electionOverview(e.ctx).boxes.some((b) => b.id === 'C1'));
});

test('a box, a venue, an official and a committee member entered by mistake are removed, each audited', () => {
  const e = election();
  removeBox(e.ctx, { id: 'S1', reason: '该站并入中心会场' });
  assert.deepEqual(lastAudit(e).detail, { name: '第一投票站票箱', kind: 'station', venue: 's1', staff: [], reason: '该站并入中心会场' });
  removeVenue(e.ctx, { id: 's1', reason: '该站并入中心会场' });
  assert.deepEqual(electionOverview(e.ctx).venues.map((v) => v.id), ['central']);
  removeOfficial(e.ctx, { person: e.person('田雨'), reason: '录入有误' });
  assert.deepEqual(lastAudit(e).detail, { name: '田雨', roles: ['writing-helper'], venue: 'central', reason: '录入有误' });
  removeCommitteeMember(e.ctx, { person: e.person('高山'), reason: '录入有误' });
  assert.equal(lastAudit(e).type, 'committee.member-removed');
  const people = listPeople(e.ctx);
  assert.equal(people.find((p) => p.name === '田雨')?.roles.length, 0);
  assert.equal(people.find((p) => p.name === '高山')?.committee, null);
});

test("a person's name, position and venue are corrected, the old and new values audited; a candidate's name is refused", () => {
  const e = election();
  updatePerson(e.ctx, { person: e.person('林海'), name: '林海涛', position: 'vice-chair', reason: '姓名录入错误' });
  assert.deepEqual(lastAudit(e).detail, {
    before: { name: '林海', position: 'member', venue: null },
    after: { name: '林海涛', position: 'vice-chair', venue: null },
    idNumberChanged: false,
    reason: '姓名录入错误',
  });
  updatePerson(e.ctx, { person: e.person('丁一'), venue: 's1', reason: '调往投票站' });
  assert.equal(listPeople(e.ctx).find((p) => p.name === '丁一')?.roles[0]?.venue, 's1');
  const candidate = electionOverview(e.ctx).offices[0]!.candidates[0]!.name;
  const events = count(e.ctx, 'audit_event');
  assert.throws(() => updatePerson(e.ctx, { person: e.person('丁一'), name: candidate, reason: 'x' }), rejects('refused'));
  assert.throws(() => updatePerson(e.ctx, { person: e.person('丁一'), position: 'member', reason: 'x' }), refusedWith('refused', 'error.edits.notCommittee', /not on the election committee/));
  assert.equal(count(e.ctx, 'audit_event'), events);
});

test('once round 1 has opened, every correction and removal is refused with the reason, and nothing changes', async () => {
  const e = election();
  await importGenerated(e.ctx, 4);
  openVoting(e.ctx);
  const events = count(e.ctx, 'audit_event');
  const refusal = refusedWith('refused', 'error.edits.votingStarted', /round 1 has opened for voting/);
  assert.throws(() => updateVenue(e.ctx, { id: 's1', name: '新名', reason: 'x' }), refusal);
  assert.throws(() => removeVenue(e.ctx, { id: 's1', reason: 'x' }), refusal);
  assert.throws(() => updateBox(e.ctx, { id: 'C1', name: '新名', reason: 'x' }), refusal);
  assert.throws(() => removeBox(e.ctx, { id: 'M1', reason: 'x' }), refusal);
  assert.throws(() => updateDesk(e.ctx, { id: 'C1', name: '新名', reason: 'x' }), refusal);
  assert.throws(() => removeDesk(e.ctx, { id: 'C1', reason: 'x' }), refusal);
  assert.throws(() => updatePerson(e.ctx, { person: e.person('林海'), name: '林海涛', reason: 'x' }), refusal);
  assert.throws(() => removeOfficial(e.ctx, { person: e.person('田雨'), reason: 'x' }), refusal);
  assert.throws(() => removeCommitteeMember(e.ctx, { person: e.person('高山'), reason: 'x' }), refusal);
  assert.equal(count(e.ctx, 'audit_event'), events);
});

test('a desk that issued ballots cannot be removed, named with the count', async () => {
  const e = election();
  await importGenerated(e.ctx, 4);
  addDesk(e.ctx, { id: 'C1-a', name: '一号发票处', box: 'C1' });
  openVoting(e.ctx, ['C1']);
  issueBallot(e.ctx, { certificate: makeVoter(1).certificate, desk: 'C1-a', round: 1 });
  // Voting has opened, so the time rule refuses first; the reference check stands behind it on its own.
  assert.throws(() => removeDesk(e.ctx, { id: 'C1-a', reason: 'x' }), refusedWith('refused', 'error.edits.votingStarted', /round 1/));
  assert.throws(() => refuseReferencedDesk(e.ctx.db, 'C1-a'), refusedWith('refused', 'error.edits.inUse.deskIssued', /desk C1-a has issued 1 ballots/));
  assert.throws(() => refuseReferencedBox(e.ctx.db, 'C1'), refusedWith('refused', 'error.edits.inUse.boxIssued', /box C1 has issued 1 ballots/));
  assert.equal(listDesks(e.ctx.db).some((d) => d.id === 'C1-a'), true);
});

test('a removed voter is reinstated by a committee decision before round 1, counted again, and it is in their history', async () => {
  const e = election();
  const committee = ['郭志明', '何玉兰'].map((n) => e.person(n));
  establishAuthority(e.ctx, committee[0]!, [{ person: committee[1]! }]);
  await importGenerated(e.ctx, 5);
  const certificate = makeVoter(2).certificate;
  const approval = { person: committee[0]!, pin: TEST_PIN };
  assert.throws(() => reinstateVoter(e.ctx, { certificate, reason: 'x', approval }), refusedWith('refused', 'error.edits.notRemoved', /is not removed/));
  removeVoter(e.ctx, { certificate, removal: { reason: 'moved' }, approval });
  assert.equal(rollSummary(e.ctx.db).voters, 4);
  const key = 'reinstate-key-0001';
  const out = reinstateVoter(e.ctx, { certificate, reason: '核实未迁出，误除名', approval }, key);
  assert.equal(out.certificate, certificate);
  assert.deepEqual(reinstateVoter(e.ctx, { certificate, reason: '核实未迁出，误除名', approval }, key), out, 'a re-sent decision answers again, once');
  assert.equal(rollSummary(e.ctx.db).voters, 5);
  const h = voterHistory(e.ctx.db, certificate);
  assert.equal(h.voter.removedAt, null);
  assert.deepEqual(h.events.map((x) => x.kind), ['registered', 'removed', 'reinstated']);
  const last = h.events[2]!;
  assert.ok(last.kind === 'reinstated' && last.reason === '核实未迁出，误除名' && last.decidedBy[0] === '郭志明');
  assert.equal(lastAudit(e).type, 'voter.reinstated');

  removeVoter(e.ctx, { certificate, removal: { reason: 'deceased' }, approval });
  openVoting(e.ctx);
  assert.throws(() => reinstateVoter(e.ctx, { certificate, reason: 'x', approval }), rejects('refused', 'roll-locked'));
  assert.equal(rollSummary(e.ctx.db).voters, 4);
});

test('the timeline counts each step from the election day and says what is done', () => {
  const e = election();
  const at = (iso: string) => (e.ctx.now = () => new Date(iso));
  at('2026-04-20T09:00:00+08:00');
  let t = readVoteTimeline(e.ctx);
  assert.equal(t.electionDate, '2026-05-16');
  assert.deepEqual(
    t.steps.map((s) => [s.step, s.due, s.done, s.late]),
    [
      ['roll-published', '2026-04-26', false, false],
      ['objections-filed', '2026-05-01', false, false],
      ['objections-decided', '2026-05-04', false, false],
      ['formal-list', '2026-05-11', true, false],
      ['election-day', '2026-05-16', false, false],
    ],
  );
  publishRoll(e.ctx, { publishedOn: '2026-04-24' });
  at('2026-04-25T09:00:00+08:00');
  fileObjection(e.ctx, { filedBy: '王大妈', filedOn: '2026-04-25', what: '漏登' });
  at('2026-04-30T09:00:00+08:00');
  t = readVoteTimeline(e.ctx);
  assert.equal(t.publishedOn, '2026-04-24');
  assert.deepEqual(t.objections, { filed: 1, open: 1 });
  assert.deepEqual(
    t.steps.slice(0, 3).map((s) => [s.step, s.due, s.done, s.late]),
    [
      ['roll-published', '2026-04-26', true, false],
      ['objections-filed', '2026-04-29', true, false],
      ['objections-decided', '2026-05-02', false, false],
    ],
  );
  at('2026-05-03T09:00:00+08:00');
  const decided = readVoteTimeline(e.ctx).steps.find((s) => s.step === 'objections-decided')!;
  assert.deepEqual([decided.done, decided.late], [false, true], 'an objection still open after the last decision day is late');
});

test("the schema step that lets a removal be undone keeps a file's roll changes and accepts 'reinstated'", () => {
  const db = openDatabase(join(tempDir(), 'before.sqlite'));
  const step = MIGRATIONS.findIndex((m) => m.name === 'edits');
  migrate(db, MIGRATIONS.slice(0, step));
  db.prepare("INSERT INTO venue (id, name, kind) VALUES ('central', '中心会场', 'central')").run();
  db.prepare(
    `INSERT INTO voter (id, name, name_key, id_number, gender, birth_date, group_name, category, certificate, venue_id)
     VALUES (1, '王秀兰', '王秀兰', '330106195603121002', 'female', '1956-03-12', '第一居民小组', 'resident', '00000001', 'central')`,
  ).run();
  db.prepare("INSERT INTO roll_change (voter_id, kind, reason, removal, at) VALUES (1, 'removed', 'moved', 'moved', '2026-04-01T00:00:00Z')").run();
  assert.throws(() => db.prepare("INSERT INTO roll_change (voter_id, kind, reason, at) VALUES (1, 'reinstated', 'x', 'y')").run(), /CHECK/);
  migrate(db);
  assert.deepEqual(db.prepare('SELECT voter_id, kind, reason, removal FROM roll_change').all(), [{ voter_id: 1, kind: 'removed', reason: 'moved', removal: 'moved' }]);
  db.prepare("INSERT INTO roll_change (voter_id, kind, reason, at) VALUES (1, 'reinstated', '误除名', '2026-04-02T00:00:00Z')").run();
  assert.equal(db.prepare('SELECT count(*) FROM roll_change').pluck().get(), 2);
  db.close();
});
