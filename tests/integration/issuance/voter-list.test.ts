import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inTransaction } from '../../../electron/backend/db';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { approveProxy } from '../../../electron/backend/services/proxies';
import { importRoll } from '../../../electron/backend/services/roll';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { assignGroup, listVoters, reassignVoter, rollGroups } from '../../../electron/backend/services/voters';
import { voterHistory } from '../../../electron/backend/services/voter-history';
import { CSV_HEADER, makeVoter, utf8, voterCsvLine } from '../../unit/roll/make-roll';
import { count, election, importGenerated, openVoting, rejects } from './helpers';

const cert = (i: number) => makeVoter(i).certificate;
const page = { offset: 0, limit: 1000 };

test('listVoters finds a voter by ID number or the first digits of a certificate, and filters by place and status', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 30);
  const someone = makeVoter(7);
  const byId = listVoters(ctx.db, { ...page, search: someone.idNumber.toLowerCase() });
  assert.deepEqual(byId.voters.map((v) => v.certificate), [someone.certificate]);
  const byPrefix = listVoters(ctx.db, { ...page, search: someone.certificate.slice(0, 6) });
  assert.ok(byPrefix.voters.some((v) => v.certificate === someone.certificate));
  assert.ok(byPrefix.voters.every((v) => v.certificate.startsWith(someone.certificate.slice(0, 6))));

  assignGroup(ctx, { group: makeVoter(1).group, venue: 's1' });
  reassignVoter(ctx, { certificate: cert(5), to: { mobileBox: 'M1' }, reason: '卧床' });
  const atS1 = listVoters(ctx.db, { ...page, assignment: { venue: 's1' } });
  assert.ok(atS1.total > 0);
  assert.ok(atS1.voters.every((v) => v.group === makeVoter(1).group && v.assignment.id === 's1'));
  assert.deepEqual(listVoters(ctx.db, { ...page, assignment: { mobileBox: 'M1' } }).voters.map((v) => v.certificate), [cert(5)]);

  openVoting(ctx);
  issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1' });
  issueBallot(ctx, { certificate: cert(2), round: 1, desk: 'C1' });
  const issued = listVoters(ctx.db, { ...page, status: 'issued' });
  assert.deepEqual(issued.voters.map((v) => [v.certificate, v.issuedRounds]), [[cert(0), [1]], [cert(2), [1]]]);
  assert.equal(listVoters(ctx.db, { ...page, status: 'not-issued' }).total, 28);
  assert.equal(listVoters(ctx.db, { ...page, status: 'not-issued', round: 2 }).total, 30, 'no ballots in round 2 yet');
  // Filters combine: issued and in voter 0's group.
  assert.equal(listVoters(ctx.db, { ...page, status: 'issued', group: makeVoter(0).group }).total, 1);
  const groups = rollGroups(ctx.db);
  assert.equal(groups.length, 12);
  assert.equal(groups[0]!.group, makeVoter(0).group, 'groups in roll order');
  assert.deepEqual(groups[1]!.assignments.map((a) => a.id), ['s1']);
});

