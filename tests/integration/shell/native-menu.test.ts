import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Implementation } from '../../../shared/api/envelope';
import { shellContract, type Language, type ShellContract } from '../../../shared/api/shell';
import { contract } from '../../../shared/api/contract';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { installBridge } from '../../../electron/main/bridge';
import { SHELL_CHANNEL } from '../../../electron/main/channels';
import { menuTemplate } from '../../../electron/main/menu';
import { MenuCommandQueue, menuShellMethods } from '../../../electron/main/menu-commands';
import { createClient, electronTransport } from '../../../renderer/api/client';
import { startShellClient } from '../../../renderer/api/shell';
import { followMenuCommands, type MenuEffects } from '../../../renderer/app/native-menu';
import { FakeIpcMain } from './fake-ipc-main';

/**
 * The native menus end to end without Electron: a click on the real menu template goes into the real command queue,
 * the real shell methods answer the page's long poll over the IPC bridge (the stand-in ipcMain), and the renderer's
 * follower does what the page's own button does.
 */
function station() {
  const ipc = new FakeIpcMain();
  const queue = new MenuCommandQueue();
  let menuLanguage: Language = 'zh-CN';
  const opened: string[] = [];
  const shellImpl = {
    ...menuShellMethods({ menu: queue, setLanguage: (lang) => (menuLanguage = lang) }),
    'shell:openElection': () => {
      opened.push('open');
      return { canceled: false as const, path: '/media/usb/第二选区.sqlite' };
    },
    'shell:newElection': () => ({ canceled: true as const }),
  } as unknown as Implementation<ShellContract>;
  installBridge(ipc, {
    election: { contract, impl: () => ({}) as Implementation<typeof contract> },
    shell: { contract: shellContract, impl: () => shellImpl },
  });
  const menu = menuTemplate('zh-CN', { send: (c) => queue.push(c), packaged: true, isMac: false, appName: 'x' });
  const click = (top: string, label: string) => {
    const items = menu.find((m) => m.label === top)!.submenu as { label?: string; click?: () => void }[];
    items.find((i) => i.label === label)!.click!();
  };
  const shell = createClient<ShellContract>(electronTransport((m, i) => ipc.invoke(APP_START_URL, SHELL_CHANNEL, m, i)));
  const done: string[] = [];
  const page: MenuEffects = {
    navigate: (hash) => done.push(`navigate ${hash}`),
    setLang: (lang) => done.push(`lang ${lang}`),
    print: async () => {
      done.push('print');
    },
    reload: () => done.push('reload'),
    confirmLeave: async () => null,
  };
  return { queue, click, shell, page, done, opened, menuLanguage: () => menuLanguage };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

test('File and Language menu clicks reach the page through the bridge and do what its buttons do', async () => {
  const s = station();
  const errors: unknown[] = [];
  const follower = followMenuCommands(s.shell, s.page, (e) => errors.push(e));
  s.click('文件', '导入选民名册…');
  await settle();
  s.click('文件', '导出封存结果文件…');
  s.click('文件', '打印…');
  await settle();
  s.click('语言', 'English');
  await settle();
  s.click('文件', '打开选举…');
  await settle();
  s.click('文件', '新建选举…'); // canceled in the dialog: nothing reloads
  await settle();
  assert.deepEqual(s.done, ['navigate #/setup/roll', 'navigate #/export', 'print', 'lang en', 'reload']);
  assert.deepEqual(s.opened, ['open']);
  assert.deepEqual(errors, []);
  // The page tells the menus its language through the same bridge.
  assert.deepEqual(await s.shell.call('shell:setLanguage', { lang: 'en' }), { lang: 'en' });
  assert.equal(s.menuLanguage(), 'en');
  follower.stop();
  s.queue.release();
  await follower.done;
});

test('a newer poll (the page reloaded) ends the older follower; clicks go to the newer one only', async () => {
  const s = station();
  const old = followMenuCommands(s.shell, s.page, () => {});
  await settle();
  const fresh = followMenuCommands(s.shell, s.page, () => {});
  await old.done;
  s.click('文件', '打印…');
  await settle();
  assert.deepEqual(s.done, ['print']);
  fresh.stop();
  s.queue.release();
  await fresh.done;
});

test('in browser mode there is no shell client, so nothing polls and the page keeps its own buttons', () => {
  const browserWindow = { location: { protocol: 'http:' } } as unknown as Window;
  assert.equal(startShellClient(browserWindow), null);
  const notAFunction = { station: { call: async () => ({}), shell: 'nope' } } as unknown as Window;
  assert.equal(startShellClient(notAFunction), null);
});
