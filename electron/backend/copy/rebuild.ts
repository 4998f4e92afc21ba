import Database from 'better-sqlite3';
import { auditHead, verifyAuditChain } from '../audit';
import { invalid, refused, says } from '../context';
import { schemaVersion, type Db } from '../db';
import { tableShapes, type TableShape } from './change-capture';
import type { SecondCopyFiles } from './read-copy';

export interface Rebuilt {
  /** Writes replayed from the journal after the base. */
  writes: number;
  auditHead: { count: number; hash: string };
  cutShort: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function replayer(db: Db, t: TableShape) {
  const cols = t.columns.map((c) => (c === 'rowid' ? 'rowid' : quote(c)));
  const where = t.key.map((c) => `${c === 'rowid' ? 'rowid' : quote(c)} = ?`).join(' AND ');
  return {
    insert: db.prepare(`INSERT INTO ${quote(t.name)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
    update: db.prepare(`UPDATE ${quote(t.name)} SET (${cols.join(', ')}) = (${cols.map(() => '?').join(', ')}) WHERE ${where}`),
    remove: db.prepare(`DELETE FROM ${quote(t.name)} WHERE ${where}`),
    width: t.columns.length,
    keyWidth: t.key.length,
  };
}

/**
 * Rebuilds an election file from its second copy into `db`, an open file of this app's schema that holds no
 * election yet: the base's rows, then every journalled write in order, with the file's own triggers set aside while
 * rows are put back as they were (they already hold what the triggers did). The result must carry the audit log the
 * copy recorded: its chain intact and its head the one the last write noted. `check` runs before the commit (a
 * takeover checks the package there). One transaction: anything wrong changes nothing.
 */
export function rebuildFromCopy(db: Db, copy: SecondCopyFiles, check: () => void = () => {}): Rebuilt {
  if (db.prepare('SELECT 1 FROM election').get() || db.prepare('SELECT 1 FROM audit_event').get()) {
    throw refused(says('error.copy.dataFileEmptyCopy'), { reason: 'not-empty' });
  }
  let base: Db;
  try {
    base = new Database(copy.base, { readonly: true });
  } catch (e) {
    throw invalid('copy', says('error.copy.secondCopySBase', { message: (e as Error).message }));
  }
  try {
    if (schemaVersion(base) !== schemaVersion(db)) {
      throw refused(says('error.copy.otherVersion', { theirs: schemaVersion(base), ours: schemaVersion(db) }), { reason: 'schema-version' });
    }
    const shapes = new Map(tableShapes(db).map((t) => [t.name, t]));
    const baseShapes = tableShapes(base);
    const differs = baseShapes.find((t) => shapes.get(t.name)?.columns.join() !== t.columns.join());
    if (differs || baseShapes.length !== shapes.size) throw invalid('copy', says('error.copy.tableDiffers', { table: differs?.name ?? '' }));
    return db
      .transaction((): Rebuilt => {
        db.pragma('defer_foreign_keys = ON');
        const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
        for (const t of triggers) db.exec(`DROP TRIGGER ${quote(t.name)}`);
        const statements = new Map<string, ReturnType<typeof replayer>>();
        for (const t of shapes.values()) {
          const r = replayer(db, t);
          statements.set(t.name, r);
          db.exec(`DELETE FROM ${quote(t.name)}`);
          for (const row of base.prepare(`SELECT ${t.columns.map((c) => (c === 'rowid' ? 'rowid' : quote(c))).join(', ')} FROM ${quote(t.name)}`).raw().iterate()) {
            r.insert.run(...(row as unknown[]));
          }
        }
        // SELECT *: a base written before the flush choice has no flush column (the safer mode then).
        const copyRow = base.prepare('SELECT * FROM second_copy WHERE id = 1').get() as { folder: string; copy_id: string; set_at: string; flush?: string } | undefined;
        copy.lines.forEach((line, i) => {
          const where = `journal.ndjson line ${i + 2}`;
          for (const [table, op, key, row] of line.changes) {
            const r = statements.get(table);
            const ok = r && (op === 'd' || (Array.isArray(row) && row.length === r.width)) && (op === 'i' || (Array.isArray(key) && key.length === r.keyWidth));
            if (!r || !ok) throw invalid('copy', says('error.copy.secondCopyHoldsMalformed', { where, table }));
            try {
              if (op === 'i') r.insert.run(...(row as unknown[]));
              else if (op === 'u') r.update.run(...(row as unknown[]), ...(key as unknown[]));
              else r.remove.run(...(key as unknown[]));
            } catch (e) {
              throw invalid('copy', says('error.copy.secondCopyReplayed', { where, message: (e as Error).message }));
            }
          }
        });
        if (copyRow) {
          db.prepare('INSERT INTO second_copy (id, folder, copy_id, seq, set_at, flush) VALUES (1, ?, ?, ?, ?, ?)').run(
            copyRow.folder, copyRow.copy_id, copy.lines.at(-1)?.n ?? copy.header.base.seq, copyRow.set_at, copyRow.flush ?? 'before-ack');
        }
        for (const t of triggers) db.exec(t.sql);
        const expected = copy.lines.at(-1)?.audit ?? copy.header.base.audit;
        const chain = verifyAuditChain(db);
        if (!chain.ok) throw invalid('copy', says('error.copy.rebuiltAuditLogDoes', { reason: chain.reason }));
        if (chain.count !== expected[0] || chain.head !== expected[1]) {
          throw invalid('copy', says('error.copy.rebuiltAuditHeadDiffers', { count: chain.count, recorded: expected[0] }));
        }
        const broken = db.prepare('PRAGMA foreign_key_check').all();
        if (broken.length > 0) throw invalid('copy', says('error.copy.rebuiltFileBrokenReference', { length: broken.length }));
        check();
        const head = auditHead(db);
        return { writes: copy.lines.length, auditHead: { count: head.count, hash: head.head }, cutShort: copy.cutShort };
      })
      .immediate();
  } finally {
    base.close();
  }
}
