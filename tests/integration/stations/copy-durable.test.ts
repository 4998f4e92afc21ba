import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseSecondCopyFolder } from '../../../electron/backend/copy/choose-folder';
import { asPerson } from '../../helpers/authority';
import { tempDir } from '../issuance/helpers';
import { assert, cert, central, openBoxAt, type StationLaptop } from './helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const strace = spawnSync('strace', ['-V'], { encoding: 'utf8' });
const noStrace = strace.status === 0 ? false : 'strace is not installed (apt-get install strace): the system calls cannot be watched';

/**
 * A write is on the stick before the desk is told: a desk process issuing under strace, every journal line it
 * appends is followed, on the same thread, by an fdatasync of the journal that has returned before the desk writes
 * its acknowledgement (issuing-child.ts logs each certificate once issueBallot has answered).
 */
test('each issuance is flushed to the second copy (fdatasync) before it is acknowledged', { skip: noStrace }, async () => {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  c.ctx.db.close();
  const centralVoters = [0, 3, 4, 5, 6].map(cert);
  const log = join(tempDir(), 'acknowledged.log');
  const trace = join(tempDir(), 'trace.txt');
  const run = spawnSync(
    'strace',
    ['-f', '-y', '-e', 'trace=write,pwrite64,fdatasync,fsync', '-o', trace, process.execPath, '--import', 'tsx', join(import.meta.dirname, 'issuing-child.ts'), c.file, String(c.person('丁一')), 'C1', log, ...centralVoters],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(log, 'utf8').split('\n').filter((l) => /^\d{8}$/.test(l)).length, centralVoters.length);

  // pid → what it did last on the journal: 'written' (a line not yet flushed) or 'synced'.
  const journal = new Map<string, 'written' | 'synced'>();
  let acknowledgements = 0;
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    const pid = line.split(' ')[0]!;
    if (/ write\(\d+<[^>]*journal\.ndjson>/.test(line)) journal.set(pid, 'written');
    else if (/ fdatasync\(\d+<[^>]*journal\.ndjson>\)\s+= 0/.test(line) && journal.get(pid) === 'written') journal.set(pid, 'synced');
    else if (/ write\(\d+<[^>]*acknowledged\.log>, "\d{8}\\n"/.test(line)) {
      acknowledgements++;
      assert.equal(journal.get(pid), 'synced', `acknowledgement ${acknowledgements} came before its journal line was flushed:\n${line}`);
      journal.delete(pid);
    }
  }
  assert.equal(acknowledgements, centralVoters.length, 'every acknowledgement was seen in the trace');
});
