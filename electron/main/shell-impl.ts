import { BrowserWindow, dialog, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ApiError, type Implementation } from '../../shared/api/envelope';
import { InputFileError, readInputFile } from '../backend/files/input-file';
import { writeFileDurably } from '../backend/files/durable-write';
import { pathInChosenFolder } from './files';
import { electionDialogs, type ShellElections } from './election-dialogs';
import { menuShellMethods, type MenuCommandQueue } from './menu-commands';
import type { Language, ShellContract } from '../../shared/api/shell';

const MAX_READ_BYTES = 64 * 1024 * 1024;

export interface ShellState {
  version: string;
  packaged: boolean;
  dataDir: string;
  /** Folders the user chose in a dialog in this session: the only ones written to by name. */
  chosenFolders: Set<string>;
  menu: MenuCommandQueue;
  setLanguage: (lang: Language) => void;
  elections: ShellElections;
  /** Election files chosen in a dialog in this session: one may be sent again with a committee member's confirmation. */
  chosenElections: Set<string>;
}

const ELECTION_FILTERS = [{ name: '选举数据库 / Election database', extensions: ['sqlite', 'db'] }];

type Destination = { dialog: { title?: string | undefined; defaultName: string; filters?: { name: string; extensions: string[] }[] | undefined } } | { folder: string; name: string };

/** The shell contract for the window that sent `event`. */
export function shellImplementation(event: IpcMainInvokeEvent, state: ShellState): Implementation<ShellContract> {
  const wc = event.sender;
  const win = BrowserWindow.fromWebContents(wc);
  const elections = electionDialogs(state.elections, state.chosenElections);
  const saveDialog = (o: SaveDialogOptions) => (win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o));

  async function destinationPath(to: Destination): Promise<string | null> {
    if ('folder' in to) return pathInChosenFolder(state.chosenFolders, to.folder, to.name);
    const r = await saveDialog({
      ...(to.dialog.title ? { title: to.dialog.title } : {}),
      defaultPath: to.dialog.defaultName,
      ...(to.dialog.filters ? { filters: to.dialog.filters } : {}),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return r.canceled || !r.filePath ? null : r.filePath;
  }

  return {
    'shell:info': () => ({
      shell: 'electron' as const,
      version: state.version,
      platform: process.platform,
      dataDir: state.dataDir,
      packaged: state.packaged,
      electionFile: state.elections.current(),
      recentFiles: state.elections.recent(),
    }),

    'shell:openElection': (input) =>
      elections.open(input, async () => {
        const o = { title: '打开选举 / Open election', filters: ELECTION_FILTERS, properties: ['openFile' as const] };
        const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
        return r.canceled || r.filePaths[0] === undefined ? null : r.filePaths[0];
      }),

    'shell:newElection': ({ defaultName, ...input }) =>
      elections.create(input, async () => {
        const r = await saveDialog({ title: '新建选举 / New election', defaultPath: defaultName, filters: ELECTION_FILTERS, properties: ['createDirectory'] });
        return r.canceled || !r.filePath ? null : r.filePath;
      }),

    'shell:openFile': async ({ title, filters, read }) => {
      const o = { ...(title ? { title } : {}), ...(filters ? { filters } : {}), properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
      const path = r.filePaths[0];
      if (r.canceled || path === undefined) return { canceled: true as const };
      const size = statSync(path).size;
      if (!read) return { canceled: false as const, path, name: basename(path), size };
      if (size > MAX_READ_BYTES) {
        throw new ApiError('invalid-input', `文件过大(${size} 字节,上限 64 MiB)/ the file is too large (${size} bytes; at most 64 MiB): ${path}`);
      }
      let bytes: Buffer;
      try {
        bytes = await readInputFile(path, MAX_READ_BYTES);
      } catch (e) {
        if (e instanceof InputFileError) throw new ApiError('invalid-input', `无法读取文件 / cannot read: ${e.message}`);
        throw e;
      }
      return { canceled: false as const, path, name: basename(path), size, contentBase64: bytes.toString('base64') };
    },

    'shell:chooseSavePath': async ({ title, defaultName, filters }) => {
      const r = await saveDialog({ ...(title ? { title } : {}), defaultPath: defaultName, ...(filters ? { filters } : {}), properties: ['createDirectory', 'showOverwriteConfirmation'] });
      return r.canceled || !r.filePath ? { canceled: true as const } : { canceled: false as const, path: r.filePath };
    },

    'shell:chooseFolder': async ({ title }) => {
      const o = { ...(title ? { title } : {}), properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
      const path = r.filePaths[0];
      if (r.canceled || path === undefined) return { canceled: true as const };
      state.chosenFolders.add(resolve(path));
      return { canceled: false as const, path: resolve(path) };
    },

    'shell:saveFile': async ({ to, content, encoding }) => {
      const data = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      const path = await destinationPath(to);
      if (path === null) return { canceled: true as const };
      return { canceled: false as const, ...writeFileDurably(path, data) };
    },

    'shell:print': () =>
      new Promise((done) => {
        wc.print({ silent: false, printBackground: true }, (printed, reason) => done(printed ? { printed } : { printed, reason }));
      }),

    'shell:printToPDF': async ({ to, landscape }) => {
      const pdf = await wc.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, landscape: landscape === true });
      const path = await destinationPath(to);
      if (path === null) return { canceled: true as const };
      return { canceled: false as const, ...writeFileDurably(path, pdf) };
    },

    ...menuShellMethods(state),
  };
}
