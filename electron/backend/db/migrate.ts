import { refuseNewerSchema, schemaVersion, type Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrateReport {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Applies every pending migration in order, each in its own IMMEDIATE transaction together with its user_version.
 * `migrations` is the election's list unless another kind of file (the town office's) brings its own.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrateReport {
  refuseNewerSchema(db, 'database', migrations.length);
  const from = schemaVersion(db);
  const applied: string[] = [];
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Re-read inside the lock: another process may have migrated in the meantime.
        if (schemaVersion(db) >= m.version) return;
        m.up(db);
        if (m.foreignKeysOff) refuseBrokenForeignKeys(db, m);
        db.pragma(`user_version = ${m.version}`);
        applied.push(`${String(m.version).padStart(3, '0')}-${m.name}`);
      }).immediate();
    } finally {
      if (m.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: schemaVersion(db), applied };
}

function refuseBrokenForeignKeys(db: Db, m: Migration): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(`migration ${m.version}-${m.name} left ${broken.length} broken reference(s), first ${first.table} row ${first.rowid} → ${first.parent}`);
  }
}
