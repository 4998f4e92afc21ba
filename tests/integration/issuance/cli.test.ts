import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { gbk, makeRollCsv, makeVoter, utf8 } from '../../unit/roll/make-roll';
import { count, FIXTURE, openVoting, tempDir } from './helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const station = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'station.mjs'), ...args], { cwd: root, encoding: 'utf8' });

test('station roll import and station issue: JSON output and exit codes 0, 1, 2', () => {
  const dir = tempDir();
  const db = join(dir, 'e.sqlite');
  assert.equal(station('init', '--db', db, '--election', FIXTURE).status, 0);
  writeFileSync(join(dir, 'gbk.csv'), gbk(makeRollCsv(30)));
  writeFileSync(join(dir, 'utf8.csv'), utf8(makeRollCsv(30)));

  const forced = station('roll', 'import', '--db', db, join(dir, 'gbk.csv'), '--encoding', 'utf8', '--json');
  assert.equal(forced.status, 2);
  const body = JSON.parse(forced.stdout) as { ok: boolean; error: { details: { errors: { code: string; line: number }[] } } };
  assert.deepEqual([body.ok, body.error.details.errors[0]!.code], [false, 'encoding']);
  assert.equal(station('roll', 'import', '--db', db, join(dir, 'gbk.csv'), '--encoding', 'latin1').status, 2);
  // Option values are looked up in a Map: a name of Object.prototype is an unknown encoding too.
  for (const name of ['constructor', 'toString', '__proto__']) {
    const r = station('roll', 'import', '--db', db, join(dir, 'gbk.csv'), '--encoding', name);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--encoding must be auto, utf8 or gbk/);
  }
  const fifo = join(dir, 'roll.fifo');
  execFileSync('mkfifo', [fifo]);
  const fromFifo = station('roll', 'import', '--db', db, fifo);
  assert.equal(fromFifo.status, 2);
  assert.match(fromFifo.stderr, /not a regular file/);

  const imported = station('roll', 'import', '--db', db, join(dir, 'gbk.csv'), '--encoding', 'gbk', '--json');
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal((JSON.parse(imported.stdout) as { imported: number }).imported, 30);
  assert.equal(station('roll', 'import', '--db', db, join(dir, 'utf8.csv')).status, 2); // the same voters again

  const ctx = createContext({ dbFile: db, mustExist: true, actor: 'test' });
  openVoting(ctx);
  ctx.db.close();
  const c = makeVoter(4).certificate;
  const ok = station('issue', '--db', db, '--certificate', c, '--round', '1', '--desk', 'C1', '--json');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { voter: { name: string } }).voter.name, makeVoter(4).name);
  const again = station('issue', '--db', db, '--certificate', c, '--round', '1', '--desk', 'C1', '--json');
  assert.equal(again.status, 1);
  assert.equal((JSON.parse(again.stdout) as { error: { details: { reason: string } } }).error.details.reason, 'already-issued');
  const typo = station('issue', '--db', db, '--certificate', c.slice(0, 7) + String((Number(c[7]) + 1) % 10), '--round', '1', '--desk', 'C1');
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /check digit/);
  assert.equal(station('issue', '--db', db, '--certificate', c, '--desk', 'C1').status, 2);

  const check = createContext({ dbFile: db, mustExist: true });
  assert.equal(count(check, 'issuance'), 1);
  check.db.close();
});
