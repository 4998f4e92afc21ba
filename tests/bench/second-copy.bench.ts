/**
 * Second copy benchmark (issue 10, docs/stations.md "the second copy"): at a 30,000-voter roll, what an issuance
 * costs without a second copy and with the journal copy in each flush mode, and what SQLite's online backup of the
 * whole file costs (the alternative of a backup after each write). Target: the copy adds < 2 ms to an issuance's p99,
 * judged on the mode that flushes right after the write (the next write waiting for that flush); the mode that
 * flushes before acknowledging is printed beside it, since its cost is the medium's flush. Each series runs at a
 * desk's pace: a pause between two issuances (not timed; a real desk takes seconds per voter, far longer), in which
 * the background flush answers. The series take turns in blocks, so a machine whose load changes during the run
 * weighs on all of them alike. The right-after mode is also timed back to back on disk, where each write waits for
 * the previous flush. Media: the OS temp folder (this machine's disk) and tmpfs (/dev/shm, where a flush is nearly
 * free). A USB stick in the field flushes slower than either; the bare flush figure shows what one flush costs.
 */
import { closeSync, existsSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CopyFlush } from '../../shared/api/stations';
import { chooseSecondCopyFolder } from '../../electron/backend/copy/choose-folder';
import { secondCopyOf } from '../../electron/backend/copy/second-copy';
import { issueBallot } from '../../electron/backend/services/issuance';
import { election } from './floor.bench';

const VOTERS = 30_000;
const BLOCKS = 5;
const PER_BLOCK = 200;
/** Between two issuances of a series: a desk issuing 50 ballots a second, far faster than any real desk. */
const DESK_PAUSE_MS = 20;

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
    const issue = async (n: number, pause = DESK_PAUSE_MS): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        issueBallot(ctx, { certificate: certificates[next++]!, round: 1, desk: 'C1' });
        times.push(performance.now() - t);
        if (pause > 0) await sleep(pause);
      }
      return times.sort((a, b) => a - b);
    };
    await issue(200, 0); // warm-up

    const backups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await ctx.db.backup(join(dir, `backup-${i}.sqlite`));
      backups.push(performance.now() - t);
    }
    backups.sort((a, b) => a - b);

    const t = performance.now();
    chooseSecondCopyFolder(ctx, stick, 'before-ack');
    const baseMs = performance.now() - t;

    // Each series: where the copy goes and how it is flushed (null: no copy).
    type Copy = [string, CopyFlush] | null;
    const series = new Map<string, Copy>([
      ['without', null],
      ['disk before-ack', [stick, 'before-ack']],
      ['disk right-after', [stick, 'right-after']],
    ]);
    if (shm) {
      series.set('tmpfs before-ack', [shm, 'before-ack']);
      series.set('tmpfs right-after', [shm, 'right-after']);
    }
    const times = new Map<string, number[]>([...series.keys()].map((k) => [k, []]));
    const use = (copy: Copy) => {
      if (copy) chooseSecondCopyFolder(ctx, copy[0], copy[1]);
      else secondCopyOf(ctx.db)?.detach();
    };
    for (let b = 0; b < BLOCKS; b++) {
      for (const [name, copy] of series) {
        use(copy);
        await issue(10, 0); // untimed: the new base's memory is collected before the series is timed
        times.get(name)!.push(...(await issue(PER_BLOCK)));
      }
    }
    use([stick, 'right-after']);
    const backToBack = await issue(PER_BLOCK * 2, 0);
    ctx.db.close();
    const sorted = (name: string) => times.get(name)!.sort((a, b) => a - b);
    const without = sorted('without');
    const beforeAck = sorted('disk before-ack');
    const rightAfter = sorted('disk right-after');
    const onTmpfs = shm ? { beforeAck: sorted('tmpfs before-ack'), rightAfter: sorted('tmpfs right-after') } : null;

    const p99 = (series: number[]) => percentile(series, 99);
    const added = (series: number[]) => p99(series) - p99(without);
    return {
      'voters on the roll': VOTERS,
      'issuances per series (desk pause between them, ms)': `${BLOCKS * PER_BLOCK} (${DESK_PAUSE_MS})`,
      'issue p50 without copy (ms)': percentile(without, 50),
      'issue p99 without copy (ms)': p99(without),
      'disk: issue p50, copy flushed before ack / right after (ms)': `${percentile(beforeAck, 50).toFixed(3)} / ${percentile(rightAfter, 50).toFixed(3)}`,
      'disk: issue p99, copy flushed before ack (ms)': p99(beforeAck),
      'disk: issue p99, copy flushed right after (ms)': p99(rightAfter),
      'disk: copy flushed right after adds to p99 (ms)': added(rightAfter),
      'copy target (flushed right after) adds < 2 ms to p99': added(rightAfter) < 2 ? 'met' : 'MISSED',
      'disk: copy flushed before ack adds to p99 (ms)': added(beforeAck),
      'disk: issue p99, flushed right after, back to back (ms)': p99(backToBack),
      'bare 1 KB append + fdatasync p99, disk (ms)': bareFlushP99(stick),
      ...(onTmpfs && shm
        ? {
            'tmpfs: issue p50, copy flushed before ack / right after (ms)': `${percentile(onTmpfs.beforeAck, 50).toFixed(3)} / ${percentile(onTmpfs.rightAfter, 50).toFixed(3)}`,
            'tmpfs: issue p99, copy flushed before ack (ms)': p99(onTmpfs.beforeAck),
            'tmpfs: issue p99, copy flushed right after (ms)': p99(onTmpfs.rightAfter),
            'tmpfs: copy flushed before ack adds to p99 (ms)': added(onTmpfs.beforeAck),
            'tmpfs: copy flushed right after adds to p99 (ms)': added(onTmpfs.rightAfter),
            'bare 1 KB append + fdatasync p99, tmpfs (ms)': bareFlushP99(shm),
          }
        : {}),
      'online backup of the whole file, median (ms)': percentile(backups, 50),
      'base of the copy (serialize + durable write, ms)': baseMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(stick, { recursive: true, force: true });
    if (shm) rmSync(shm, { recursive: true, force: true });
  }
}
