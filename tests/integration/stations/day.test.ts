import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { exchangeSpoiled, issueBallot } from '../../../electron/backend/services/issuance';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { reassignVoter } from '../../../electron/backend/services/voters';
import { turnout } from '../../../electron/backend/services/turnout';
import { issuedToBox } from '../../../electron/backend/services/counting-store';
import { openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { inTransaction } from '../../../electron/backend/db';
import { importStationReturn } from '../../../electron/backend/stations/return-import';
import { stationsOverview } from '../../../electron/backend/stations/overview';
import { asPerson, TEST_PIN } from '../../helpers/authority';
import { rejects } from '../issuance/helpers';
import {
  assert,
  CENTRAL_VOTER,
  central,
  openRound,
  cert,
  exportPackage,
  M1_VOTERS,
  openBoxAt,
  openStation,
  S1_VOTERS,
  snapshot,
  stationFingerprintOf,
  writeReturn,
  type Central,
  type StationLaptop,
} from './helpers';

const issue = (s: StationLaptop | Central, person: number, i: number, desk: string) =>
  asPerson(s.ctx, person, () => issueBallot(s.ctx, { certificate: cert(i), round: 1, desk }));

function importAs(c: Central, file: string, opts: { fingerprint?: string } = {}) {
  return asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, readFileSync(file), opts));
}