test("a voter's history: on the roll, proxy, reassignment, ballots with time and place — nothing about a ballot's content", async () => {
  const e = election();
  await importRoll(e.ctx, { bytes: utf8([CSV_HEADER, ...[0, 1, 2, 3].map((i) => voterCsvLine(makeVoter(i)))].join('\n')), fileName: 'roll.csv' });
  approveProxy(e.ctx, { voter: cert(1), trustee: cert(0) });
  reassignVoter(e.ctx, { certificate: cert(0), to: { venue: 's1' }, reason: '住在东区' });
  openVoting(e.ctx);
  issueBallot(e.ctx, { certificate: cert(1), round: 1, desk: 'C1', trusteeCertificate: cert(0) });
  issueBallot(e.ctx, { certificate: cert(0), round: 1, desk: 'S1' });

  const proxied = voterHistory(e.ctx.db, cert(1));
  assert.deepEqual(proxied.events.map((x) => x.kind), ['registered', 'proxy-given', 'issued']);
  const ballot = proxied.events.at(-1);
  assert.ok(ballot?.kind === 'issued');
  assert.deepEqual([ballot.round, ballot.box, ballot.venue, ballot.trustee?.name], [1, 'C1', 'central', makeVoter(0).name]);

  const trustee = voterHistory(e.ctx.db, cert(0));
  assert.deepEqual(trustee.events.map((x) => x.kind), ['registered', 'proxy-held', 'reassigned', 'issued']);
  const moved = trustee.events[2];
  assert.ok(moved?.kind === 'reassigned');
  assert.deepEqual([moved.from.id, moved.to.id, moved.reason], ['central', 's1', '住在东区']);
  assert.equal(trustee.voter.assignment.id, 's1');
  const own = trustee.events[3];
  assert.ok(own?.kind === 'issued');
  assert.deepEqual([own.box, own.venueName, own.trustee], ['S1', '第一投票站(东区活动室)', null]);
  // Only issuance facts: no ballot row, no ballot text or id.
  assert.doesNotMatch(JSON.stringify(trustee), /ballot|choice|mark/i);
  assert.throws(() => voterHistory(e.ctx.db, makeVoter(99).certificate), rejects('not-found'));
  assert.throws(() => voterHistory(e.ctx.db, '123'), rejects('invalid-input'));
});

test('assignment closes when round 1 opens for voting, before any ballot: by group and one by one, nothing changed', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 12);
  assignGroup(ctx, { group: makeVoter(3).group, venue: 's1' });
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
  assert.equal(count(ctx, 'issuance'), 0);
  const before = count(ctx, 'voter', "venue_id = 's1'");
  const audit = count(ctx, 'audit_event');
  assert.throws(() => assignGroup(ctx, { group: makeVoter(4).group, venue: 's1' }), rejects('refused'));
  assert.throws(() => reassignVoter(ctx, { certificate: cert(4), to: { venue: 's1' }, reason: '搬家' }), rejects('refused'));
  assert.equal(count(ctx, 'voter', "venue_id = 's1'"), before);
  assert.equal(count(ctx, 'reassignment'), 0);
  assert.equal(count(ctx, 'audit_event'), audit);
  // The group move before was audited.
  assert.equal(count(ctx, 'audit_event', "type = 'voter.assigned'"), 1);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

const STATION_HEADER = `${CSV_HEADER},投票地点`;

test('the roll may carry a station column naming a venue or mobile box by id or name', async () => {
  const { ctx } = election();
  const lines = [
    STATION_HEADER,
    `${voterCsvLine(makeVoter(0))},s1`,
    `${voterCsvLine(makeVoter(1))},第一投票站(东区活动室)`,
    `${voterCsvLine(makeVoter(2))},M1`,
    `${voterCsvLine(makeVoter(3))},`,
  ];
  await importRoll(ctx, { bytes: utf8(lines.join('\n')), assign: { byGroup: { [makeVoter(3).group]: 's1', [makeVoter(0).group]: 'central' } } });
  const where = (i: number) => listVoters(ctx.db, { ...page, search: cert(i) }).voters[0]!.assignment;
  assert.deepEqual([where(0).id, where(1).id, where(2).kind, where(2).id, where(3).id], ['s1', 's1', 'mobile-box', 'M1', 's1']);
});

test('an unknown station in the roll is an error naming the line and column; nothing is imported', async () => {
  const { ctx } = election();
  const lines = [STATION_HEADER, `${voterCsvLine(makeVoter(0))},s1`, `${voterCsvLine(makeVoter(1))},西区活动室`];
  await assert.rejects(importRoll(ctx, { bytes: utf8(lines.join('\n')) }), (e: Error & { details?: { errors?: { line: number; column: string; code: string; zh: string }[] } }) => {
    const errors = e.details?.errors ?? [];
    assert.deepEqual(errors.map((x) => [x.line, x.column, x.code]), [[3, '投票地点', 'unknown-station']]);
    assert.match(errors[0]!.zh, /西区活动室/);
    assert.match(e.message, /第 3 行/);
    return true;
  });
  assert.equal(count(ctx, 'voter'), 0);
  assert.equal(count(ctx, 'roll_import'), 0);
});
