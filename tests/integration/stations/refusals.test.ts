import { test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { createContext } from '../../../electron/backend/context';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { loadOrCreateStationKey } from '../../../electron/backend/seal/station-key';
import { importStationReturn } from '../../../electron/backend/stations/return-import';
import { openStationPackage } from '../../../electron/backend/stations/station-package';
import { RETURN_FORMAT, type ReturnPayload } from '../../../electron/backend/stations/return-payload';
import { openStationFile, signStationFile } from '../../../electron/backend/stations/signed-file';
import { asPerson, signedIn, TEST_PIN } from '../../helpers/authority';
import { count, rejects, tempDir } from '../issuance/helpers';
import { assert, central, cert, exportPackage, openBoxAt, openStation, S1_VOTERS, snapshot, stationFingerprintOf, writeReturn, type Central, type StationLaptop } from './helpers';

const WHAT = { zh: '回执', en: 'return' };

async function dayAtS1(): Promise<{ c: Central; s1: StationLaptop; desk: number; pkg: string }> {
  const c = await central();
  const pkg = exportPackage(c, 's1');
  const s1 = openStation(pkg, c.fingerprint);
  openBoxAt(s1, c.chair, 'S1');
  const desk = c.person('王芳');
  for (const i of S1_VOTERS.slice(0, 2)) asPerson(s1.ctx, desk, () => issueBallot(s1.ctx, { certificate: cert(i), round: 1, desk: 'S1' }));
  return { c, s1, desk, pkg };
}

const importAs = (c: Central, bytes: Uint8Array, fingerprint?: string) =>
  asPerson(c.ctx, c.chair, () => importStationReturn(c.ctx, bytes, fingerprint === undefined ? {} : { fingerprint }));

/** Asserts the import is refused with this code (and reason) and changes nothing at the central laptop. */
function refusedUnchanged(c: Central, bytes: Uint8Array, code: string, reason?: string, fingerprint?: string): void {
  const before = snapshot(c.ctx);
  assert.throws(() => importAs(c, bytes, fingerprint), rejects(code, reason));
  assert.equal(snapshot(c.ctx), before);
}

test('a package opens only with the central fingerprint from its slip, only into an empty file; the same package again changes nothing', async () => {
  const c = await central();
  const pkg = exportPackage(c, 's1');
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'test' });
  const other = loadOrCreateStationKey(tempDir()).fingerprint.short;
  assert.throws(() => openStationPackage(ctx, readFileSync(pkg), other), rejects('refused', 'wrong-fingerprint'));
  assert.equal(count(ctx, 'election'), 0);
  const bytes = readFileSync(pkg);
  assert.throws(() => openStationPackage(ctx, bytes.subarray(0, bytes.length >> 1), c.fingerprint), rejects('invalid-input'));
  const opened = openStationPackage(ctx, bytes, c.fingerprint);
  assert.equal(opened.alreadyOpen, false);
  assert.equal(opened.voters, S1_VOTERS.length);
  assert.equal(openStationPackage(ctx, bytes, c.fingerprint).alreadyOpen, true);
  assert.throws(() => openStationPackage(ctx, readFileSync(exportPackage(c, 'M1')), c.fingerprint), rejects('refused', 'not-empty'));
  assert.throws(() => openStationPackage(c.ctx, bytes, c.fingerprint), rejects('refused', 'not-empty'));
  // PIN hashes travel, PINs do not: the package's bytes hold no PIN.
  assert.ok(!JSON.stringify(openStationFile(bytes, 'cer-station-package/1', WHAT).payload).includes(TEST_PIN));
});

