import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { backupDatabase, backupFileName, createBackupHook, pruneBackups, removeBackupLeftovers } from '../../../electron/backend/files/backup';

function withDb(fn: (db: Database.Database, dir: string) => Promise<void>) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'station-backup-'));
    const db = new Database(join(dir, 'election.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER)');
    db.prepare('INSERT INTO t VALUES (?)').run(1);
    try {
      await fn(db, dir);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('the backup file is named after the source, the local time and the reason', () => {
  assert.equal(backupFileName('/x/election.sqlite', 'round-closed', new Date(2025, 2, 1, 14, 22, 33)), 'election-20250301-142233-round-closed.sqlite');
});

test(
  'a backup is a consistent, readable copy including committed WAL content, and two in the same second both stay',
  withDb(async (db, dir) => {
    db.prepare('INSERT INTO t VALUES (?)').run(2); // still in the WAL
    const when = new Date(2025, 2, 1, 8, 0, 0);
    const a = await backupDatabase(db, join(dir, 'backups'), 'round-closed', when);
    db.prepare('INSERT INTO t VALUES (?)').run(3);
    const b = await backupDatabase(db, join(dir, 'backups'), 'round-closed', when);
    assert.notEqual(a, b);
    const copyA = new Database(a, { readonly: true });
    const copyB = new Database(b, { readonly: true });
    assert.deepEqual(copyA.prepare('SELECT n FROM t ORDER BY n').pluck().all(), [1, 2]);
    assert.deepEqual(copyB.prepare('SELECT n FROM t ORDER BY n').pluck().all(), [1, 2, 3]);
    copyA.close();
    copyB.close();
    assert.deepEqual(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial')), []);
  }),
);

test(
  'quit backups are pruned to the newest N; round backups and other files are kept',
  withDb(async (db, dir) => {
    const bdir = join(dir, 'backups');
    for (let s = 0; s < 5; s++) await backupDatabase(db, bdir, 'quit', new Date(2025, 0, 1, 9, 0, s));
    await backupDatabase(db, bdir, 'round-closed', new Date(2025, 0, 1, 8, 0, 0));
    writeFileSync(join(bdir, 'notes.txt'), 'keep me');
    const gone = pruneBackups(bdir, db.name, 'quit', 2);
    assert.equal(gone.length, 3);
    assert.deepEqual(readdirSync(bdir).sort(), [
      'election-20250101-080000-round-closed.sqlite',
      'election-20250101-090003-quit.sqlite',
      'election-20250101-090004-quit.sqlite',
      'notes.txt',
    ]);
  }),
);

test(
  'the hook backs up whatever database is open, never throws, and does nothing when none is',
  withDb(async (db, dir) => {
    const logs: string[] = [];
    let current: Database.Database | null = db;
    const hook = createBackupHook({ currentDb: () => current, backupDir: () => join(dir, 'backups'), log: (m) => logs.push(m) });
    const file = await hook.roundClosed();
    assert.ok(file && file.endsWith('-round-closed.sqlite'));
    const bad = createBackupHook({ currentDb: () => db, backupDir: () => join(dir, 'election.sqlite', 'not-a-folder'), log: (m) => logs.push(m) });
    assert.equal(await bad.beforeQuit(), null);
    assert.ok(logs.some((l) => l.includes('failed')));
    current = null;
    assert.equal(await hook.beforeQuit(), null);
  }),
);

const child = join(import.meta.dirname, 'crash-child.ts');

for (const point of ['backup:copied', 'backup:checked']) {
  test(`a backup killed at ${point} leaves a partial copy that the next start-up removes; earlier backups stay`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'station-backup-crash-'));
    try {
      const file = join(dir, 'election.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (n INTEGER)');
      db.close();
      const backups = join(dir, 'backups');
      const ok = spawnSync(process.execPath, ['--import', 'tsx', child, 'backup', file, backups], { encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
      const earlier = readdirSync(backups);
      const r = spawnSync(process.execPath, ['--import', 'tsx', child, 'backup', file, backups], {
        encoding: 'utf8',
        env: { ...process.env, STATION_CRASH_AT: point },
      });
      assert.equal(r.signal, 'SIGKILL', r.stderr);
      assert.ok(readdirSync(backups).some((n) => /\.\d+\.partial$/.test(n)), 'the crash left a partial copy');
      const removed = removeBackupLeftovers(backups);
      assert.ok(removed.length >= 1);
      assert.deepEqual(readdirSync(backups), earlier);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the start-up clean-up leaves alone a backup that a live process is writing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-backup-live-'));
  try {
    const live = `election-20260516-120000-quit.sqlite.${process.pid}.partial`;
    writeFileSync(join(dir, live), 'being written');
    writeFileSync(join(dir, 'notes.partial'), 'not ours');
    assert.deepEqual(removeBackupLeftovers(dir), []);
    assert.deepEqual(readdirSync(dir).sort(), [live, 'notes.partial'].sort());
    assert.deepEqual(removeBackupLeftovers(join(dir, 'missing')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
