import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Contract } from '../../../shared/api/contract';
import type { Authorize } from '../../../shared/api/dispatch';
import type { Implementation } from '../../../shared/api/envelope';
import { buildApi } from '../api';
import { authorizerFor } from '../authority/authorize';
import { createContext, refused, type BackendContext, says } from '../context';
import { markDrillFile } from './drill-mark';
import { auditSwitch, checkLeave, type LeaveConfirmation } from './leave-guard';

/** One open election file: its context, the contract over it, and its sign-in check. */
export interface OpenElection {
  file: string;
  ctx: BackendContext;
  api: Implementation<Contract>;
  authorize: Authorize;
}

/**
 * Which election file of the data folder a backend serves (browser mode's loopback server, Electron's main process),
 * and the switch to another. A switch opens the new file completely first and only then closes the old one: when
 * opening fails, the old file stays open as it was and a file this switch created is removed again.
 */
export interface ElectionSwitch {
  readonly dataDir: string;
  current(): OpenElection;
  /**
   * Opens `file` in place of the open one (`create`: a new file, never over an existing one; `drill`: marked 演练).
   * While a round of the open file is voting or counting, refused unless `leave` confirms those rounds with a
   * committee member's PIN; the switch is audited in the file left and in the file entered.
   */
  switchTo(file: string, opts?: { create?: boolean; drill?: boolean; leave?: LeaveConfirmation | undefined }): OpenElection;
  /** True when this switch created `file` (a re-sent create is answered again only for such a file). */
  created(file: string): boolean;
  close(): void;
}

export interface ElectionSwitchOptions {
  dataDir: string;
  /** The file opened at start (created when missing, as before: the default `election.sqlite`). */
  file: string;
  actor: string | null;
  now?: () => Date;
  /** Each context as it is opened (the shell hooks its backups onto it). */
  onOpened?: (ctx: BackendContext) => void;
  /** After each switch (Electron remembers the last file). */
  onSwitched?: (file: string) => void;
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      rmSync(f, { force: true });
    } catch {
      // left for the user to see: the error that brought us here is the one reported
    }
  }
}

/** Creates the file exclusively (O_EXCL): an existing file, even one made a moment ago by another process, is refused. */
function claimNewFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EEXIST') {
      throw refused(says('error.files.electionFileAlreadyExists', { file }), { reason: 'exists' });
    }
    throw refused(says('error.files.createElectionFile', { code, file }), { reason: 'cannot-create' });
  }
  closeSync(fd);
}

export function openElectionSwitch(opts: ElectionSwitchOptions): ElectionSwitch {
  const dataDir = resolve(opts.dataDir);
  const createdHere = new Set<string>();
  let self: ElectionSwitch;

  function open(file: string, create: boolean, drill: boolean): OpenElection {
    if (create) {
      mkdirSync(dataDir, { recursive: true });
      claimNewFile(file);
    }
    let ctx: BackendContext | null = null;
    try {
      ctx = createContext({ dbFile: file, dataDir, actor: opts.actor, ...(opts.now ? { now: opts.now } : {}), mustExist: !create && file !== initial });
      if (create && drill) markDrillFile(ctx.db);
      ctx.files = self;
      opts.onOpened?.(ctx);
      return { file, ctx, api: buildApi(ctx), authorize: authorizerFor(ctx) };
    } catch (e) {
      if (ctx?.db.open) ctx.db.close();
      if (create) removeDatabaseFiles(file);
      throw e;
    }
  }

  const initial = resolve(opts.file);
  let now: OpenElection | null = null;
  self = {
    dataDir,
    current() {
      if (now === null) throw refused(says('error.files.electionFileClosed'));
      return now;
    },
    switchTo(target, { create = false, drill = false, leave } = {}) {
      const file = resolve(target);
      if (!create && now !== null && now.file === file) return now;
      const leaving = now?.ctx.db.open ? checkLeave(now.ctx, leave) : null;
      const next = open(file, create, drill);
      if (create) createdHere.add(file);
      const old = now;
      now = next;
      if (old !== null && leaving !== null) auditSwitch(old.ctx, next.ctx, leaving);
      if (old?.ctx.db.open) old.ctx.db.close();
      opts.onSwitched?.(file);
      return next;
    },
    created: (file) => createdHere.has(resolve(file)),
    close() {
      if (now?.ctx.db.open) now.ctx.db.close();
      now = null;
    },
  };
  now = open(initial, false, false);
  return self;
}
