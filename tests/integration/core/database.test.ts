import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/envelope';
import { latestSchemaVersion, migrate, openAndMigrate, openDatabase, schemaVersion } from '../../../electron/backend/db';
import { tempDir } from './helpers';

test('an empty file is migrated to the latest schema with WAL, FULL sync and foreign keys', () => {
  const file = join(tempDir(), 'e.sqlite');
  const db = openAndMigrate(file);
  assert.equal(schemaVersion(db), latestSchemaVersion());
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('synchronous', { simple: true }), 2);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
  const tables = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[]);
  for (const t of ['election', 'office', 'candidate', 'venue', 'box', 'custody_event', 'person', 'official_role', 'close_relative', 'round', 'audit_event']) {
    const found = tables.find((x) => x.name === t);
    assert.ok(found, `table ${t} exists`);
    assert.match(found.sql, /STRICT\s*$/, `table ${t} is STRICT`);
  }
  // Running again applies nothing.
  assert.deepEqual(migrate(db).applied, []);
  db.close();
});

test('a database from a newer app version is refused and left byte for byte as it was', () => {
  const file = join(tempDir(), 'newer.sqlite');
  const raw = new Database(file);
  raw.exec('CREATE TABLE something_new (x INTEGER) STRICT; INSERT INTO something_new VALUES (42);');
  raw.pragma(`user_version = ${latestSchemaVersion() + 7}`);
  raw.close();
  const before = readFileSync(file);

  assert.throws(
    () => openDatabase(file),
    (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'conflict');
      assert.match(e.message, /更新版本/);
      assert.match(e.message, /newer version of the app/);
      assert.match(e.message, new RegExp(`schema ${latestSchemaVersion() + 7}`));
      return true;
    },
  );
  assert.throws(() => openAndMigrate(file), (e: unknown) => e instanceof ApiError && e.code === 'conflict');
  assert.deepEqual(readFileSync(file), before);
  assert.equal(existsSync(`${file}-wal`), false, 'no WAL file was started');
  const check = new Database(file, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), latestSchemaVersion() + 7);
  assert.equal(check.pragma('journal_mode', { simple: true }), 'delete');
  check.close();
});

test('a file that is not a database is refused as bad input', () => {
  const file = join(tempDir(), 'text.sqlite');
  writeFileSync(file, 'this is not sqlite at all, just some text that is long enough to have a header');
  assert.throws(() => openAndMigrate(file), (e: unknown) => e instanceof ApiError && e.code === 'invalid-input');
});

test('a missing file is refused when it must exist', () => {
  const file = join(tempDir(), 'missing.sqlite');
  assert.throws(() => openDatabase(file, { mustExist: true }), (e: unknown) => e instanceof ApiError && e.code === 'not-found');
  assert.equal(existsSync(file), false);
});
