import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CopyFlush } from '../../../shared/api/stations';
import { chooseSecondCopyFolder } from '../../../electron/backend/copy/choose-folder';
import { asPerson } from '../../helpers/authority';
import { tempDir } from '../issuance/helpers';
import { assert, cert, central, openBoxAt, type StationLaptop } from './helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const strace = spawnSync('strace', ['-V'], { encoding: 'utf8' });
const noStrace = strace.status === 0 ? false : 'strace is not installed (apt-get install strace): the system calls cannot be watched';
const centralVoters = [0, 3, 4, 5, 6].map(cert);

/**
 * A desk process (issuing-child.ts: it logs each certificate once issueBallot has answered, as the screen would show
 * "issued") under strace, its file's second copy flushed in `flush` mode. Answers the trace's lines.
 */
async function traceIssuing(flush: CopyFlush, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick, flush));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  c.ctx.db.close();
  const log = join(tempDir(), 'acknowledged.log');
  const trace = join(tempDir(), 'trace.txt');
  const run = spawnSync(
    'strace',
    ['-f', '-y', '-e', 'trace=write,pwrite64,fdatasync,fsync', '-o', trace, process.execPath, '--import', 'tsx', join(import.meta.dirname, 'issuing-child.ts'), c.file, String(c.person('丁一')), 'C1', log, ...centralVoters],
    { cwd: root, encoding: 'utf8', env },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(log, 'utf8').split('\n').filter((l) => /^\d{8}$/.test(l)).length, centralVoters.length);
  return readFileSync(trace, 'utf8').split('\n');
}

const ACK = / write\(\d+<[^>]*acknowledged\.log>, "\d{8}\\n"/;

/**
 * A write is on the stick before the desk is told: every journal line the desk process appends is followed, on the
 * same thread, by an fdatasync of the journal that has returned before the desk writes its acknowledgement.
 */
test('flushed before acknowledging: each issuance is flushed to the second copy (fdatasync) before it is acknowledged', { skip: noStrace }, async () => {
  // pid → what it did last on the journal: 'written' (a line not yet flushed) or 'synced'.
  const journal = new Map<string, 'written' | 'synced'>();
  let acknowledgements = 0;
  for (const line of await traceIssuing('before-ack')) {
    const pid = line.split(' ')[0]!;
    if (/ write\(\d+<[^>]*journal\.ndjson>/.test(line)) journal.set(pid, 'written');
    else if (/ fdatasync\(\d+<[^>]*journal\.ndjson>\)\s+= 0/.test(line) && journal.get(pid) === 'written') journal.set(pid, 'synced');
    else if (ACK.test(line)) {
      acknowledgements++;
      assert.equal(journal.get(pid), 'synced', `acknowledgement ${acknowledgements} came before its journal line was flushed:\n${line}`);
      journal.delete(pid);
    }
  }
  assert.equal(acknowledgements, centralVoters.length, 'every acknowledgement was seen in the trace');
});

/**
 * Flushed right after: each journal line is appended before its acknowledgement, and flushed (on any thread: the
 * background flush runs in the thread pool, or the next write waits for it) before the next acknowledgement, so at
 * every acknowledgement at most the line of the write just acknowledged is not yet known to be on the stick.
 */
test('flushed right after: the copy is never more than one write behind at any acknowledgement', { skip: noStrace }, async () => {
  let written = 0;
  let flushed = 0;
  // thread → how many lines had been written when its fdatasync of the journal began (strace splits a call that
  // another thread interrupts into "<unfinished ...>" and "<... fdatasync resumed>").
  const started = new Map<string, number>();
  let acknowledgements = 0;
  let linesAtLastAck = 0;
  // Back to back: writes come faster than the stick flushes, so the next write has to wait for the previous flush.
  for (const line of await traceIssuing('right-after', { ...process.env, ISSUE_PAUSE_MS: '0' })) {
    const pid = line.split(' ')[0]!;
    if (/ write\(\d+<[^>]*journal\.ndjson>/.test(line)) written++;
    else if (/ fdatasync\(\d+<[^>]*journal\.ndjson>\)\s+= 0/.test(line)) flushed = Math.max(flushed, written);
    else if (/ fdatasync\(\d+<[^>]*journal\.ndjson> <unfinished/.test(line)) started.set(pid, written);
    else if (/<\.\.\. fdatasync resumed>.*= 0/.test(line) && started.has(pid)) {
      flushed = Math.max(flushed, started.get(pid)!);
      started.delete(pid);
    } else if (ACK.test(line)) {
      acknowledgements++;
      assert.ok(written > linesAtLastAck, `acknowledgement ${acknowledgements} came before its journal line was appended:\n${line}`);
      assert.ok(flushed >= written - 1, `acknowledgement ${acknowledgements}: ${written - flushed} journal lines not yet flushed:\n${line}`);
      linesAtLastAck = written;
    }
  }
  assert.equal(acknowledgements, centralVoters.length, 'every acknowledgement was seen in the trace');
});