test('a station laptop issues, keeps stock and custody and writes returns, and refuses set-up, people, counting, results and sealing', async () => {
  const { c, s1, desk } = await dayAtS1();
  const api = buildApi(s1.ctx);
  const raw = async (method: string, input: unknown) => {
    const r = await dispatch(contract, api, method as never, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value;
  };
  const chair = await signedIn(raw, c.chair);
  const reasonOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { details?: { reason?: string } }) => e.details?.reason ?? 'other');
  assert.equal(await reasonOf(chair('addVenue', { id: 's9', name: '新站', kind: 'station' })), 'station-laptop');
  assert.equal(await reasonOf(chair('computeResults', { round: 1 })), 'station-laptop');
  assert.equal(await reasonOf(chair('sealToFile', { name: 'x.json' })), 'station-laptop');
  assert.equal(await reasonOf(chair('setPin', { person: desk, pin: '135799' })), 'station-laptop');
  assert.equal(await reasonOf(chair('exportStationPackage', { station: 's1', name: 'p.json' })), 'station-laptop');
  assert.equal(await reasonOf(chair('importStationReturn', { path: '/nonexistent.json' })), 'station-laptop');
  const staff = await signedIn(raw, desk);
  const issued = (await staff('issueBallot', { certificate: cert(S1_VOTERS[2]!), round: 1, desk: 'S1' })) as { box: string };
  assert.equal(issued.box, 'S1');
  // A re-sent request (its answer lost) answers the return it wrote instead of writing a second one.
  const requestKey = 'resend-return-0001';
  const written = (await staff('writeStationReturn', { name: 'return-1.json', requestKey })) as { sequence: number; issuances: number };
  assert.deepEqual([written.sequence, written.issuances], [1, 3]);
  assert.deepEqual(await staff('writeStationReturn', { name: 'return-1.json', requestKey }), written);
  assert.equal(count(s1.ctx, 'station_return_written'), 1);
  const t = (await staff('turnout', { round: 1 })) as { participants: number };
  assert.equal(t.participants, 3);
});

test('refused with nothing changed: a truncated return, a foreign key, another election, a chain that does not extend the last, a first return without its fingerprint', async () => {
  const { c, s1, desk, pkg } = await dayAtS1();
  const r1 = writeReturn(s1, desk);
  const r2 = writeReturn(s1, desk);
  const bytes = readFileSync(r1);

  refusedUnchanged(c, bytes.subarray(0, bytes.length - 40), 'invalid-input');
  refusedUnchanged(c, bytes, 'refused', 'fingerprint-needed');
  refusedUnchanged(c, bytes, 'refused', 'wrong-fingerprint', loadOrCreateStationKey(tempDir()).fingerprint.short);

  // The second return first: the first one then no longer extends what was imported.
  assert.equal(importAs(c, readFileSync(r2), stationFingerprintOf(s1)).added, 2);
  refusedUnchanged(c, bytes, 'refused', 'chain');

  // Another laptop that opened the same package: its own key, not the one registered for s1.
  const stray = openStation(pkg, c.fingerprint);
  refusedUnchanged(c, readFileSync(writeReturn(stray, desk)), 'refused', 'foreign-key');

  // Another election's station (another central laptop's election, made at another moment).
  const elsewhere = await central(Date.parse('2026-05-20T08:00:00Z'));
  const foreign = openStation(exportPackage(elsewhere, 's1'), elsewhere.fingerprint);
  refusedUnchanged(c, readFileSync(writeReturn(foreign, desk)), 'refused', 'other-election');
});

test("a box's issued count that goes down in a later return is flagged, and nothing already counted is taken away", async () => {
  const { c, s1, desk } = await dayAtS1();
  const r1 = writeReturn(s1, desk);
  assert.equal(importAs(c, readFileSync(r1), stationFingerprintOf(s1)).added, 2);
  // A return signed with the station's own key that lists one issuance fewer (as a laptop restored from an old copy would).
  const r2 = readFileSync(writeReturn(s1, desk));
  const p = openStationFile(r2, RETURN_FORMAT, WHAT).payload as ReturnPayload;
  const fewer: ReturnPayload = {
    ...p,
    issuances: p.issuances.slice(1),
    boxes: p.boxes.map((b) => (b.box === 'S1' && b.round === 1 ? { ...b, issued: b.issued - 1 } : b)),
  };
  const { bytes } = signStationFile(RETURN_FORMAT, fewer, loadOrCreateStationKey(s1.dir));
  const out = join(tempDir(), 'fewer.json');
  writeFileSync(out, bytes);
  const imported = importAs(c, readFileSync(out));
  assert.deepEqual(imported.anomalies.map((a) => [a.kind, a.subject]), [['issued-count-down', 'box:S1']]);
  assert.equal(count(c.ctx, 'issuance', "box_id = 'S1'"), 2);
});
