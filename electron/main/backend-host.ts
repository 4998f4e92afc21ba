import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Implementation } from '../../shared/api/envelope';
import { contract } from '../../shared/api/contract';
import type { Authorize } from '../../shared/api/dispatch';
import type { Db } from '../backend/db';
import { openElectionSwitch } from '../backend/election-files/switch';
import type { LeaveConfirmation } from '../backend/election-files/leave-guard';

export type ElectionContract = typeof contract;

/**
 * Hosts the backend inside the main process: which election file is open, its context and implementation. Only the
 * shell decides which file is open (the user's data folder by default, or a file the user opened in a dialog).
 */
export interface BackendHost {
  readonly contract: ElectionContract;
  impl(): Implementation<ElectionContract>;
  /** The open file's sign-in check, for the bridge to ask before reading a call's input. */
  authorize(): Authorize;
  currentDb(): Db | null;
  currentFile(): string;
  recentFiles(): string[];
  /** Closes the open election and opens `file` (creating it when `create`); the old one stays open if this fails. */
  switchTo(file: string, opts: { create: boolean; leave?: LeaveConfirmation | undefined }): void;
  close(): void;
}

const MAX_RECENT = 8;

export function defaultElectionFile(dataDir: string): string {
  return join(dataDir, 'election.sqlite');
}

export function startBackendHost(opts: { dataDir: string; onRoundClosed: () => void }): BackendHost {
  const settingsFile = join(opts.dataDir, 'shell-settings.json');
  const settings = readSettings(settingsFile);
  mkdirSync(opts.dataDir, { recursive: true });
  function remember(f: string): void {
    settings.lastElection = f;
    settings.recent = [f, ...settings.recent.filter((r) => r !== f)].slice(0, MAX_RECENT);
    try {
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    } catch {
      // the list of recent files is a convenience
    }
  }
  // The same switch as browser mode's: the Start page's files of the data folder and the shell's dialogs both use it.
  const files = openElectionSwitch({
    dataDir: opts.dataDir,
    file: settings.lastElection && existsSync(settings.lastElection) ? settings.lastElection : defaultElectionFile(opts.dataDir),
    actor: null,
    // The backend calls ctx.onRoundClosed?.() after a round's result is recorded: the shell backs the file up then.
    onOpened: (ctx) => {
      ctx.onRoundClosed = opts.onRoundClosed;
    },
    onSwitched: remember,
  });
  remember(files.current().file);
  const open = () => {
    try {
      return files.current();
    } catch {
      return null;
    }
  };

  return {
    contract,
    impl: () => files.current().api,
    authorize: () => files.current().authorize,
    currentDb: () => open()?.ctx.db ?? null,
    currentFile: () => files.current().file,
    recentFiles: () => settings.recent.filter((r) => existsSync(r)),
    switchTo(target, { create, leave }) {
      files.switchTo(resolve(target), { create, leave });
    },
    close: () => files.close(),
  };
}

interface Settings {
  lastElection: string | null;
  recent: string[];
}

function readSettings(file: string): Settings {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
    return {
      lastElection: typeof raw.lastElection === 'string' ? raw.lastElection : null,
      recent: Array.isArray(raw.recent) ? raw.recent.filter((r): r is string => typeof r === 'string') : [],
    };
  } catch {
    return { lastElection: null, recent: [] };
  }
}
