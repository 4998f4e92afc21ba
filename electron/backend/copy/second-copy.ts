import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fdatasyncSync, fstatSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CopyFlush } from '../../../shared/api/stations';
import { auditHead } from '../audit';
import type { Db } from '../db';
import { setWriteHooks, writeHooksOf, type WriteHooks } from '../db/write-hooks';
import { captureChanges, type ChangeCapture } from './change-capture';
import { compactAfterBytes, removeLeftovers, writeBaseAndJournal } from './compaction';
import { COPY_FORMAT, copyDirIn, journalReach, JOURNAL_FILE, type CopyHeader } from './journal-file';

/**
 * The second copy of an election file on removable media (docs/stations.md, "never lose the day"). Chosen after
 * measuring (tests/bench/second-copy.bench.ts): SQLite's online backup copies the whole file after every write
 * (tens of milliseconds at 30,000 voters), while a journal of the rows each write changed costs an append of about
 * a kilobyte. So the copy is a base (the whole file, written when the copy starts, when its medium comes back and
 * when the app finds the copy behind) plus that journal, appended inside each write's transaction before it commits,
 * so a write the desk was told about is in the journal even if the app is killed. When the line reaches the medium
 * is the laptop's choice (second_copy.flush): 'before-ack' flushes it (fdatasync) before the commit, so it is on the
 * stick through a power cut too, at the cost of the stick's flush time on every write; 'right-after' flushes it in
 * the background, and the next write waits for that flush before its own line, so the stick is never more than one
 * write behind (a failed flush turns the status to missing). A missing medium never stops the day: the status says so
 * and the copy starts over from a new base when the folder is back. A journal grown past a size starts over from a
 * new base too (copy/compaction.ts), so the stick does not fill and a restore does not replay the whole day.
 */

export type CopyState = 'off' | 'ok' | 'behind' | 'missing';

export interface CopyStatus {
  state: CopyState;
  flush: CopyFlush | null;
  /** The folder the committee chose (a USB stick's path), or null when none was chosen. */
  folder: string | null;
  /** The copy's own folder inside it. */
  dir: string | null;
  /** When the copy last took a write (or its base), or null. */
  lastWriteAt: string | null;
  /** Writes of the file so far, and how many of them the copy holds. */
  writes: number;
  copied: number;
  /** Why the copy is behind or missing, "中文 / English". */
  problem: string | null;
}

interface CopyRow {
  folder: string;
  copy_id: string;
  seq: number;
  flush: CopyFlush;
}

