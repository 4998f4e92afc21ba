import { test } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../issuance/helpers';
import { expect, root, station } from './cli-run';
import { assert, central, cert, exportPackage } from './helpers';

/** `station copy folder`, `station restore` and `station takeover`: exit 0 done, 1 refused, 2 bad input, one line each. */

test('the copy folder chosen, a ballot issued, the file restored from the copy; a takeover refused on a wrong fingerprint or a copy of another file', async () => {
  const c = await central();
  const chair = String(c.chair);
  const pkg = exportPackage(c, 's1');
  c.ctx.db.close();
  const stick = tempDir();
  expect(station('copy', 'folder', '--db', c.file, '--folder', stick, '--as', chair), 0, /cer-copy-.* \(ok\)/);
  // The flush is chosen with the folder: a mode it does not know is bad input; a known one is said and kept.
  const unknown = station('copy', 'folder', '--db', c.file, '--folder', stick, '--flush', 'later', '--as', chair);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--flush must be before-ack or right-after/);
  const chosen = station('copy', 'folder', '--db', c.file, '--folder', stick, '--flush', 'right-after', '--as', chair, '--json');
  expect(chosen, 0);
  assert.equal((JSON.parse(chosen.stdout) as { flush: string }).flush, 'right-after');
  expect(station('copy', 'folder', '--db', c.file, '--folder', stick, '--as', chair), 0, /never more than one write behind/);
  expect(station('issue', '--db', c.file, '--certificate', cert(0), '--round', '1', '--desk', 'C1', '--as', chair), 1);
  const out = join(tempDir(), 'restored.sqlite');
  const restored = station('restore', '--copy', stick, '--out', out, '--json');
  expect(restored, 0);
  const r = JSON.parse(restored.stdout) as { writes: number; auditHead: { count: number } };
  assert.ok(r.writes >= 1, 'the refused issuance (its audit event) came through the journal');
  expect(station('audit', 'verify', '--db', out), 0);
  expect(station('restore', '--copy', stick, '--out', out), 1, /already exists/);
  expect(station('restore', '--copy', tempDir(), '--out', join(tempDir(), 'x.sqlite')), 2, /holds no copy/);

  const data = join(tempDir(), 's1');
  expect(station('takeover', '--package', pkg, '--copy', stick, '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000', '--data', data), 1, /fingerprint|指纹/);
  expect(station('takeover', '--package', pkg, '--copy', stick, '--fingerprint', c.fingerprint, '--data', data), 1, /not of a station laptop/);
  assert.equal(existsSync(join(data, 'election.sqlite')), false, 'a refused takeover leaves no file');
  assert.ok(readFileSync(join(root, 'docs', 'stations.md'), 'utf8').includes('station takeover --package'));
});
