import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { ApiError } from '../../../shared/api/envelope';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { assignGroup, reassignVoter } from '../../../electron/backend/services/voters';
import { importStationReturn } from '../../../electron/backend/stations/return-import';
import { turnout } from '../../../electron/backend/services/turnout';
import { asPerson, TEST_PIN } from '../../helpers/authority';
import { importRoll } from '../../../electron/backend/services/roll';
import { CSV_HEADER, makeVoter, utf8, voterCsvLine } from '../../unit/roll/make-roll';
import { election } from '../issuance/helpers';
import { assert, cert, central, exportPackage, openBoxAt, openRound, openStation, snapshot, stationFingerprintOf, writeReturn, type Central, type StationLaptop } from './helpers';

const placeOf = (c: Central, i: number) =>
  c.ctx.db.prepare('SELECT coalesce(mobile_box_id, venue_id) FROM voter WHERE certificate = ?').pluck().get(cert(i)) as string;
const sameHousehold = (c: Central, household: string, ...voters: number[]) => {
  for (const i of voters) c.ctx.db.prepare('UPDATE voter SET household = ? WHERE certificate = ?').run(household, cert(i));
};

/** Refused as a split household, naming the household and every member with where they would be. */
function splitRefusal(household: string, members: number[]) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError && e.code === 'refused', String(e));
    assert.deepEqual(e.details, { reason: 'household-split', household });
    const text = (e as ApiError & { text?: { key: string; zh: string; en: string } }).text!;
    assert.equal(text.key, 'error.household.split');
    for (const i of members) assert.ok(text.zh.includes(`${makeVoter(i).name} ${cert(i)}`), `${text.zh} names ${makeVoter(i).name}`);
    assert.match(text.zh, new RegExp(`户号 ${household} 的成员将分在 .*\\|`));
    assert.match(text.en, new RegExp(`household ${household} would have members at .* \\| `));
    return true;
  };
}

test('a household election: assignment by group or one by one never splits a household across places; the whole household moves together', async () => {
  const c = await central(undefined, { household: true, votingOpen: false });
  // Voters 3 and 4 (groups 4 and 5, both at the central venue) are one household.
  sameHousehold(c, '7-1-101', 3, 4);
  const before = snapshot(c.ctx);
  assert.throws(() => asPerson(c.ctx, c.chair, () => assignGroup(c.ctx, { group: '第4居民小组', venue: 's1' })), splitRefusal('7-1-101', [3, 4]));
  assert.equal(placeOf(c, 3), 'central', 'nothing moved');
  assert.equal(placeOf(c, 15), 'central', "the rest of the group neither");
  assert.equal(snapshot(c.ctx), before);

  const approval = { person: c.chair, pin: TEST_PIN };
  const move = (i: number, to: { venue: string } | { mobileBox: string }, wholeHousehold?: boolean) =>
    asPerson(c.ctx, c.chair, () => reassignVoter(c.ctx, { certificate: cert(i), to, approval, reason: '就近投票', ...(wholeHousehold ? { wholeHousehold } : {}) }));
  assert.throws(() => move(3, { venue: 's1' }), splitRefusal('7-1-101', [3, 4]));
  assert.throws(() => move(4, { mobileBox: 'M1' }), splitRefusal('7-1-101', [3, 4]));
  assert.equal(placeOf(c, 4), 'central');

  const moved = move(3, { venue: 's1' }, true);
  assert.equal(moved.moved, 2);
  assert.deepEqual([placeOf(c, 3), placeOf(c, 4)], ['s1', 's1']);
  assert.equal(c.ctx.db.prepare("SELECT count(*) FROM audit_event WHERE type = 'voter.reassigned' AND detail_json LIKE '%7-1-101%'").pluck().get(), 2);
  // Now group 4 follows its member to s1; group 5 going back to the central venue would leave voter 3 behind.
  assert.ok(asPerson(c.ctx, c.chair, () => assignGroup(c.ctx, { group: '第4居民小组', venue: 's1' })).moved > 0);
  assert.throws(() => asPerson(c.ctx, c.chair, () => assignGroup(c.ctx, { group: '第5居民小组', venue: 'central' })), splitRefusal('7-1-101', [3, 4]));
  assert.equal(placeOf(c, 4), 's1');
});

