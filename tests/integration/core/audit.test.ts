import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { appendAudit, verifyAuditChain } from '../../../electron/backend/audit';
import { inTransaction } from '../../../electron/backend/db';
import { sampleElection } from './helpers';

/** A second, raw connection that removes the append-only triggers, as someone editing the file would. */
function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;');
  raw.exec(sql);
  raw.close();
}

function electionFile(): string {
  const ctx = sampleElection();
  assert.ok(verifyAuditChain(ctx.db).ok);
  const file = ctx.db.name;
  ctx.db.close();
  return file;
}

function verdict(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

test('the audit table refuses UPDATE and DELETE', () => {
  const ctx = sampleElection();
  assert.throws(() => ctx.db.prepare("UPDATE audit_event SET actor = 'x' WHERE seq = 1").run(), /append-only/);
  assert.throws(() => ctx.db.prepare('DELETE FROM audit_event WHERE seq = 1').run(), /append-only/);
});

test('appendAudit outside a transaction or with an unknown type is a bug and throws', () => {
  const ctx = sampleElection();
  assert.throws(() => appendAudit(ctx.db, { type: 'election.created', at: new Date() }), /inside the transaction/);
  assert.throws(() => inTransaction(ctx.db, () => appendAudit(ctx.db, { type: 'no.such-event', at: new Date() })), /not in the catalogue/);
});

test('an edited event is found', () => {
  const file = electionFile();
  tamper(file, `UPDATE audit_event SET detail_json = replace(detail_json, '赵建国', '钱建国') WHERE seq = (SELECT min(seq) FROM audit_event WHERE type = 'candidate.added')`);
  const v = verdict(file);
  assert.equal(v.ok, false);
  if (!v.ok) assert.match(v.reason, /edited/);
});

test('an edited event whose hash was recomputed naively still breaks the next link', () => {
  const file = electionFile();
  tamper(file, `UPDATE audit_event SET actor = 'someone', hash = lower(hex(randomblob(32))) WHERE seq = 3`);
  const v = verdict(file);
  assert.equal(v.ok, false);
  if (!v.ok) assert.equal(v.badSeq, 3);
});

test('a removed event is found', () => {
  const file = electionFile();
  tamper(file, 'DELETE FROM audit_event WHERE seq = 5');
  const v = verdict(file);
  assert.equal(v.ok, false);
  if (!v.ok) {
    assert.equal(v.badSeq, 6);
    assert.match(v.reason, /removed/);
  }
});

test('two swapped events are found', () => {
  const file = electionFile();
  tamper(
    file,
    `UPDATE audit_event SET seq = -1 WHERE seq = 7;
     UPDATE audit_event SET seq = 7 WHERE seq = 8;
     UPDATE audit_event SET seq = 8 WHERE seq = -1;`,
  );
  const v = verdict(file);
  assert.equal(v.ok, false);
  if (!v.ok) assert.equal(v.badSeq, 7);
});

test('station audit verify: exit 0 on an intact log, 1 on a broken one, 2 on a missing file', () => {
  const file = electionFile();
  const station = join(import.meta.dirname, '..', '..', '..', 'bin', 'station.mjs');
  const run = (args: string[]) => spawnSync(process.execPath, [station, ...args], { encoding: 'utf8' });
  const good = run(['audit', 'verify', '--db', file, '--json']);
  assert.equal(good.status, 0, good.stderr);
  assert.equal(JSON.parse(good.stdout).ok, true);
  tamper(file, 'DELETE FROM audit_event WHERE seq = 2');
  const bad = run(['audit', 'verify', '--db', file]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /broken at event 3/);
  const missing = run(['audit', 'verify', '--db', join(file, '..', 'nope.sqlite')]);
  assert.equal(missing.status, 2);
  assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/);
});
