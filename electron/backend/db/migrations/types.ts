import type Database from 'better-sqlite3';

/** One schema step. `up` runs inside the migration's transaction; it must not change PRAGMA user_version itself. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
  /**
   * Run with foreign keys off (a table rebuilt the way SQLite documents it); the runner checks every foreign key
   * before committing and turns them back on.
   */
  foreignKeysOff?: boolean;
}
