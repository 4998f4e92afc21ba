import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/envelope';
import { latestSchemaVersion } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Refuse to create a new file (every command but `init`). */
  mustExist?: boolean;
  readonly?: boolean;
}

/** How long a writer waits for another process's write lock before giving up (the desk and the CLI can share a file). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens an election database. The schema version is checked before any pragma that could write to the file,
 * so a database from a newer app version is refused untouched. Call `migrate(db)` afterwards.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: opts.mustExist === true, readonly: opts.readonly === true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN') {
      throw new ApiError('not-found', `无法打开数据库文件 / cannot open the database file: ${file}`);
    }
    throw new ApiError('invalid-input', `不是有效的数据库文件 / not a usable database file: ${file} (${(err as Error).message})`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    refuseTownFile(db, file);
    refuseNewerSchema(db, file);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    if (err instanceof ApiError) throw err;
    throw new ApiError('invalid-input', `不是有效的数据库文件 / not a usable database file: ${file} (${(err as Error).message})`);
  }
}

/**
 * SQLite's application_id of a town office file ("TOWN"); election files leave it 0. A town file has its own schema
 * versions, so it must never be taken for an election file and migrated as one.
 */
export const TOWN_APPLICATION_ID = 0x544f574e;

export function applicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

function refuseTownFile(db: Db, file: string): void {
  if (applicationId(db) === TOWN_APPLICATION_ID) {
    throw new ApiError('invalid-input', `${file} 是街道（镇）备案文件，不是选举数据库 / ${file} is a town office file, not an election database`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A file written by a newer app may hold data this app cannot read correctly: refuse, change nothing. */
export function refuseNewerSchema(db: Db, file = 'database', known = latestSchemaVersion()): void {
  const found = schemaVersion(db);
  if (found > known) {
    throw new ApiError(
      'conflict',
      `数据库 ${file} 由更新版本的程序创建(结构版本 ${found},本程序最高支持 ${known}),未做任何修改,请升级程序。` +
        ` / The database ${file} was written by a newer version of the app (schema ${found}; this app knows up to ${known}).` +
        ' It was not changed; please update the app.',
      { details: { found, known } },
    );
  }
}
