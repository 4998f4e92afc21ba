import { test } from 'node:test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { tempDir } from '../issuance/helpers';
import { expect, station } from './cli-run';
import { assert, central, cert, openBoxAt, S1_VOTERS } from './helpers';

/** `station package export|open` and `station return write|import`: exit 0 done, 1 refused, 2 bad input. */

test('the four station commands: a package out and opened, a return written and imported, each refusal in one line with its exit code', async () => {
  const c = await central();
  const chair = String(c.chair);
  const desk = c.person('王芳');
  c.ctx.db.close();
  const work = tempDir();
  const pkg = join(work, 's1-package.json');
  const data = join(work, 's1');

  expect(station('package', 'export', '--db', c.file, '--station', 's1', '--out', pkg, '--as', chair), 0, new RegExp(c.fingerprint));
  expect(station('package', 'export', '--db', c.file, '--station', 'nowhere', '--out', join(work, 'x.json'), '--as', chair), 2, /nowhere/);
  expect(station('package', 'open', pkg, '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000', '--data', data), 1, /fingerprint|指纹/);
  assert.equal(existsSync(data), false, 'a refused package leaves no file behind');
  expect(station('package', 'open', join(work, 'missing.json'), '--fingerprint', c.fingerprint, '--data', data), 2);
  expect(station('package', 'open', pkg, '--fingerprint', c.fingerprint, '--data', data), 0, /station package opened/);
  expect(station('package', 'open', pkg, '--fingerprint', c.fingerprint, '--data', data), 0, /nothing changed/);

  const stationDb = join(data, 'election.sqlite');
  const s1 = createContext({ dbFile: stationDb, mustExist: true, actor: 'test' });
  openBoxAt({ ctx: s1, dir: data }, c.chair, 'S1');
  s1.db.close();
  expect(station('issue', '--db', stationDb, '--certificate', cert(S1_VOTERS[0]!), '--round', '1', '--desk', 'S1', '--as', String(desk)), 0);
  expect(station('results', '--db', stationDb, '--round', '1', '--as', chair), 1, /station laptop|投票站/);

  const ret = join(work, 's1-return-1.json');
  const written = station('return', 'write', '--db', stationDb, '--out', ret, '--as', String(desk), '--json');
  expect(written, 0);
  const stationKey = (JSON.parse(written.stdout) as { fingerprint: { short: string } }).fingerprint.short;

  expect(station('return', 'import', '--db', c.file, ret, '--as', chair), 1, /fingerprint/);
  const truncated = join(work, 'cut.json');
  writeFileSync(truncated, readFileSync(ret).subarray(0, 300));
  expect(station('return', 'import', '--db', c.file, truncated, '--as', chair), 2, /cut short|截断/);
  expect(station('return', 'import', '--db', c.file, ret, '--fingerprint', stationKey, '--as', chair), 0, /1 new of 1/);
  expect(station('return', 'import', '--db', c.file, ret, '--as', chair), 0, /nothing changed/);
});