test('an election by any other method: members of one household may vote at different places', async () => {
  const c = await central(undefined, { votingOpen: false });
  sameHousehold(c, '7-1-101', 3, 4);
  assert.ok(asPerson(c.ctx, c.chair, () => assignGroup(c.ctx, { group: '第4居民小组', venue: 's1' })).moved > 0);
  assert.deepEqual([placeOf(c, 3), placeOf(c, 4)], ['s1', 'central']);
});

test("a return issuing to a household whose ballot was issued at another place is flagged as an anomaly, never merged", async () => {
  const c = await central(undefined, { household: true, votingOpen: false });
  // A household split in a file from before assignments checked it: voter 0 at the central venue, voter 1 at s1.
  sameHousehold(c, '9-9-909', 0, 1);
  const s1: StationLaptop = openStation(exportPackage(c, 's1'), c.fingerprint);
  openRound(c);
  openRound(s1, c.chair);
  openBoxAt(s1, c.chair, 'S1');
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  asPerson(c.ctx, c.person('丁一'), () => issueBallot(c.ctx, { certificate: cert(0), round: 1, desk: 'C1' }));
  const desk = c.person('王芳');
  for (const i of [1, 13]) asPerson(s1.ctx, desk, () => issueBallot(s1.ctx, { certificate: cert(i), round: 1, desk: 'S1' }));

  const file = readFileSync(writeReturn(s1, desk));
  const imported = asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, file, { fingerprint: stationFingerprintOf(s1) }));
  assert.equal(imported.added, 1, "only the other household's ballot is merged");
  assert.deepEqual(imported.anomalies.map((a) => [a.kind, a.subject]), [['household-issued-elsewhere', `certificate:${cert(1)}`]]);
  const detail = imported.anomalies[0]!.detail as { household: string; there: { certificate: string; venue: string } };
  assert.equal(detail.household, '9-9-909');
  assert.deepEqual([detail.there.certificate, detail.there.venue], [cert(0), 'central']);
  const issuedTo = c.ctx.db.prepare('SELECT v.certificate FROM issuance i JOIN voter v ON v.id = i.voter_id ORDER BY v.certificate').pluck().all();
  assert.deepEqual(issuedTo, [cert(0), cert(13)].sort());
  assert.equal(turnout(c.ctx.db, 1).byVenue.find((v) => v.venue === 's1')!.issued, 1);
  assert.equal(c.ctx.db.prepare("SELECT count(*) FROM station_anomaly WHERE kind = 'household-issued-elsewhere'").pluck().get(), 1);
  assert.equal(c.ctx.db.prepare("SELECT count(*) FROM audit_event WHERE type = 'station.anomaly'").pluck().get(), 1);

  // The same file again changes nothing.
  const before = snapshot(c.ctx);
  assert.equal(asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, file)).alreadyImported, true);
  assert.equal(snapshot(c.ctx), before);
});

test('a household election: a roll import whose assignment by group would split a household is refused, and nothing is imported', async () => {
  const e = election({ method: 'household' });
  // Voters 0 and 1 (groups 1 and 2) are one household; group 2 is to vote at station s1.
  const roll = utf8(`${[`${CSV_HEADER},户号`, `${voterCsvLine(makeVoter(0))},A-1`, `${voterCsvLine(makeVoter(1))},A-1`, `${voterCsvLine(makeVoter(2))},A-2`].join('\r\n')}\r\n`);
  await assert.rejects(importRoll(e.ctx, { bytes: roll, fileName: 'roll.csv', assign: { byGroup: { 第2居民小组: 's1' } } }), splitRefusal('A-1', [0, 1]));
  assert.equal(e.ctx.db.prepare('SELECT count(*) FROM voter').pluck().get(), 0);
  const done = await importRoll(e.ctx, { bytes: roll, fileName: 'roll.csv' });
  assert.equal(done.imported, 3, 'everyone at the central venue: imported');
});
