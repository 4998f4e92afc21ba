import { test } from 'node:test';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { chooseSecondCopyFolder, secondCopyStatus } from '../../../electron/backend/copy/choose-folder';
import { readSecondCopy } from '../../../electron/backend/copy/read-copy';
import { rebuildFromCopy } from '../../../electron/backend/copy/rebuild';
import { MIGRATIONS, migrate, openDatabase } from '../../../electron/backend/db';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';
import { tempDir } from '../issuance/helpers';
import { assert, central, cert, contents, freshFile, killMidIssuance, openBoxAt, type StationLaptop } from './helpers';

test('the flush is a per-laptop choice made with the folder: before acknowledging unless chosen, kept when the folder is chosen again, audited', async () => {
  const c = await central();
  const first = tempDir();
  assert.equal(asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, first)).flush, 'before-ack');
  const chosen = asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, first, 'right-after'));
  assert.equal(chosen.flush, 'right-after');
  assert.equal(chosen.state, 'ok');
  const other = tempDir();
  assert.equal(asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, other)).flush, 'right-after', 'another stick, the same choice');
  const details = (c.ctx.db.prepare("SELECT detail_json FROM audit_event WHERE type = 'copy.folder-chosen' ORDER BY seq").pluck().all() as string[]).map(
    (d) => (JSON.parse(d) as { flush: string }).flush,
  );
  assert.deepEqual(details, ['before-ack', 'right-after', 'right-after']);
});

test('flushed right after: every write reaches the copy, a restore rebuilds the same file, and a pulled stick shows as missing', async () => {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick, 'right-after'));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  const desk = c.person('丁一');
  for (const i of [0, 3]) asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(i), round: 1, desk: 'C1' }));
  asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(4), round: 1, desk: 'C1' }));
  const status = secondCopyStatus(c.ctx);
  assert.equal(status.state, 'ok');
  assert.equal(status.copied, status.writes);
  const restored = freshFile();
  rebuildFromCopy(restored.db, await readSecondCopy(stick));
  assert.equal(contents(restored.db), contents(c.ctx.db));

  renameSync(stick, `${stick}-away`);
  asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(5), round: 1, desk: 'C1' }));
  const missing = secondCopyStatus(c.ctx);
  assert.equal(missing.state, 'missing');
  assert.ok(missing.copied < missing.writes);
});

test('flushed right after: kill -9 mid-issuance loses nothing acknowledged (each line is appended before its write commits)', async () => {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick, 'right-after'));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  const voters = c.ctx.db.prepare("SELECT certificate FROM voter WHERE venue_id = 'central' AND mobile_box_id IS NULL ORDER BY id").pluck().all() as string[];
  c.ctx.db.close();
  const acked = await killMidIssuance(c.file, c.person('丁一'), 'C1', voters, 8, { ...process.env, ISSUE_PAUSE_MS: '0' });

  const restored = freshFile();
  rebuildFromCopy(restored.db, await readSecondCopy(stick));
  const issued = new Set(restored.db.prepare('SELECT v.certificate FROM issuance i JOIN voter v ON v.id = i.voter_id').pluck().all() as string[]);
  for (const certificate of acked) assert.ok(issued.has(certificate), `acknowledged ${certificate} is in the copy`);
  assert.ok(issued.size <= acked.length + 1, 'at most the one issuance in flight beyond what was acknowledged');
});

test("the copy's migration keeps a file's anomalies and copy folder, with the safer flush for a copy chosen before", () => {
  const file = join(tempDir(), 'old.sqlite');
  const db = openDatabase(file);
  const step = MIGRATIONS.findIndex((m) => m.name === 'copy');
  migrate(db, MIGRATIONS.slice(0, step));
  db.exec(`
    INSERT INTO second_copy (id, folder, copy_id, seq, set_at) VALUES (1, '/media/usb', 'abcd', 7, '2026-05-16T08:00:00Z');
    INSERT INTO station_anomaly (station_id, sequence, kind, subject, round_number, detail_json) VALUES ('s1', 1, 'issued-elsewhere', 'certificate:00000013', 1, '{}');
  `);
  migrate(db, MIGRATIONS.slice(0, step + 1));
  assert.equal(db.prepare('SELECT flush FROM second_copy').pluck().get(), 'before-ack');
  assert.deepEqual(db.prepare('SELECT station_id, kind, subject FROM station_anomaly').all(), [{ station_id: 's1', kind: 'issued-elsewhere', subject: 'certificate:00000013' }]);
  db.prepare("INSERT INTO station_anomaly (station_id, sequence, kind, subject, round_number, detail_json) VALUES ('s1', 2, 'household-issued-elsewhere', 'certificate:00000025', 1, '{}')").run();
  assert.throws(() => db.prepare("UPDATE second_copy SET flush = 'sometimes'").run(), /CHECK/);
  db.close();
});
