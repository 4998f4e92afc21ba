import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ELECTION_FILE_SUFFIX, electionFileNameProblem, type ElectionFileView, type OpenElectionFileView } from '../../../shared/api/files';
import { openDatabase, type Db } from '../db/connection';
import { electionHead, isDrillFile } from './drill-mark';

/** A data folder holds a few files; a folder with more lists the newest this many. */
export const MAX_LISTED_FILES = 200;

/** `<dataDir>/<name>.sqlite`: the file a checked name stands for. */
export function electionFilePath(dataDir: string, name: string): string {
  return join(resolve(dataDir), `${name}${ELECTION_FILE_SUFFIX}`);
}

/** The name a file of the data folder is listed and opened by; null for any other file (or one whose name we refuse). */
export function electionFileNameOf(dataDir: string, file: string): string | null {
  const abs = resolve(file);
  if (dirname(abs) !== resolve(dataDir) || !abs.endsWith(ELECTION_FILE_SUFFIX)) return null;
  const name = basename(abs).slice(0, -ELECTION_FILE_SUFFIX.length);
  return electionFileNameProblem(name) === null ? name : null;
}

/** How the open file is named to people: its name in the data folder, or its whole path when it lies elsewhere. */
export function openFileView(dataDir: string, file: string, db: Db): OpenElectionFileView {
  return { name: electionFileNameOf(dataDir, file) ?? resolve(file), drill: isDrillFile(db) };
}

function describe(db: Db): Pick<ElectionFileView, 'title' | 'date' | 'drill'> {
  const head = electionHead(db);
  return { title: head?.title ?? null, date: head?.date ?? null, drill: isDrillFile(db, head) };
}

/** Reads another file's election without changing it: read-only, closed at once; a file we cannot read is listed as such. */
function describeClosed(file: string): Pick<ElectionFileView, 'title' | 'date' | 'drill' | 'readable'> {
  let db: Db;
  try {
    db = openDatabase(file, { mustExist: true, readonly: true });
  } catch {
    return { title: null, date: null, drill: false, readable: false };
  }
  try {
    return { ...describe(db), readable: true };
  } catch {
    // An empty file, or one made before the election table existed: it opens (and is migrated) like a new one.
    return { title: null, date: null, drill: false, readable: true };
  } finally {
    db.close();
  }
}

/** The election files of the data folder, newest change first; the open one is read through its own connection. */
export function listElectionFiles(dataDir: string, current: { file: string; db: Db }): ElectionFileView[] {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return [];
  }
  const currentFile = resolve(current.file);
  const found: { name: string; file: string; mtime: number }[] = [];
  for (const entry of entries) {
    const file = join(resolve(dataDir), entry);
    const name = electionFileNameOf(dataDir, file);
    if (name === null) continue;
    try {
      const st = statSync(file);
      // The write-ahead log holds the latest changes until a checkpoint: the newer of the two is the last change.
      const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
      if (st.isFile()) found.push({ name, file, mtime: Math.max(st.mtimeMs, wal?.mtimeMs ?? 0) });
    } catch {
      // gone while listing
    }
  }
  found.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
  return found.slice(0, MAX_LISTED_FILES).map(({ name, file, mtime }) => {
    const isCurrent = file === currentFile;
    return {
      name,
      ...(isCurrent ? { ...describe(current.db), readable: true } : describeClosed(file)),
      lastChange: new Date(mtime).toISOString(),
      current: isCurrent,
    };
  });
}
