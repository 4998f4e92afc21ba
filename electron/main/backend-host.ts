import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError, type Implementation } from '../../shared/api/envelope';
import { contract } from '../../shared/api/contract';
import { buildApi } from '../backend/api';
import { authorizerFor } from '../backend/authority/authorize';
import type { Authorize } from '../../shared/api/dispatch';
import { createContext, type BackendContext } from '../backend/context';
import type { Db } from '../backend/db';

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
  switchTo(file: string, opts: { create: boolean }): void;
  close(): void;
}

const MAX_RECENT = 8;

export function defaultElectionFile(dataDir: string): string {
  return join(dataDir, 'election.sqlite');
}

export function startBackendHost(opts: { dataDir: string; onRoundClosed: () => void }): BackendHost {
  const settingsFile = join(opts.dataDir, 'shell-settings.json');
  const settings = readSettings(settingsFile);
  let file = settings.lastElection && existsSync(settings.lastElection) ? settings.lastElection : defaultElectionFile(opts.dataDir);
  let ctx: BackendContext | null = open(file, false);
  let api = buildApi(ctx);
  let authorize = authorizerFor(ctx);
  remember(file);

  function open(f: string, mustBeNew: boolean): BackendContext {
    if (mustBeNew && existsSync(f)) {
      throw new ApiError('refused', `选举文件已存在,不会覆盖 / the election file already exists and is not overwritten: ${f}`);
    }
    mkdirSync(opts.dataDir, { recursive: true });
    const c = createContext({ dbFile: f, dataDir: opts.dataDir, actor: null });
    // The backend calls ctx.onRoundClosed?.() after a round's result is recorded: the shell backs the file up then.
    const withHook: BackendContext & { onRoundClosed: () => void } = Object.assign(c, { onRoundClosed: opts.onRoundClosed });
    return withHook;
  }
  function remember(f: string): void {
    settings.lastElection = f;
    settings.recent = [f, ...settings.recent.filter((r) => r !== f)].slice(0, MAX_RECENT);
    try {
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    } catch {
      // the list of recent files is a convenience
    }
  }

  return {
    contract,
    impl: () => api,
    authorize: () => authorize,
    currentDb: () => ctx?.db ?? null,
    currentFile: () => file,
    recentFiles: () => settings.recent.filter((r) => existsSync(r)),
    switchTo(target, { create }) {
      const next = open(resolve(target), create);
      ctx?.db.close();
      ctx = next;
      api = buildApi(next);
      authorize = authorizerFor(next);
      file = resolve(target);
      remember(file);
    },
    close() {
      if (ctx?.db.open) ctx.db.close();
      ctx = null;
    },
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