const copies = new WeakMap<Db, SecondCopy>();

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export class SecondCopy implements WriteHooks {
  private readonly capture: ChangeCapture;
  private fd: number | null = null;
  private needsBase = true;
  private journalBytes = 0;
  private readonly compactAfter = compactAfterBytes();
  private compactAt = this.compactAfter;
  private lastWriteAt: string | null = null;
  private copied = 0;
  private problem: { state: 'behind' | 'missing'; text: string } | null = null;
  /** 'right-after': lines appended so far, and whether the last one is not yet known to be on the medium. */
  private appended = 0;
  private unflushed = false;
  /** Background flushes not answered yet, per descriptor: a descriptor is closed only once its flushes are back. */
  private readonly inFlight = new Map<number, number>();
  private readonly closeWhenFlushed = new Set<number>();
  private readonly bump;
  private readonly row;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.capture = captureChanges(db);
    this.row = db.prepare('SELECT folder, copy_id, seq, flush FROM second_copy WHERE id = 1');
    this.bump = db.prepare('UPDATE second_copy SET seq = seq + 1 WHERE id = 1 RETURNING seq').pluck();
    const r = this.current();
    if (r) {
      const reach = journalReach(join(copyDirIn(r.folder, r.copy_id), JOURNAL_FILE), r.copy_id);
      if (reach === r.seq) {
        this.needsBase = false;
        this.copied = r.seq;
        this.openJournal(r);
        this.tidy(r);
      }
    }
  }

  private current(): CopyRow | undefined {
    return this.row.get() as CopyRow | undefined;
  }

  private openJournal(r: CopyRow): void {
    this.closeJournal();
    try {
      this.fd = openSync(join(copyDirIn(r.folder, r.copy_id), JOURNAL_FILE), 'a');
      this.journalBytes = fstatSync(this.fd).size;
      this.compactAt = this.compactAfter;
    } catch (e) {
      this.fail('missing', r.folder, e);
    }
  }

  /** Leftovers of a compaction a crash stopped; the stick's trouble here is no reason to stop the file opening. */
  private tidy(r: CopyRow): void {
    try {
      removeLeftovers(copyDirIn(r.folder, r.copy_id));
    } catch {
      // the next compaction removes them
    }
  }

  private closeJournal(): void {
    const fd = this.fd;
    this.fd = null;
    this.unflushed = false;
    if (fd === null) return;
    if (this.inFlight.has(fd)) this.closeWhenFlushed.add(fd);
    else closeSync(fd);
  }

  /** 'right-after': the line just appended goes to the medium in the background (libuv's thread pool). */
  private flushSoon(fd: number, folder: string): void {
    const upTo = ++this.appended;
    this.unflushed = true;
    this.inFlight.set(fd, (this.inFlight.get(fd) ?? 0) + 1);
    fdatasync(fd, (e) => {
      const left = this.inFlight.get(fd)! - 1;
      if (left > 0) this.inFlight.set(fd, left);
      else this.inFlight.delete(fd);
      // Any failed flush of the journal in use fails the copy: a later flush's success does not bring its lines back.
      if (e && fd === this.fd) this.fail('missing', folder, e);
      else if (!e && fd === this.fd && upTo === this.appended) this.unflushed = false;
      if (left === 0 && this.closeWhenFlushed.delete(fd)) closeSync(fd);
    });
  }

  /**
   * 'right-after': the previous write's line must be on the medium before this write's goes after it. When its
   * background flush has not answered yet (writes coming faster than the stick flushes), this flush waits for it.
   */
  private awaitPreviousFlush(folder: string): boolean {
    if (!this.unflushed || this.fd === null) return true;
    try {
      fdatasyncSync(this.fd);
    } catch (e) {
      this.fail('missing', folder, e);
      return false;
    }
    this.unflushed = false;
    return true;
  }

  private fail(state: 'behind' | 'missing', folder: string, e: unknown): void {
    const code = errorCode(e);
    this.problem =
      state === 'missing'
        ? { state, text: `第二份副本的文件夹 ${folder} 无法访问（U 盘是否已拔出？）(${code}) / the second copy's folder ${folder} cannot be reached (is the USB stick out?) (${code})` }
        : { state, text: `第二份副本未能写入 ${folder}（${code}） / the second copy could not be written to ${folder} (${code})` };
    this.needsBase = true;
    this.closeJournal();
  }

  /**
   * Inside the write's transaction, before it changes anything: a new base when the copy is behind and its medium is
   * there, or when the journal has grown past its size.
   */
  beforeWrite(): void {
    if (!this.needsBase) {
      if (this.fd !== null && this.journalBytes > this.compactAt) this.compact();
      return;
    }
    const r = this.current();
    if (!r) return;
    try {
      statSync(r.folder);
    } catch (e) {
      this.fail('missing', r.folder, e);
      return;
    }
    this.writeBase(r);
  }

  /** A failed compaction leaves the old base and journal standing: the copy goes on with them and tries again later. */
  private compact(): void {
    const r = this.current();
    if (!r) return;
    try {
      this.startFiles(r);
    } catch {
      this.compactAt = this.journalBytes + Math.ceil(this.compactAfter / 4);
    }
  }

  private writeBase(r: CopyRow): void {
    try {
      this.startFiles(r);
    } catch (e) {
      this.fail('behind', r.folder, e);
    }
  }

  private startFiles(r: CopyRow): void {
    const dir = copyDirIn(r.folder, r.copy_id);
    mkdirSync(dir, { recursive: true });
    const bytes = this.db.serialize();
    // Bytes 18–19 of the header say "WAL"; the base is one self-contained file in rollback-journal mode.
    bytes[18] = 1;
    bytes[19] = 1;
    const head = auditHead(this.db);
    const election = this.db.prepare('SELECT title FROM election').pluck().get() as string | undefined;
    const header: CopyHeader = {
      format: COPY_FORMAT,
      copy: r.copy_id,
      createdAt: this.now().toISOString(),
      election: election ?? null,
      base: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, seq: r.seq, audit: [head.count, head.head] },
    };
    writeBaseAndJournal(dir, bytes, header);
    this.capture.clear();
    this.needsBase = false;
    this.problem = null;
    this.copied = r.seq;
    this.lastWriteAt = header.createdAt;
    this.openJournal(r);
  }

  /** Inside the write's transaction, after its changes: they go to the journal as one line before the commit. */
  beforeCommit(): void {
    if (this.capture.count() === 0) return;
    const changes = this.capture.pending();
    this.capture.clear();
    const n = this.bump.get() as number | undefined;
    if (n === undefined || this.needsBase || this.fd === null) return;
    const r = this.current()!;
    if (!this.awaitPreviousFlush(r.folder)) return;
    const head = auditHead(this.db);
    const at = this.now().toISOString();
    const line =
      `{"n":${n},"at":${JSON.stringify(at)},"audit":[${head.count},${JSON.stringify(head.head)}],"changes":[` +
      changes.map((c) => `[${JSON.stringify(c.table)},"${c.op}",${c.key ?? 'null'},${c.row ?? 'null'}]`).join(',') +
      ']}\n';
    try {
      // A stick pulled and put back (or the folder removed) leaves this descriptor on a file that is no longer there.
      if (fstatSync(this.fd).ino !== statSync(join(copyDirIn(r.folder, r.copy_id), JOURNAL_FILE)).ino) throw Object.assign(new Error('journal replaced'), { code: 'ENOENT' });
      const bytes = Buffer.from(line, 'utf8');
      for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off);
      this.journalBytes += bytes.length;
      // On the medium before the commit, so before the desk hears of the write (the cost: second-copy.bench.ts).
      if (r.flush === 'before-ack') fdatasyncSync(this.fd);
      else this.flushSoon(this.fd, r.folder);
    } catch (e) {
      this.fail(errorCode(e) === 'ENOSPC' ? 'behind' : 'missing', r.folder, e);
      return;
    }
    this.copied = n;
    this.lastWriteAt = at;
  }

  /** Changes made outside inTransaction (a bare statement) go to the copy with the next call's end. */
  catchUp(): void {
    if (this.capture.count() > 0 || this.needsBase) this.db.transaction(() => (this.beforeWrite(), this.beforeCommit())).immediate();
  }

  status(): CopyStatus {
    const r = this.current();
    if (!r) return { state: 'off', flush: null, folder: null, dir: null, lastWriteAt: null, writes: 0, copied: 0, problem: null };
    return {
      state: this.problem?.state ?? (this.needsBase ? 'behind' : 'ok'),
      flush: r.flush,
      folder: r.folder,
      dir: copyDirIn(r.folder, r.copy_id),
      lastWriteAt: this.lastWriteAt,
      writes: r.seq,
      copied: this.copied,
      problem: this.problem?.text ?? null,
    };
  }

  /** Points the copy at its (new) folder and writes the base now. */
  restart(): void {
    this.needsBase = true;
    this.problem = null;
    this.db.transaction(() => this.beforeWrite()).immediate();
  }

  detach(): void {
    if (this.fd !== null) this.awaitPreviousFlush(this.current()?.folder ?? '');
    this.closeJournal();
    this.capture.remove();
    setWriteHooks(this.db, null);
    copies.delete(this.db);
  }
}

/** Starts the second copy of an open file when one was chosen for it (or was just chosen); idempotent. */
export function attachSecondCopy(db: Db, now: () => Date): SecondCopy | null {
  const existing = copies.get(db);
  if (existing) return existing;
  if (db.readonly || !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'second_copy'").get()) return null;
  if (!db.prepare('SELECT 1 FROM second_copy WHERE id = 1').get()) return null;
  if (writeHooksOf(db)) return null;
  const copy = new SecondCopy(db, now);
  copies.set(db, copy);
  setWriteHooks(db, copy);
  return copy;
}

export function secondCopyOf(db: Db): SecondCopy | undefined {
  return copies.get(db);
}

export function newCopyId(): string {
  return randomBytes(8).toString('hex');
}
