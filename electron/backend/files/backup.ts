import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { crashPoint } from './crash-point';
import { fsyncDir } from './durable-write';
import { removeLeftoversOfDeadProcesses } from './leftovers';

type Db = Database.Database;

export type BackupReason = 'quit' | 'round-closed';

/** `election-20250301-142233-round-closed.sqlite`: the source file's name, local time, why. */
export function backupFileName(sourceFile: string, reason: BackupReason, when: Date): string {
  const stem = basename(sourceFile, extname(sourceFile)) || 'election';
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${when.getFullYear()}${p(when.getMonth() + 1)}${p(when.getDate())}-` +
    `${p(when.getHours())}${p(when.getMinutes())}${p(when.getSeconds())}`;
  return `${stem}-${stamp}-${reason}.sqlite`;
}

/** A backup being written: `<final name>.<pid>.partial` (and SQLite's -journal/-wal/-shm beside it while open). */
const PARTIAL_BACKUP = /\.(\d+)\.partial(-journal|-wal|-shm)?$/;

/**
 * Removes what backups interrupted by a crash left in `backupDir` (partial copies whose process is gone); a backup
 * that another live process is writing is left alone. Returns the names removed. A missing folder has nothing to clean.
 */
export function removeBackupLeftovers(backupDir: string): string[] {
  return removeLeftoversOfDeadProcesses(backupDir, PARTIAL_BACKUP);
}

/**
 * Copies the open database with SQLite's online backup API (consistent even while the app writes), into a temp name
 * first, makes it a single file (journal_mode DELETE), checks it with `PRAGMA quick_check`, then renames it into place
 * and fsyncs the folder. Returns the backup's path.
 */
export async function backupDatabase(db: Db, backupDir: string, reason: BackupReason, when = new Date()): Promise<string> {
  mkdirSync(backupDir, { recursive: true });
  let name = backupFileName(db.name, reason, when);
  // Two backups within one second (a round closed just before quitting) keep both.
  for (let n = 2; readdirSync(backupDir).includes(name); n++) name = name.replace(/(-\d+)?\.sqlite$/, `-${n}.sqlite`);
  const final = join(backupDir, name);
  const tmp = `${final}.${process.pid}.partial`;
  try {
    await db.backup(tmp);
    crashPoint('backup:copied');
    // The copy inherits WAL mode; switched to a rollback journal it is one self-contained file (no -wal/-shm beside it).
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check of the copy says: ${String(check)}`);
    } finally {
      copy.close();
    }
    crashPoint('backup:checked');
    renameSync(tmp, final);
    fsyncDir(backupDir);
  } catch (err) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
    throw err;
  }
  return final;
}

/** Keeps the newest `keep` backups made for `reason` from the same source file; round backups are never pruned. */
export function pruneBackups(backupDir: string, sourceFile: string, reason: 'quit', keep: number): string[] {
  const stem = basename(sourceFile, extname(sourceFile)) || 'election';
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}-\\d{6}-${reason}(-\\d+)?\\.sqlite$`);
  const mine = readdirSync(backupDir).filter((f) => pattern.test(f)).sort();
  const gone = mine.slice(0, Math.max(0, mine.length - keep));
  for (const f of gone) rmSync(join(backupDir, f), { force: true });
  return gone;
}

export interface BackupHook {
  /** For the backend: call after a round is closed (its result recorded). Resolves to the backup's path, or null. */
  roundClosed(): Promise<string | null>;
  /** For the shell: call before the database is closed on quit. */
  beforeQuit(): Promise<string | null>;
}

/**
 * The automatic backups, one at a time, of whatever database is open (`currentDb` returns null when none is). A
 * failed backup is reported through `log` and never breaks the caller: the election goes on.
 */
export function createBackupHook(opts: {
  currentDb: () => Db | null;
  backupDir: (db: Db) => string;
  log: (message: string, err?: unknown) => void;
  keepQuitBackups?: number;
}): BackupHook {
  let chain: Promise<unknown> = Promise.resolve();
  const cleaned = new Set<string>();
  const run = (reason: BackupReason): Promise<string | null> => {
    const job = chain.then(async () => {
      const db = opts.currentDb();
      if (!db || !db.open || db.memory) return null;
      const dir = opts.backupDir(db);
      try {
        if (!cleaned.has(dir)) {
          for (const n of removeBackupLeftovers(dir)) opts.log(`backup: removed ${n}, left by an interrupted backup`);
          cleaned.add(dir);
        }
        const file = await backupDatabase(db, dir, reason);
        if (reason === 'quit') pruneBackups(dir, db.name, 'quit', opts.keepQuitBackups ?? 20);
        opts.log(`backup (${reason}): ${file}`);
        return file;
      } catch (err) {
        opts.log(`backup (${reason}) of ${db.name} failed`, err);
        return null;
      }
    });
    chain = job;
    return job;
  };
  return { roundClosed: () => run('round-closed'), beforeQuit: () => run('quit') };
}
