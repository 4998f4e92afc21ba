import { app, BrowserWindow, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createBackupHook, removeBackupLeftovers } from '../backend/files/backup';
import { startBackendHost, type BackendHost } from './backend-host';
import { installBridge } from './bridge';
import { menuTemplate } from './menu';
import { MenuCommandQueue } from './menu-commands';
import { shellContract, type Language, type MenuCommand } from '../../shared/api/shell';
import { shellImplementation, type ShellState } from './shell-impl';
import { createMainWindow, registerAppScheme, secureSession } from './window';

/**
 * The Electron main process: plumbing only. It opens one window on app://station/, hosts the backend, bridges the two
 * IPC channels, builds the menus and backs the election file up. STATION_DATA_DIR (if set) replaces the user-data folder.
 */
const TITLE = '社区两委换届选举';
const distDir = __dirname; // dist/electron (this file is bundled to dist/electron/main.cjs)
const rendererDir = join(distDir, '..', 'renderer');
const preload = join(distDir, 'preload.cjs');

if (process.env.STATION_DATA_DIR) app.setPath('userData', process.env.STATION_DATA_DIR);
const dataDir = app.getPath('userData');
const logFile = join(dataDir, 'logs', 'shell.log');

function log(message: string, err?: unknown): void {
  const line = `${new Date().toISOString()} ${message}${err ? `: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` : ''}`;
  console.log(line);
  try {
    mkdirSync(dirname(logFile), { recursive: true });
    appendFileSync(logFile, `${line}\n`);
  } catch {
    // logging must never stop the app
  }
}

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another window is already open on this data folder: it comes to the front (second-instance) and we leave.
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let host: BackendHost | null = null;
  let language: Language = 'zh-CN';
  const menuQueue = new MenuCommandQueue();

  for (const n of removeBackupLeftovers(join(dataDir, 'backups'))) log(`backup: removed ${n}, left by an interrupted backup`);
  const backups = createBackupHook({
    currentDb: () => host?.currentDb() ?? null,
    backupDir: () => join(dataDir, 'backups'),
    log,
  });

  const setMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(language, {
          send: (cmd: MenuCommand) => {
            if (cmd === 'language:zh-CN' || cmd === 'language:en') {
              language = cmd === 'language:en' ? 'en' : 'zh-CN';
              setMenu();
            }
            menuQueue.push(cmd);
          },
          packaged: app.isPackaged,
          isMac: process.platform === 'darwin',
          appName: TITLE,
        }),
      ),
    );
  };

  const shellState: ShellState = {
    version: app.getVersion(),
    packaged: app.isPackaged,
    dataDir,
    chosenFolders: new Set(),
    chosenElections: new Set(),
    menu: menuQueue,
    setLanguage: (lang) => {
      if (lang !== language) {
        language = lang;
        setMenu();
      }
    },
    elections: {
      current: () => host!.currentFile(),
      recent: () => host!.recentFiles(),
      switchTo: (file, opts) => host!.switchTo(file, opts),
    },
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  // Belt and braces: any webContents created anywhere gets the same rules as the main window.
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
  });

  app.whenReady().then(
    () => {
      mkdirSync(dataDir, { recursive: true });
      if (!existsSync(join(rendererDir, 'index.html'))) log(`renderer not built: ${rendererDir}/index.html is missing (run npm run build)`);
      host = startBackendHost({ dataDir, onRoundClosed: () => void backups.roundClosed() });
      log(`election file: ${host.currentFile()}`);
      secureSession(session.defaultSession, rendererDir);
      installBridge(ipcMain, {
        election: { contract: host.contract, impl: () => host!.impl(), authorize: () => host!.authorize() },
        shell: { contract: shellContract, impl: (event: IpcMainInvokeEvent) => shellImplementation(event, shellState) },
        onInternal: (err, method) => log(`internal error in ${method}`, err),
      });
      setMenu();
      win = createMainWindow({ preload, packaged: app.isPackaged, title: TITLE });
      win.on('closed', () => {
        menuQueue.release();
        win = null;
      });
    },
    (err: unknown) => {
      log('startup failed', err);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => app.quit());

  // Back up once, then close the database, then really quit.
  let closing = false;
  app.on('before-quit', (e) => {
    if (closing || !host) return;
    e.preventDefault();
    closing = true;
    void backups
      .beforeQuit()
      .finally(() => {
        host?.close();
        host = null;
        app.quit();
      });
  });
}
