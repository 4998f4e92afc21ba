import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { chooseSecondCopyFolder, secondCopyStatus } from '../../../electron/backend/copy/choose-folder';
import { COMPACT_AFTER_BYTES } from '../../../electron/backend/copy/compaction';
import { readSecondCopy } from '../../../electron/backend/copy/read-copy';
import { rebuildFromCopy } from '../../../electron/backend/copy/rebuild';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';
import { tempDir } from '../issuance/helpers';
import { assert, central, cert, contents, freshFile, openBoxAt, type StationLaptop } from './helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const CENTRAL = [0, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(cert);

const filesIn = (dir: string) => readdirSync(dir).sort();
const bases = (dir: string) => filesIn(dir).filter((f) => f.startsWith('base'));

/** The central laptop with its second copy on a stick, the box open, and two ballots issued. */
async function laptopWithCopy() {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  const desk = c.person('丁一');
  for (const certificate of CENTRAL.slice(0, 2)) asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate, round: 1, desk: 'C1' }));
  return { c, stick, desk, dir: secondCopyStatus(c.ctx).dir! };
}

test('a journal past its size starts over from a new base: the stick holds one base and a short journal, and the copy restores the same file', async () => {
  process.env.STATION_COPY_COMPACT_BYTES = '4000';
  try {
    const { c, desk, dir, stick } = await laptopWithCopy();
    const before = bases(dir);
    for (const certificate of CENTRAL.slice(2, 8)) asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate, round: 1, desk: 'C1' }));
    const after = bases(dir);
    assert.equal(after.length, 1, `one base left: ${filesIn(dir).join(', ')}`);
    assert.notDeepEqual(after, before, 'a new base was written');
    assert.ok(statSync(join(dir, 'journal.ndjson')).size < 4000 + 3000, 'the journal started again');
    const status = secondCopyStatus(c.ctx);
    assert.equal(status.state, 'ok');
    assert.equal(status.copied, status.writes);
    const copy = await readSecondCopy(stick);
    assert.ok(copy.header.base.seq > 0 && copy.lines.length < 8, `the base holds the writes before it (seq ${copy.header.base.seq}, ${copy.lines.length} lines after)`);
    const restored = freshFile();
    rebuildFromCopy(restored.db, copy);
    assert.equal(contents(restored.db), contents(c.ctx.db));

    // A copy written before compaction (base.sqlite, its header naming no file) still restores.
    const header = JSON.parse(readFileSync(join(dir, 'journal.ndjson'), 'utf8').split('\n')[0]!);
    renameSync(join(dir, header.base.file), join(dir, 'base.sqlite'));
    delete header.base.file;
    const rest = readFileSync(join(dir, 'journal.ndjson'), 'utf8').split('\n').slice(1);
    writeFileSync(join(dir, 'journal.ndjson'), [JSON.stringify(header), ...rest].join('\n'));
    const old = freshFile();
    rebuildFromCopy(old.db, await readSecondCopy(stick));
    assert.equal(contents(old.db), contents(c.ctx.db));
  } finally {
    delete process.env.STATION_COPY_COMPACT_BYTES;
  }
  assert.ok(COMPACT_AFTER_BYTES >= 1024 * 1024, 'unset, a compaction waits for megabytes of journal');
});

for (const point of ['write:partial', 'copy:base-written', 'copy:journal-replaced']) {
  test(`killed mid-compaction (${point}): the stick still restores every acknowledged write, and the next write finishes the job`, async () => {
    const { c, stick, desk, dir } = await laptopWithCopy();
    c.ctx.db.close();
    const log = join(tempDir(), 'acknowledged.log');
    // Just past the journal's size now: the desk's first write goes through, its second starts a compaction.
    const env = { ...process.env, STATION_COPY_COMPACT_BYTES: String(statSync(join(dir, 'journal.ndjson')).size + 1), STATION_CRASH_AT: point };
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'issuing-child.ts'), c.file, String(desk), 'C1', log, ...CENTRAL.slice(2, 5)], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    assert.equal(run.signal, 'SIGKILL', `the desk process died at ${point}: ${run.stderr}`);
    const acked = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
    assert.deepEqual(acked, [CENTRAL[2]], 'one write acknowledged before the compaction');

    const restored = freshFile();
    rebuildFromCopy(restored.db, await readSecondCopy(stick));
    const dead = createContext({ dbFile: c.file, mustExist: true, actor: 'test' });
    assert.equal(contents(restored.db), contents(dead.db), 'the copy holds the file as it was when the process died');
    assert.equal(restored.db.prepare('SELECT count(*) FROM issuance i JOIN voter v ON v.id = i.voter_id WHERE v.certificate = ?').pluck().get(CENTRAL[2]), 1);

    // The file opened again and written to: the compaction is finished or its leftovers removed; one base is left.
    process.env.STATION_COPY_COMPACT_BYTES = env.STATION_COPY_COMPACT_BYTES;
    try {
      const again = createContext({ dbFile: c.file, mustExist: true, actor: 'test' });
      asPerson(again, desk, () => issueBallot(again, { certificate: CENTRAL[3]!, round: 1, desk: 'C1' }));
      assert.equal(bases(dir).length, 1, `one base: ${filesIn(dir).join(', ')}`);
      assert.equal(filesIn(dir).filter((f) => f.endsWith('.partial')).length, 0, 'no half-written file left');
      const later = freshFile();
      rebuildFromCopy(later.db, await readSecondCopy(stick));
      assert.equal(contents(later.db), contents(again.db));
      dead.db.close();
    } finally {
      delete process.env.STATION_COPY_COMPACT_BYTES;
    }
  });
}
