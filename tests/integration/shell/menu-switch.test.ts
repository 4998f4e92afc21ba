import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { readAuditEvents } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { startBackendHost } from '../../../electron/main/backend-host';
import { installBridge } from '../../../electron/main/bridge';
import { SHELL_CHANNEL } from '../../../electron/main/channels';
import { electionDialogs } from '../../../electron/main/election-dialogs';
import { MenuCommandQueue, menuShellMethods } from '../../../electron/main/menu-commands';
import { createClient, electronTransport } from '../../../renderer/api/client';
import { followMenuCommands, type MenuEffects } from '../../../renderer/app/native-menu';
import type { LeaveConfirmation, OpenRound } from '../../../renderer/pages/start/open-rounds';
import { contract } from '../../../shared/api/contract';
import type { Implementation } from '../../../shared/api/envelope';
import { shellContract, type ShellContract } from '../../../shared/api/shell';
import { makeElection, openPoll, PIN } from '../counting/helpers';
import { FakeIpcMain } from './fake-ipc-main';

/**
 * File → New/Open election while round 1 is voting: the same switch as the Start page's (the backend host over the
 * data folder), reached through the menu's long poll and the shell methods over the IPC bridge. The page is asked
 * for the rounds and a committee member's PIN, and the menu sends the switch again with them.
 */
async function votingStation() {
  const { ctx, dbFile, people } = await makeElection({ voters: 4 });
  openPoll(ctx, 1);
  ctx.db.close();
  const dataDir = dirname(dbFile);
  const host = startBackendHost({ dataDir, onRoundClosed: () => {} });
  const queue = new MenuCommandQueue();
  const chosen = join(dataDir, '第二选区.sqlite');
  const dialogs = electionDialogs(
    { current: () => host.currentFile(), recent: () => host.recentFiles(), switchTo: (f, o) => host.switchTo(f, o) },
    new Set(),
  );
  const shellImpl = {
    ...menuShellMethods({ menu: queue, setLanguage: () => {} }),
    'shell:newElection': ({ defaultName: _name, ...input }) => dialogs.create(input, async () => chosen),
    'shell:openElection': (input) => dialogs.open(input, async () => chosen),
  } as Implementation<ShellContract>;
  const ipc = new FakeIpcMain();
  installBridge(ipc, {
    election: { contract, impl: () => host.impl() },
    shell: { contract: shellContract, impl: () => shellImpl },
  });
  const shell = createClient<ShellContract>(electronTransport((m, i) => ipc.invoke(APP_START_URL, SHELL_CHANNEL, m, i)));
  const asked: { open: OpenRound[]; target: string }[] = [];
  const done: string[] = [];
  const errors: unknown[] = [];
  let answer: LeaveConfirmation | null = null;
  const page: MenuEffects = {
    navigate: () => {},
    setLang: () => {},
    print: async () => {},
    reload: () => done.push('reload'),
    confirmLeave: async (open, target) => {
      asked.push({ open, target });
      return answer;
    },
  };
  const follower = followMenuCommands(shell, page, (e) => errors.push(e));
  const run = async (answerWith: LeaveConfirmation | null) => {
    answer = answerWith;
    queue.push('election:new');
    for (let i = 0; i < 200 && done.length + errors.length + asked.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
  };
  const stop = async () => {
    follower.stop();
    queue.release();
    await follower.done;
    host.close();
  };
  return { host, dbFile, chosen, people, asked, done, errors, run, stop, reset: () => ((asked.length = 0), (done.length = 0), (errors.length = 0)) };
}

test('a new election from the File menu while round 1 is voting asks for the rounds and a PIN, then switches', async () => {
  const s = await votingStation();
  try {
    // Given up at the question: nothing switches, nothing is created.
    await s.run(null);
    assert.deepEqual(s.asked, [{ open: [{ round: 1, status: 'voting' }], target: s.chosen }]);
    assert.deepEqual(s.done, []);
    assert.equal(s.host.currentFile(), s.dbFile);
    assert.equal(existsSync(s.chosen), false);

    // A wrong PIN: refused with the reason, still on the voting file.
    s.reset();
    await s.run({ approval: { person: s.people['郭志明']!, pin: '000000' }, rounds: [1] });
    assert.equal(s.asked.length, 1);
    assert.equal(s.errors.length, 1);
    assert.match((s.errors[0] as Error).message, /wrong PIN/);
    assert.equal(s.host.currentFile(), s.dbFile);

    // Confirmed by a committee member: the page reloads onto the new file; the switch is recorded in the file left.
    s.reset();
    await s.run({ approval: { person: s.people['郭志明']!, pin: PIN }, rounds: [1] });
    assert.deepEqual(s.errors, []);
    assert.deepEqual(s.done, ['reload']);
    assert.equal(s.host.currentFile(), s.chosen);
  } finally {
    await s.stop();
  }
  const left = createContext({ dbFile: s.dbFile, mustExist: true });
  const event = readAuditEvents(left.db).at(-1)!;
  left.db.close();
  assert.equal(event.type, 'election-file.left');
  assert.deepEqual((event.detail as { open: unknown }).open, [{ round: 1, status: 'voting' }]);
});

test('the menu may send again only a file chosen in a dialog of this session (or a recent one when opening)', async () => {
  const switched: string[] = [];
  const dialogs = electionDialogs({ current: () => '/data/a.sqlite', recent: () => ['/data/b.sqlite'], switchTo: (f) => switched.push(f) }, new Set());
  const notChosen = (e: Error & { text?: { key: string } }) => e.text?.key === 'error.shell.notChosen';
  const leave = { approval: { person: 1, pin: PIN }, rounds: [1] };
  await assert.rejects(dialogs.create({ path: '/etc/passwd', leave }, async () => null), notChosen);
  await assert.rejects(dialogs.create({ path: '/data/b.sqlite', leave }, async () => null), notChosen, 'a recent file is never created over');
  await assert.rejects(dialogs.open({ path: '/tmp/x.sqlite' }, async () => null), notChosen);
  assert.deepEqual(switched, []);
  await dialogs.open({ path: '/data/b.sqlite' }, async () => null);
  await dialogs.create({}, async () => '/usb/new.sqlite');
  await dialogs.create({ path: '/usb/new.sqlite', leave }, async () => null);
  assert.deepEqual(switched, ['/data/b.sqlite', '/usb/new.sqlite', '/usb/new.sqlite']);
});