test('a central laptop and two station laptops: packages out, issuing at both, two returns each, imports, merged turnout and the boxes against their returns', async () => {
  const c = await central(undefined, { votingOpen: false });
  const desk = c.person('王芳');
  const mobileDesk = c.person('丁一');
  const s1 = openStation(exportPackage(c, 's1'), c.fingerprint);
  const m1 = openStation(exportPackage(c, 'M1'), c.fingerprint);

  // After the packages left (and before voting opened, when moves close), the committee moved two of s1's voters to
  // the central venue; one then votes there.
  for (const i of [S1_VOTERS[2]!, S1_VOTERS[3]!]) {
    asPerson(c.ctx, c.chair, () => reassignVoter(c.ctx, { certificate: cert(i), to: { venue: 'central' }, reason: '搬到中心附近', approval: { person: c.chair, pin: TEST_PIN } }));
  }
  for (const laptop of [c, s1, m1]) openRound(laptop, c.chair);
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  issue(c, c.person('丁一'), S1_VOTERS[2]!, 'C1');
  issue(c, c.person('丁一'), CENTRAL_VOTER, 'C1');

  openBoxAt(s1, c.chair, 'S1');
  openBoxAt(m1, c.chair, 'M1');
  issue(s1, desk, S1_VOTERS[0]!, 'S1');
  issue(m1, mobileDesk, M1_VOTERS[0]!, 'M1');
  // A second ballot for the same certificate, and a voter of another place, are refused at the station.
  assert.throws(() => issue(s1, desk, S1_VOTERS[0]!, 'S1'), rejects('refused', 'already-issued'));
  // A voter of another place is told where to vote (the package carries only where, by certificate number).
  assert.throws(() => issue(s1, desk, CENTRAL_VOTER, 'S1'), (e: Error & { details?: { assigned?: { id: string } } }) =>
    /votes at .*\(central\), not at this station/.test(e.message) && /在.*投票/.test(e.message) && e.details?.assigned?.id === 'central');
  assert.throws(() => issue(s1, desk, 999, 'S1'), rejects('not-found', 'unknown-certificate'));
  const s1Mid = writeReturn(s1, desk);
  const m1Mid = writeReturn(m1, mobileDesk);

  issue(s1, desk, S1_VOTERS[1]!, 'S1');
  issue(s1, desk, S1_VOTERS[2]!, 'S1'); // issued at the central venue too: flagged at import
  issue(s1, desk, S1_VOTERS[3]!, 'S1'); // moved to the central venue after the package: flagged, counted here
  asPerson(s1.ctx, desk, () => exchangeSpoiled(s1.ctx, { round: 1, desk: 'S1' }));
  issue(m1, mobileDesk, M1_VOTERS[1]!, 'M1');
  asPerson(s1.ctx, c.chair, () => recordCustodyStep(s1.ctx, { box: 'S1', round: 1, step: 'sealed-closed', seals: ['S1-2'] }));
  asPerson(m1.ctx, c.chair, () => {
    recordCustodyStep(m1.ctx, { box: 'M1', round: 1, step: 'sealed-closed', seals: ['M1-2'] });
    recordCustodyStep(m1.ctx, { box: 'M1', round: 1, step: 'carried', carriers: ['孙丽', '马涛'] });
  });
  const s1Close = writeReturn(s1, desk, true);
  const m1Close = writeReturn(m1, mobileDesk, true);

  const first = importAs(c, s1Mid, { fingerprint: stationFingerprintOf(s1) });
  assert.equal(first.keyRegistered, true);
  assert.equal(first.added, 1);
  assert.deepEqual(first.anomalies, []);
  assert.equal(importAs(c, m1Mid, { fingerprint: stationFingerprintOf(m1) }).added, 1);
  const closing = importAs(c, s1Close);
  assert.equal(closing.added, 2, 'the second return adds only what is new (one of its three is flagged instead)');
  assert.deepEqual(closing.anomalies.map((a) => [a.kind, a.subject]).sort(), [
    ['issued-elsewhere', `certificate:${cert(S1_VOTERS[2]!)}`],
    ['not-assigned-here', `certificate:${cert(S1_VOTERS[3]!)}`],
  ]);
  assert.equal(importAs(c, m1Close).added, 1);

  const t = turnout(c.ctx.db, 1);
  assert.equal(t.participants, 2 + 4 + 2 - 1, 'central 2, s1 4 of which one already voted at the centre, M1 2');
  assert.equal(t.byVenue.find((v) => v.venue === 's1')!.issued, 3);
  assert.equal(t.byMobileBox.find((b) => b.box === 'M1')!.issued, 2);
  assert.equal(t.boxes.find((b) => b.box === 'S1')!.spoiled, 1);

  const over = stationsOverview(c.ctx).stations.find((s) => s.station === 's1')!;
  assert.equal(over.returns.length, 2);
  // The station counted 4 ballots into S1; this laptop holds 3 (one voter's ballot is flagged, not merged).
  assert.deepEqual(over.boxes.find((b) => b.box === 'S1' && b.round === 1), { box: 'S1', round: 1, returned: 4, issuedHere: 3 });
  assert.equal(issuedToBox(c.ctx.db, 1, 'M1'), 2, "M1's issued count at counting is its return's");
  assert.equal(over.anomalies.length, 2);

  // The mobile box arrives with its closing return: its trail came in the return, the central venue receives it,
  // checks the seal and counts it against the issued count from the return.
  const scrutineer = c.person('谢文');
  asPerson(c.ctx, c.chair, () => {
    recordCustodyStep(c.ctx, { box: 'M1', round: 1, step: 'received' });
    recordCustodyStep(c.ctx, { box: 'M1', round: 1, step: 'seal-checked', seals: ['M1-1', 'M1-2'], intact: true });
    for (const status of ['closed', 'counting'] as const) inTransaction(c.ctx.db, () => setRoundStatusTx(c.ctx, { round: 1, status }));
  });
  const counted = asPerson(c.ctx, scrutineer, () => {
    openBox(c.ctx, { round: 1, box: 'M1' });
    return recordBallotsFound(c.ctx, { round: 1, box: 'M1', found: 2 });
  });
  assert.deepEqual([counted.issued, counted.found, counted.difference], [2, 2, 0]);

  // Replaying a return: no change, and said so.
  const before = snapshot(c.ctx);
  assert.equal(importAs(c, s1Close).alreadyImported, true);
  assert.equal(importAs(c, s1Mid).alreadyImported, true);
  assert.equal(snapshot(c.ctx), before);
});
