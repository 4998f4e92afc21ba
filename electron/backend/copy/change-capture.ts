import type { Db } from '../db';

/**
 * Row changes of one connection, caught by TEMP triggers (they live in this connection only, never in the file)
 * into a TEMP table, inside the transaction that makes them: a rolled-back write leaves nothing behind. Every table
 * of the file is caught but the copy's own bookkeeping (second_copy), whatever migration added it.
 *
 * A change is [table, op, key, row]: op "i", "u" or "d"; key the old row's identity (rowid, or the primary key of a
 * WITHOUT ROWID table) for "u" and "d"; row the new row for "i" and "u", in the order of tableShape(...).columns.
 */

export interface TableShape {
  name: string;
  /** The columns of a row as journalled: "rowid" first for a rowid table, then every declared column. */
  columns: string[];
  /** The columns naming a row: ["rowid"], or the primary key of a WITHOUT ROWID table. */
  key: string[];
}

const NOT_CAUGHT = new Set(['second_copy']);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function tableShapes(db: Db, schema = 'main'): TableShape[] {
  const tables = db
    .prepare(`SELECT name, sql FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  return tables
    .filter((t) => !NOT_CAUGHT.has(t.name))
    .map((t) => {
      const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?, ?)`).all(t.name, schema) as { name: string; pk: number }[];
      const declared = info.map((c) => c.name);
      const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql.slice(t.sql.lastIndexOf(')')));
      if (!withoutRowid) return { name: t.name, columns: ['rowid', ...declared], key: ['rowid'] };
      const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      return { name: t.name, columns: declared, key };
    });
}

export interface PendingChange {
  table: string;
  op: 'i' | 'u' | 'd';
  /** JSON arrays as SQLite wrote them. */
  key: string | null;
  row: string | null;
}

export interface ChangeCapture {
  pending(): PendingChange[];
  count(): number;
  clear(): void;
  remove(): void;
}

/** Installs the triggers for every table of the file as it is now (call after migrations). */
export function captureChanges(db: Db): ChangeCapture {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS copy_pending (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key TEXT, row TEXT)`);
  const shapes = tableShapes(db);
  const names: string[] = [];
  for (const t of shapes) {
    const row = (ref: 'NEW' | 'OLD') => `json_array(${t.columns.map((c) => `${ref}.${c === 'rowid' ? 'rowid' : quote(c)}`).join(', ')})`;
    const key = `json_array(${t.key.map((c) => `OLD.${c === 'rowid' ? 'rowid' : quote(c)}`).join(', ')})`;
    const lit = `'${t.name.replace(/'/g, "''")}'`;
    const bodies: [string, string][] = [
      ['INSERT', `${lit}, 'i', NULL, ${row('NEW')}`],
      ['UPDATE', `${lit}, 'u', ${key}, ${row('NEW')}`],
      ['DELETE', `${lit}, 'd', ${key}, NULL`],
    ];
    for (const [event, values] of bodies) {
      const name = quote(`copy_${event.toLowerCase()}_${t.name}`);
      names.push(name);
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main.${quote(t.name)}
        BEGIN INSERT INTO temp.copy_pending (tbl, op, key, row) VALUES (${values}); END`);
    }
  }
  const all = db.prepare('SELECT tbl AS "table", op, key, row FROM temp.copy_pending ORDER BY id');
  const count = db.prepare('SELECT count(*) AS n FROM temp.copy_pending').pluck();
  const clear = db.prepare('DELETE FROM temp.copy_pending');
  return {
    pending: () => all.all() as PendingChange[],
    count: () => count.get() as number,
    clear: () => void clear.run(),
    remove: () => {
      for (const n of names) db.exec(`DROP TRIGGER IF EXISTS temp.${n}`);
      db.exec('DROP TABLE IF EXISTS temp.copy_pending');
    },
  };
}
