/**
 * Second copy benchmark (issue 10, docs/stations.md "never lose the day"): at a 30,000-voter roll, what an issuance
 * costs without a second copy and with the journal copy (rows appended to the stick's journal before each commit),
 * and what SQLite's online backup of the whole file costs, the alternative of a backup after each write. Target:
 * the copy adds < 2 ms to an issuance's p99. Each journal line is flushed to the medium (fdatasync) before the write
 * commits, so the figure depends on the medium: measured here with the copy's folder in the OS temp folder (this
 * machine's disk) and on tmpfs (/dev/shm, where a flush is nearly free: the CPU's part alone). A USB stick in the
 * field flushes slower than either (often several ms for a small write); the bare flush figure shows what it costs.
 */
import { closeSync, existsSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseSecondCopyFolder } from '../../electron/backend/copy/choose-folder';
import { issueBallot } from '../../electron/backend/services/issuance';
import { election } from './floor.bench';

const VOTERS = 30_000;
const ISSUES = 2_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** What a bare 1 KB append and fdatasync costs in `folder` (p99 over 500). */
function bareFlushP99(folder: string): number {
  const file = join(folder, 'flush-probe');
  const fd = openSync(file, 'a');
  const line = Buffer.alloc(1024, 'x');
  const times: number[] = [];
  try {
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      writeSync(fd, line);
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return percentile(times.sort((a, b) => a - b), 99);
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'station-bench-copy-'));
  const stick = mkdtempSync(join(tmpdir(), 'station-bench-stick-'));
  const shm = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'station-bench-stick-')) : null;
  try {
    const ctx = await election(dir, VOTERS);
    const certificates = ctx.db.prepare('SELECT certificate FROM voter ORDER BY random()').pluck().all() as string[];
    let next = 0;
    const issue = (n: number): number[] => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        issueBallot(ctx, { certificate: certificates[next++]!, round: 1, desk: 'C1' });
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    issue(200); // warm-up
    const without = issue(ISSUES);

    const backups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await ctx.db.backup(join(dir, `backup-${i}.sqlite`));
      backups.push(performance.now() - t);
    }
    backups.sort((a, b) => a - b);

    let t = performance.now();
    chooseSecondCopyFolder(ctx, stick);
    const baseMs = performance.now() - t;
    const withCopy = issue(ISSUES);
    let onTmpfs: number[] | null = null;
    if (shm) {
      chooseSecondCopyFolder(ctx, shm);
      onTmpfs = issue(ISSUES);
    }
    t = performance.now();
    ctx.db.serialize();
    const serializeMs = performance.now() - t;
    ctx.db.close();

    const added = percentile(withCopy, 99) - percentile(without, 99);
    return {
      'voters on the roll': VOTERS,
      'issue p50 without copy (ms)': percentile(without, 50),
      'issue p99 without copy (ms)': percentile(without, 99),
      'issue p50 with journal copy (ms)': percentile(withCopy, 50),
      'issue p99 with journal copy (ms)': percentile(withCopy, 99),
      'copy adds to issue p99 (ms)': added,
      'copy target adds < 2 ms to p99': added < 2 ? 'met' : 'MISSED',
      'bare 1 KB append + fdatasync p99, disk (ms)': bareFlushP99(stick),
      ...(onTmpfs && shm
        ? {
            'issue p99 with journal copy on tmpfs (ms)': percentile(onTmpfs, 99),
            'copy on tmpfs adds to issue p99 (ms)': percentile(onTmpfs, 99) - percentile(without, 99),
            'bare 1 KB append + fdatasync p99, tmpfs (ms)': bareFlushP99(shm),
          }
        : {}),
      'online backup of the whole file, median (ms)': percentile(backups, 50),
      'base of the copy (serialize + durable write, ms)': baseMs,
      'serialize alone (ms)': serializeMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(stick, { recursive: true, force: true });
    if (shm) rmSync(shm, { recursive: true, force: true });
  }
}
