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
    db.transaction(() => {
      // Re-read inside the lock: another process may have migrated in the meantime.
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      applied.push(`${String(m.version).padStart(3, '0')}-${m.name}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db), applied };
}
