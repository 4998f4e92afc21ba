import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import { GENERAL_ERROR_KEY, type ErrorText } from '../../shared/api/error-text';
import { bilingual } from './bilingual';
import { actorOrLabel } from './authority/caller';
import { SessionStore } from './authority/sessions';
import { openAndMigrate, type Db } from './db';
import { attachSecondCopy } from './copy/second-copy';
import type { ElectionSwitch } from './election-files/switch';
import { removeStationKeyLeftovers } from './seal/station-key';
import { reconcileInterruptedSeals } from './services/seal-reconcile';

/** What every service receives: the open database, the clock, the data folder, and who is acting. */
export interface BackendContext {
  db: Db;
  /** The clock (tests pass a fixed one). */
  now: () => Date;
  /** Folder beside the database for files the station keeps (keys, exports). */
  dataDir: string;
  /**
   * Who acts, for the audit log: the signed-in person of the call being served (authority/caller.ts), or else the
   * label the context was opened with ("cli", "browser") while the election is still being set up.
   */
  actor: string | null;
  /** The signed-in windows of this file (authority/sessions.ts). */
  sessions: SessionStore;
  /** Called after a round's counting is closed and committed; the shell makes a backup copy of the database. */
  onRoundClosed?: () => void;
  /** The switch that opened this file among the data folder's election files; none where the file is fixed. */
  files?: ElectionSwitch;
}

export interface ContextOptions {
  dbFile: string;
  dataDir?: string;
  now?: () => Date;
  actor?: string | null;
  mustExist?: boolean;
}

/** Opens (creating if allowed) and migrates the database, settles interrupted sealings, and builds the context around it. */
export function createContext(opts: ContextOptions): BackendContext {
  if (opts.mustExist !== true) mkdirSync(dirname(opts.dbFile), { recursive: true });
  const db = openAndMigrate(opts.dbFile, { mustExist: opts.mustExist === true });
  let label = opts.actor ?? null;
  const ctx: BackendContext = {
    db,
    now: opts.now ?? (() => new Date()),
    dataDir: opts.dataDir ?? dirname(opts.dbFile),
    get actor() {
      return actorOrLabel(label);
    },
    set actor(value: string | null) {
      label = value;
    },
    sessions: new SessionStore(),
  };
  // Start-up: what a crash interrupted is settled before anything else happens.
  reconcileInterruptedSeals(ctx);
  removeStationKeyLeftovers(ctx.dataDir);
  attachSecondCopy(db, () => ctx.now());
  return ctx;
}

export { bilingual };
export { bothWords, dateWords, says, statusWords } from '../../shared/i18n/says';

/**
 * A rule of the election refuses the action: refused(zh, en, details?), or refused(says(key, params), details?) for a
 * message of the string tables, which a screen says in its own language.
 */
export function refused(said: ErrorText, details?: unknown): ApiError;
export function refused(zh: string, en: string, details?: unknown): ApiError;
export function refused(first: string | ErrorText, ...rest: unknown[]): ApiError {
  const [said, details] = typeof first === 'string' ? [plain(first, rest[0] as string), rest[1]] : [first, rest[0]];
  return new ApiError('refused', bilingual(said.zh, said.en), details === undefined ? { text: said } : { details, text: said });
}

export function notFound(said: ErrorText): ApiError;
export function notFound(zh: string, en: string): ApiError;
export function notFound(first: string | ErrorText, en?: string): ApiError {
  const said = typeof first === 'string' ? plain(first, en!) : first;
  return new ApiError('not-found', bilingual(said.zh, said.en), { text: said });
}

/** Bad input the schema could not catch (a cross-reference); path names the field, e.g. "candidates[2].office". */
export function invalid(path: string, said: ErrorText): ApiError;
export function invalid(path: string, zh: string, en: string): ApiError;
export function invalid(path: string, first: string | ErrorText, en?: string): ApiError {
  const said = typeof first === 'string' ? plain(first, en!) : first;
  return new ApiError('invalid-input', `${path}: ${bilingual(said.zh, said.en)}`, { path, text: said });
}

function plain(zh: string, en: string): ErrorText {
  return { key: GENERAL_ERROR_KEY, zh, en };
}
