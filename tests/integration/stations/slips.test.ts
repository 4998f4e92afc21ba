import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { chooseSecondCopyFolder } from '../../../electron/backend/copy/choose-folder';
import { loadOrCreateStationKey } from '../../../electron/backend/seal/station-key';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { stationSlip } from '../../../electron/backend/stations/slips';
import { asPerson } from '../../helpers/authority';
import { rejects, tempDir } from '../issuance/helpers';
import { expect, station } from './cli-run';
import { assert, central, openBoxAt, type StationLaptop } from './helpers';

/** The slip's text as poppler reads it, with all white space gone (long hashes wrap on paper). */
function slipText(pdf: string): string {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\s+/g, '');
}

/**
 * The page as pdftoppm draws it (grey, 30 dpi): one A4 page, portrait, with ink under the title at the top and on
 * the signature lines at the bottom, so nothing ran over onto a second page or off the sheet.
 */
function lookAtPage(pdf: string): void {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info.stdout, /Pages:\s+1\n/);
  assert.match(info.stdout, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const out = join(tempDir(), 'page');
  const r = spawnSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  assert.equal(r.status, 0, String(r.stderr));
  const pgm = readFileSync(`${out}.pgm`);
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 20).toString('latin1'))!.map(Number) as [string, number, number];
  const pixels = pgm.subarray(pgm.length - w * h);
  const inkIn = (from: number, to: number) => {
    let dark = 0;
    for (let y = Math.floor(from * h); y < Math.floor(to * h); y++) for (let x = 0; x < w; x++) if (pixels[y * w + x]! < 128) dark++;
    return dark;
  };
  assert.ok(inkIn(0.03, 0.12) > 20, 'the title at the top');
  assert.ok(inkIn(0.7, 0.95) > 20, 'the signature lines at the bottom');
  assert.equal(inkIn(0.97, 1), 0, 'nothing at the very edge');
}

test('the A4 slips from the CLI: package, return and takeover, each with the figures compared by eye and signature lines', async () => {
  const c = await central();
  const chair = String(c.chair);
  const desk = c.person('王芳');
  const fp = loadOrCreateStationKey(c.dir).fingerprint;
  c.ctx.db.close();
  const work = tempDir();
  const pkg = join(work, 's1-package.json');
  const pkgSlip = join(work, 'package-slip.pdf');

  writeFileSync(pkgSlip, 'taken');
  const badInput = (r: ReturnType<typeof station>, pattern: RegExp) => (assert.equal(r.code, 2, r.stderr), assert.match(r.stderr.split('\n')[0]!, pattern));
  badInput(station('package', 'export', '--db', c.file, '--station', 's1', '--out', pkg, '--slip', pkgSlip, '--as', chair), /package-slip\.pdf exists/);
  assert.equal(existsSync(pkg), false, 'a slip that cannot be written stops the command before the package');
  badInput(station('package', 'export', '--db', c.file, '--station', 's1', '--out', pkg, '--slip', join(work, 'slip.txt'), '--as', chair), /\.pdf/);
  const exported = station('package', 'export', '--db', c.file, '--station', 's1', '--out', pkg, '--slip', pkgSlip, '--overwrite', '--as', chair, '--json');
  expect(exported, 0);
  const summary = JSON.parse(exported.stdout) as { payloadHash: string; voters: number };
  lookAtPage(pkgSlip);
  let text = slipText(pkgSlip);
  for (const expected of ['投票站数据包凭条', 's1', fp.short, summary.payloadHash.toUpperCase(), `选民人数/voters${summary.voters}`, '票箱/boxes1（S1）', '签名']) {
    assert.ok(text.includes(expected.replace(/\s+/g, '')), `the package slip shows ${expected}`);
  }

  // The station laptop: the package opened, a ballot issued, a return written with its slip.
  const data = join(work, 's1');
  expect(station('package', 'open', pkg, '--fingerprint', fp.short, '--data', data), 0);
  const stationDb = join(data, 'election.sqlite');
  const s1 = createContext({ dbFile: stationDb, mustExist: true, actor: 'test' });
  const stick = tempDir();
  asPerson(s1, c.chair, () => chooseSecondCopyFolder(s1, stick));
  openBoxAt({ ctx: s1, dir: data } as StationLaptop, c.chair, 'S1');
  const voter = s1.db.prepare('SELECT certificate FROM voter ORDER BY id LIMIT 1').pluck().get() as string;
  asPerson(s1, desk, () => issueBallot(s1, { certificate: voter, round: 1, desk: 'S1' }));
  await assert.rejects(stationSlip(s1, { kind: 'return' }), rejects('not-found'));
  s1.db.close();
  const retSlip = join(work, 'return-slip.pdf');
  const written = station('return', 'write', '--db', stationDb, '--out', join(work, 'return-1.json'), '--slip', retSlip, '--as', String(desk), '--json');
  expect(written, 0);
  const ret = JSON.parse(written.stdout) as { payloadHash: string; fingerprint: { short: string }; auditHead: { count: number; hash: string } };
  lookAtPage(retSlip);
  text = slipText(retSlip);
  for (const expected of ['投票站回执凭条', ret.payloadHash.toUpperCase(), ret.fingerprint.short, `${ret.auditHead.count}·${ret.auditHead.hash.toUpperCase()}`, 'S111', '签名']) {
    assert.ok(text.includes(expected.replace(/\s+/g, '')), `the return slip shows ${expected}: ${text}`);
  }

  // A replacement laptop takes over from the package and the stick; its slip carries both keys and the decision line.
  const takeSlip = join(work, 'takeover-slip.pdf');
  const took = station('takeover', '--package', pkg, '--copy', stick, '--fingerprint', fp.short, '--data', join(work, 's1-new'), '--slip', takeSlip, '--json');
  expect(took, 0);
  const t = JSON.parse(took.stdout) as { oldKey: string; stationKey: { short: string } };
  lookAtPage(takeSlip);
  text = slipText(takeSlip);
  for (const expected of ['投票站电脑接替凭条', t.oldKey.slice(0, 32).toUpperCase(), t.stationKey.short, '选举委员会决定', '决定/decision', '发出选票记录/issuances1']) {
    assert.ok(text.includes(expected.replace(/\s+/g, '')), `the takeover slip shows ${expected}: ${text}`);
  }
});

test('a slip of something this file never did is refused, naming what is missing', async () => {
  const c = await central();
  await assert.rejects(stationSlip(c.ctx, { kind: 'package', station: 's1' }), (e: Error) => /s1/.test(e.message) && /no package/.test(e.message));
  await assert.rejects(stationSlip(c.ctx, { kind: 'return' }), /not a station laptop/);
  await assert.rejects(stationSlip(c.ctx, { kind: 'package', station: 'nowhere' }), /nowhere/);
});
