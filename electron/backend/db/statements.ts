import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A statement prepared once per connection: the desk and the counting table run a handful of these per action. */
export function preparedOnce(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) {
    byDb = new Map();
    statements.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}
