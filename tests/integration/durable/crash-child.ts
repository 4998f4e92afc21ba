// Runs one durable step in a child process so that a test can kill it (STATION_CRASH_AT) at a chosen point.
// usage: node --import tsx crash-child.ts backup <db file> <backup dir>
import Database from 'better-sqlite3';
import { backupDatabase } from '../../../electron/backend/files/backup';

const [what, dbFile, dir] = process.argv.slice(2);
if (what === 'backup') {
  const db = new Database(dbFile!);
  await backupDatabase(db, dir!, 'round-closed');
  db.close();
} else {
  process.stderr.write(`unknown step ${what}\n`);
  process.exit(2);
}
