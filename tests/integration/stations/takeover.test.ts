import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { chooseSecondCopyFolder } from '../../../electron/backend/copy/choose-folder';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { assignGroup } from '../../../electron/backend/services/voters';
import { importStationReturn } from '../../../electron/backend/stations/return-import';
import { takeOverStation } from '../../../electron/backend/stations/takeover';
import { turnout } from '../../../electron/backend/services/turnout';
import { asPerson } from '../../helpers/authority';
import { rejects, tempDir } from '../issuance/helpers';
import { assert, central, exportPackage, killMidIssuance, openBoxAt, openRound, openStation, stationFingerprintOf, writeReturn, type StationLaptop } from './helpers';

test('kill -9 a station laptop mid-issuance, take over on a new data folder from its package and second copy, go on: nothing acknowledged lost, nothing doubled, one chain at the central laptop', async () => {
  const c = await central(undefined, { votingOpen: false });
  for (let g = 4; g <= 12; g++) asPerson(c.ctx, c.chair, () => assignGroup(c.ctx, { group: `第${g}居民小组`, venue: 's1' }));
  const pkg = exportPackage(c, 's1');
  openRound(c);
  const desk = c.person('王芳');
  const s1 = openStation(pkg, c.fingerprint);
  openRound(s1, c.chair);
  const stick = tempDir();
  asPerson(s1.ctx, c.chair, () => chooseSecondCopyFolder(s1.ctx, stick));
  openBoxAt(s1, c.chair, 'S1', 100);
  const voters = s1.ctx.db.prepare('SELECT certificate FROM voter ORDER BY id').pluck().all() as string[];
  assert.ok(voters.length >= 36, `voters at s1: ${voters.length}`);
  asPerson(s1.ctx, desk, () => issueBallot(s1.ctx, { certificate: voters[0]!, round: 1, desk: 'S1' }));
  const firstReturn = writeReturn(s1, desk);
  const oldKey = stationFingerprintOf(s1);
  asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, readFileSync(firstReturn), { fingerprint: oldKey }));
  s1.ctx.db.close();

  // The dead laptop: a desk issuing in its own process, killed with SIGKILL after ten acknowledged issuances.
  const acked = await killMidIssuance(join(s1.dir, 'election.sqlite'), desk, 'S1', voters.slice(1), 10);

  // The replacement laptop: a new data folder, the package (central fingerprint from its slip) and the copy.
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'test' });
  const done = await takeOverStation(ctx, { packageBytes: readFileSync(pkg), copyDir: stick, fingerprint: c.fingerprint });
  const replacement: StationLaptop = { ctx, dir };
  assert.notEqual(done.stationKey.hex, done.oldKey);
  const issued = new Map(
    (ctx.db.prepare('SELECT v.certificate, count(*) AS n FROM issuance i JOIN voter v ON v.id = i.voter_id GROUP BY v.id').all() as { certificate: string; n: number }[]).map((r) => [r.certificate, r.n]),
  );
  for (const cert of [voters[0]!, ...acked]) assert.equal(issued.get(cert), 1, `acknowledged ${cert}: issued once on the replacement`);
  assert.ok(issued.size <= acked.length + 2, 'at most the one issuance in flight beyond what was acknowledged');
  assert.equal([...issued.values()].every((n) => n === 1), true, 'nothing doubled');

  // Going on: an acknowledged voter is refused as already issued; everyone else gets a ballot.
  assert.throws(() => asPerson(ctx, desk, () => issueBallot(ctx, { certificate: acked[0]!, round: 1, desk: 'S1' })), rejects('refused', 'already-issued'));
  for (const cert of voters.filter((v) => !issued.has(v))) asPerson(ctx, desk, () => issueBallot(ctx, { certificate: cert, round: 1, desk: 'S1' }));
  const secondReturn = writeReturn(replacement, desk, true);

  // The central laptop follows the chain across the takeover, on the new key typed from the takeover slip.
  assert.throws(() => asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, readFileSync(secondReturn))), rejects('refused', 'fingerprint-needed'));
  const imported = asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, readFileSync(secondReturn), { fingerprint: stationFingerprintOf(replacement) }));
  assert.equal(imported.keyReplaced, done.oldKey);
  assert.equal(imported.sequence, 2);
  assert.equal(imported.added, voters.length - 1);
  assert.deepEqual(c.ctx.db.prepare("SELECT sequence FROM station_return WHERE station_id = 's1' ORDER BY sequence").pluck().all(), [1, 2]);
  assert.equal(turnout(c.ctx.db, 1).byVenue.find((v) => v.venue === 's1')!.issued, voters.length);
});
