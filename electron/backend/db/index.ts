export {
  openDatabase,
  schemaVersion,
  refuseNewerSchema,
  applicationId,
  TOWN_APPLICATION_ID,
  BUSY_TIMEOUT_MS,
  type Db,
  type OpenOptions,
} from './connection';
export { migrate, type MigrateReport } from './migrate';
export { inTransaction } from './transaction';
export { MIGRATIONS, latestSchemaVersion } from './migrations';

import { openDatabase, type Db, type OpenOptions } from './connection';
import { migrate } from './migrate';

/** Opens and brings the schema up to date (refusing a newer one untouched). */
export function openAndMigrate(file: string, opts: OpenOptions = {}): Db {
  const db = openDatabase(file, opts);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
export { preparedOnce } from './statements';
