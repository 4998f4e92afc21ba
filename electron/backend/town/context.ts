import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/envelope';
import { applicationId, BUSY_TIMEOUT_MS, inTransaction, migrate, schemaVersion, TOWN_APPLICATION_ID, type Db } from '../db';
import { bilingual } from '../context';
import { TOWN_MIGRATIONS } from './migrations';

/** An open town office file ("街道/镇备案" database): not an election file, with its own schema. */
export interface TownContext {
  db: Db;
  file: string;
  office: { name: string; followUpDays: number };
  now(): Date;
}

export interface TownOpenOptions {
  now?: () => Date;
}

function openRaw(file: string, mustExist: boolean): Db {
  try {
    return new Database(file, { fileMustExist: mustExist });
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new ApiError('not-found', bilingual(`无法打开备案文件 ${file}`, `cannot open the town office file ${file}`));
    }
    throw new ApiError('invalid-input', bilingual(`${file} 不是有效的数据库文件`, `${file} is not a usable database file`) + ` (${(err as Error).message})`);
  }
}

/** Checks what kind of file this is before anything is written to it, then brings the town schema up to date. */
function prepare(db: Db, file: string, fresh: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const id = applicationId(db);
  if (id !== TOWN_APPLICATION_ID && !(fresh && id === 0 && schemaVersion(db) === 0)) {
    throw new ApiError('invalid-input', schemaVersion(db) > 0 && id === 0
      ? bilingual(`${file} 是选举数据库，不是街道（镇）备案文件`, `${file} is an election database, not a town office file`)
      : bilingual(`${file} 不是街道（镇）备案文件`, `${file} is not a town office file`));
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, TOWN_MIGRATIONS);
}

function readOffice(db: Db): TownContext['office'] | null {
  const row = db.prepare('SELECT name, follow_up_days AS days FROM town_office WHERE id = 1').get() as { name: string; days: number } | undefined;
  return row ? { name: row.name, followUpDays: row.days } : null;
}

function guarded<T>(db: Db, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    db.close();
    if (err instanceof ApiError) throw err;
    throw new ApiError('invalid-input', bilingual('不是可用的街道（镇）备案文件', 'not a usable town office file') + ` (${(err as Error).message})`);
  }
}

/** Opens an existing town office file (made by createTownFile). */
export function openTownFile(file: string, opts: TownOpenOptions = {}): TownContext {
  const db = openRaw(file, true);
  const office = guarded(db, () => {
    prepare(db, file, false);
    const o = readOffice(db);
    if (o === null) throw new ApiError('invalid-input', bilingual(`${file} 尚未初始化（station town init）`, `${file} was never initialised (station town init)`));
    return o;
  });
  return { db, file, office, now: opts.now ?? (() => new Date()) };
}

/** Creates a town office file; refused when the file already holds a town office. */
export function createTownFile(file: string, office: { name: string; followUpDays: number }, opts: TownOpenOptions = {}): TownContext {
  const db = openRaw(file, false);
  const now = opts.now ?? (() => new Date());
  guarded(db, () => {
    prepare(db, file, true);
    inTransaction(db, () => {
      if (readOffice(db) !== null) {
        throw new ApiError('conflict', bilingual(`${file} 已经是街道（镇）备案文件，未做改动`, `${file} already holds a town office; nothing changed`));
      }
      db.prepare('INSERT INTO town_office (id, name, follow_up_days, created_at) VALUES (1, ?, ?, ?)').run(office.name, office.followUpDays, now().toISOString());
    });
  });
  return { db, file, office, now };
}
