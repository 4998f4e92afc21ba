import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { turnout } from '../../../electron/backend/services/turnout';
import { importStationReturn } from '../../../electron/backend/stations/return-import';
import { recordPhonedTurnout } from '../../../electron/backend/stations/phoned-turnout';
import { asPerson, TEST_PIN } from '../../helpers/authority';
import { assert, central, cert, exportPackage, openBoxAt, openRound, openStation, S1_VOTERS, stationFingerprintOf, writeReturn } from './helpers';

test('a turnout figure phoned in counts as provisional until a return written after it is imported, never twice; a re-send is recorded once', async () => {
  const c = await central(undefined, { votingOpen: false });
  const s1 = openStation(exportPackage(c, 's1'), c.fingerprint);
  openRound(c);
  openRound(s1, c.chair);
  openBoxAt(s1, c.chair, 'S1');
  const desk = c.person('王芳');
  const approval = [{ person: c.chair, pin: TEST_PIN }];
  const phone = (count: number, phonedAt: string, key?: string) =>
    asPerson(c.ctx, c.chair, () => recordPhonedTurnout(c.ctx, { station: 's1', round: 1, count, phonedAt, approvals: approval }, key));

  const before = turnout(c.ctx.db, 1);
  assert.deepEqual(before.provisional, { participants: before.participants, quorumMet: before.quorum.met, stations: [] });
  assert.throws(() => asPerson(c.ctx, c.chair, () => recordPhonedTurnout(c.ctx, { station: 's1', round: 1, count: 3, phonedAt: '2026-05-16T08:30:00Z', approvals: [{ person: c.chair, pin: '000000' }] }, undefined)));
  const key = 'phoned-s1-0830-abcdef';
  phone(3, '2026-05-16T08:30:00Z', key);
  phone(3, '2026-05-16T08:30:00Z', key);
  assert.equal(c.ctx.db.prepare('SELECT count(*) FROM phoned_turnout').pluck().get(), 1, 'the re-sent figure is recorded once');
  const phoned = turnout(c.ctx.db, 1);
  assert.equal(phoned.participants, before.participants, 'a phoned figure is never counted as participants');
  assert.equal(phoned.provisional.participants, before.participants + 3);
  assert.deepEqual(phoned.provisional.stations.map((s) => [s.station, s.count, s.extra]), [['s1', 3, 3]]);

  // The station's return (written after the call) replaces the figure: its issuances count, the figure no more.
  for (const i of S1_VOTERS.slice(0, 2)) asPerson(s1.ctx, desk, () => issueBallot(s1.ctx, { certificate: cert(i), round: 1, desk: 'S1' }));
  asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, readFileSync(writeReturn(s1, desk)), { fingerprint: stationFingerprintOf(s1) }));
  const returned = turnout(c.ctx.db, 1);
  assert.equal(returned.participants, before.participants + 2);
  assert.deepEqual(returned.provisional, { participants: returned.participants, quorumMet: returned.quorum.met, stations: [] });

  // A later call counts only beyond what the returns already brought.
  phone(4, '2026-05-16T12:00:00Z');
  const later = turnout(c.ctx.db, 1);
  assert.deepEqual(later.provisional.stations.map((s) => [s.count, s.extra]), [[4, 2]]);
  assert.equal(later.provisional.participants, returned.participants + 2);
});
