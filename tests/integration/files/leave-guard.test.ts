import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { refusalOf } from '../../helpers/refusal';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { openElectionSwitch } from '../../../electron/backend/election-files/switch';
import { closePoll, makeElection, openPoll, PIN } from '../counting/helpers';

/**
 * Switching election files while a round is voting or counting: refused, naming the round, unless a committee member
 * confirms those rounds with their PIN; every switch recorded in the file left and in the file entered (an empty new
 * file stays empty).
 */


async function twoElections() {
  const real = await makeElection({ voters: 4 });
  const other = await makeElection({ voters: 4 });
  const dataDir = dirname(real.dbFile);
  // The second election in the same data folder under its own name.
  other.ctx.db.close();
  const otherFile = join(dataDir, 'other.sqlite');
  const { copyFileSync } = await import('node:fs');
  copyFileSync(other.dbFile, otherFile);
  return { ...real, dataDir, otherFile };
}

test('a round open for voting holds the switch until a committee member confirms it; both files record the switch', async () => {
  const { ctx, people, dataDir, dbFile, otherFile } = await twoElections();
  openPoll(ctx, 1);
  ctx.db.close();
  const files = openElectionSwitch({ dataDir, file: dbFile, actor: 'test' });
  try {
    const plain = refusalOf(() => files.switchTo(otherFile));
    assert.equal(plain.text?.key, 'error.files.leaveWhileVoting');
    assert.deepEqual(plain.text?.params, { round: 1 });
    assert.deepEqual((plain.details as { open: unknown }).open, [{ round: 1, status: 'voting' }]);
    assert.match(plain.message, /第 1 轮正在投票/);
    // A confirmation that names other rounds is no confirmation; a non-member's PIN, a wrong PIN are refused.
    assert.equal(refusalOf(() => files.switchTo(otherFile, { leave: { rounds: [2], approval: { person: people['郭志明']!, pin: PIN } } })).text?.key, 'error.files.leaveWhileVoting');
    assert.match(refusalOf(() => files.switchTo(otherFile, { leave: { rounds: [1], approval: { person: people['谢文']!, pin: PIN } } })).message, /not a sitting election committee member/);
    assert.match(refusalOf(() => files.switchTo(otherFile, { leave: { rounds: [1], approval: { person: people['郭志明']!, pin: '000000' } } })).message, /wrong PIN/);
    assert.equal(files.current().file, dbFile, 'still on the file with the open round');

    const opened = files.switchTo(otherFile, { leave: { rounds: [1], approval: { person: people['郭志明']!, pin: PIN } } });
    assert.equal(opened.file, otherFile);
    const entered = readAuditEvents(opened.ctx.db).at(-1)!;
    assert.equal(entered.type, 'election-file.entered');
    assert.deepEqual(entered.detail, { from: 'election' });
    // Back again: nothing is open in the other file, so no confirmation is needed.
    files.switchTo(dbFile);
    const back = readAuditEvents(files.current().ctx.db);
    const left = back.find((e) => e.type === 'election-file.left')!;
    assert.deepEqual(left.detail, { to: 'other', open: [{ round: 1, status: 'voting' }], approver: { id: people['郭志明'], name: '郭志明' } });
    assert.equal(back.at(-1)!.type, 'election-file.entered');
    assert.equal(verifyAuditChain(files.current().ctx.db).ok, true);
  } finally {
    files.close();
  }
  const other = createContext({ dbFile: otherFile, mustExist: true });
  assert.deepEqual(readAuditEvents(other.db).slice(-2).map((e) => e.type), ['election-file.entered', 'election-file.left']);
  other.db.close();
});

test('counting under way holds the switch too; a new empty file is created without an event in it', async () => {
  const { ctx, people, dataDir, dbFile } = await twoElections();
  openPoll(ctx, 1);
  closePoll(ctx, 1);
  const { openBox } = await import('../../../electron/backend/services/counting');
  openBox(ctx, { round: 1, box: 'C1' });
  ctx.db.close();
  const files = openElectionSwitch({ dataDir, file: dbFile, actor: 'test' });
  try {
    const target = join(dataDir, 'drill.sqlite');
    assert.equal(refusalOf(() => files.switchTo(target, { create: true, drill: true })).text?.key, 'error.files.leaveWhileCounting');
    const made = files.switchTo(target, { create: true, drill: true, leave: { rounds: [1], approval: { person: people['郭志明']!, pin: PIN } } });
    assert.equal(readAuditEvents(made.ctx.db).length, 0, 'the new file stays empty (a drill or a restore needs it so)');
  } finally {
    files.close();
  }
});
