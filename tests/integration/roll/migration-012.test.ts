import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MIGRATIONS, migrate, openDatabase, schemaVersion } from '../../../electron/backend/db';
import { tempDir } from '../issuance/helpers';

test('migration 012 rebuilds the voter table of an existing file: voters, references and indexes kept, foreign keys back on', () => {
  const file = join(tempDir(), 'old.sqlite');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS.slice(0, 9));
  db.exec(`
    INSERT INTO venue (id, name, kind) VALUES ('V1', '中心会场', 'central'), ('V2', '第二投票站', 'station');
    INSERT INTO person (id, name, name_key, created_at) VALUES (1, '郭志明', '郭志明', '2026-04-01T00:00:00Z');
    INSERT INTO roll_import (id, at, format, sha256, voters) VALUES (1, '2026-04-01T00:00:00Z', 'csv', 'x', 2);
    INSERT INTO voter (id, name, name_key, id_number, gender, birth_date, group_name, category, certificate, venue_id, import_id, line)
      VALUES (1, '张三', '张三', '110105198003070011', 'male', '1980-03-07', '第1居民小组', 'resident', '00000013', 'V1', 1, 2),
             (2, '李四', '李四', '110105198003070020', 'female', '1980-03-07', '第2居民小组', 'incomer', '00000021', 'V1', 1, 3);
    INSERT INTO reassignment (voter_id, from_venue_id, to_venue_id, decided_by, reason, at) VALUES (2, 'V1', 'V2', 1, '就近', '2026-04-02T00:00:00Z');
    UPDATE voter SET venue_id = 'V2' WHERE id = 2;
  `);
  migrate(db, MIGRATIONS.slice(0, 12)); // up to 012 itself: later steps may add indexes of their own
  assert.equal(schemaVersion(db), 12);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  const voters = db.prepare('SELECT id, name, venue_id, import_id, line, removed_at FROM voter ORDER BY id').all();
  assert.deepEqual(voters, [
    { id: 1, name: '张三', venue_id: 'V1', import_id: 1, line: 2, removed_at: null },
    { id: 2, name: '李四', venue_id: 'V2', import_id: 1, line: 3, removed_at: null },
  ]);
  const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'voter' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  assert.deepEqual(indexes, ['voter_mobile_box', 'voter_name_key', 'voter_removed', 'voter_venue']);
  // The reassignment still points at the rebuilt table: deleting its voter is refused.
  assert.throws(() => db.prepare('DELETE FROM voter WHERE id = 2').run(), /FOREIGN KEY/);
  db.close();
});
