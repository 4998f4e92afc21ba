import { test } from 'node:test';
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { chooseSecondCopyFolder, secondCopyStatus } from '../../../electron/backend/copy/choose-folder';
import { readSecondCopy } from '../../../electron/backend/copy/read-copy';
import { rebuildFromCopy } from '../../../electron/backend/copy/rebuild';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { asPerson } from '../../helpers/authority';
import { rejects, tempDir } from '../issuance/helpers';
import { assert, central, cert, contents, freshFile, openBoxAt, type StationLaptop } from './helpers';

test('the second copy follows every write; a restore rebuilds the same file and checks it against the audit head', async () => {
  const c = await central();
  const stick = tempDir();
  const chosen = asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick));
  assert.equal(chosen.state, 'ok');
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  const desk = c.person('丁一');
  for (const i of [0, 3, 4]) asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(i), round: 1, desk: 'C1' }));
  assert.throws(() => asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(0), round: 1, desk: 'C1' })), rejects('refused', 'already-issued'));
  const status = secondCopyStatus(c.ctx);
  assert.equal(status.state, 'ok');
  assert.equal(status.copied, status.writes, 'nothing behind');

  const restored = freshFile();
  const r = rebuildFromCopy(restored.db, await readSecondCopy(stick));
  assert.equal(r.cutShort, false);
  assert.equal(r.writes, 7, "the box opened (3 writes), 3 issuances and a refusal (its audit event)");
  assert.equal(contents(restored.db), contents(c.ctx.db));

  // A journal line damaged, or a line missing, is refused with its line number, and nothing changes.
  const journal = join(status.dir!, 'journal.ndjson');
  const lines = readFileSync(journal, 'utf8').split('\n');
  const other = freshFile();
  writeFileSync(journal, [...lines.slice(0, 2), lines[3], ...lines.slice(4)].join('\n'));
  await assert.rejects(async () => rebuildFromCopy(other.db, await readSecondCopy(stick)), /line 3 holds write/);
  writeFileSync(journal, [lines[0], lines[1]!.slice(0, 20), ...lines.slice(2)].join('\n'));
  await assert.rejects(async () => rebuildFromCopy(other.db, await readSecondCopy(stick)), /line 2 is damaged/);
  assert.equal(other.db.prepare('SELECT count(*) FROM audit_event').pluck().get(), 0);
  // The write in flight when the laptop died (its line cut short) is left out, and said.
  writeFileSync(journal, `${lines.join('\n')}`.replace(/\n$/, '') + '\n{"n":9999,"at":');
  const cut = rebuildFromCopy(other.db, await readSecondCopy(stick));
  assert.equal(cut.cutShort, true);
  assert.equal(contents(other.db), contents(c.ctx.db));
});

test('the medium missing: the day goes on, the status says so, and the copy starts over when the stick is back', async () => {
  const c = await central();
  const stick = tempDir();
  asPerson(c.ctx, c.chair, () => chooseSecondCopyFolder(c.ctx, stick));
  openBoxAt(c as unknown as StationLaptop, c.chair, 'C1');
  const desk = c.person('丁一');
  const away = `${stick}-away`;
  renameSync(stick, away);
  asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(0), round: 1, desk: 'C1' }));
  const missing = secondCopyStatus(c.ctx);
  assert.equal(missing.state, 'missing');
  assert.match(missing.problem!, /USB/);
  assert.ok(missing.copied < missing.writes);
  asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(3), round: 1, desk: 'C1' }));
  renameSync(away, stick);
  asPerson(c.ctx, desk, () => issueBallot(c.ctx, { certificate: cert(4), round: 1, desk: 'C1' }));
  const back = secondCopyStatus(c.ctx);
  assert.equal(back.state, 'ok');
  assert.equal(back.copied, back.writes);
  const restored = freshFile();
  rebuildFromCopy(restored.db, await readSecondCopy(stick));
  assert.equal(contents(restored.db), contents(c.ctx.db), 'the new base holds the writes made while the stick was out');

  // Another process opening the file finds the copy up to date and goes on appending to it.
  c.ctx.db.close();
  const again = createContext({ dbFile: c.file, mustExist: true, actor: 'test' });
  assert.equal(secondCopyStatus(again).state, 'ok');
  appendFileSync(join(stick, 'unrelated.txt'), 'x');
  rmSync(join(stick, 'unrelated.txt'));
});
