import { z } from 'zod';
import type { ApiResponse, ContractShape } from './envelope';
import { leaveConfirmation } from './files';

/**
 * The shell contract, beside the election contract (./contract.ts): what the page may ask of the operating system
 * through Electron. Called as `station.shell(method, input)`; answers with the same ApiResponse envelope as
 * `station.call`, and the renderer's shell client is built with the same createClient (renderer/api/shell.ts).
 * Browser mode has no shell: the page uses <input type=file>, downloads and window.print() instead.
 *
 * Writing is only ever to a path the user chose in a native dialog in this session: either in the save dialog of the
 * call itself, or as a plain file name inside a folder returned by `shell:chooseFolder`.
 */
const fileFilter = z.object({
  name: z.string().min(1).max(80),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'an extension without the dot, e.g. "csv"')).min(1),
});

/** A plain file name: no folder part, nothing hidden, no characters Windows refuses. */
export const plainFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/:*?"<>|\0]/.test(s) && !s.startsWith('.') && s.trim() === s, 'a plain file name without a folder');

const canceled = z.object({ canceled: z.literal(true) });
const written = z.object({
  canceled: z.literal(false),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the file as read back from the disk after the write. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Where a write goes: a save dialog (with a suggested name) or a name inside a folder chosen earlier. */
const destination = z.union([
  z.object({ dialog: z.object({ title: z.string().max(200).optional(), defaultName: plainFileName, filters: z.array(fileFilter).optional() }) }),
  z.object({ folder: z.string().min(1), name: plainFileName }),
]);

export const MENU_COMMANDS = [
  'election:new',
  'election:open',
  'roll:import',
  'export:sealed',
  'print',
  'language:zh-CN',
  'language:en',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const shellContract = {
  /** Which shell this is, and where the data folder is. */
  'shell:info': {
    input: z.object({}).strict(),
    output: z.object({
      shell: z.literal('electron'),
      version: z.string(),
      platform: z.string(),
      dataDir: z.string(),
      packaged: z.boolean(),
      /** The election database open now, and the ones opened before (newest first). */
      electionFile: z.string(),
      recentFiles: z.array(z.string()),
    }),
  },
  /**
   * Opens another election database: a path from `recentFiles`, or (without `path`) one chosen in the open dialog.
   * On success the page should reload its state (simplest: location.reload()).
   */
  'shell:openElection': {
    /**
     * `leave`: while the open file has a round voting or counting, the switch is refused (reason 'work-open', with the
     * rounds and the chosen `file`) until it is sent again with that file and a committee member's confirmation.
     */
    input: z.object({ path: z.string().min(1).max(4096).optional(), leave: leaveConfirmation.optional() }),
    output: z.union([canceled, z.object({ canceled: z.literal(false), path: z.string() })]),
  },
  /** Creates a new, empty election database where the user chooses in the save dialog, and opens it. */
  'shell:newElection': {
    input: z.object({
      defaultName: plainFileName.default('选举.sqlite'),
      /** A path chosen in this session's save dialog, sent again with `leave` after a refusal. */
      path: z.string().min(1).max(4096).optional(),
      leave: leaveConfirmation.optional(),
    }),
    output: z.union([canceled, z.object({ canceled: z.literal(false), path: z.string() })]),
  },
  /** Native open dialog. With `read`, the file's bytes come back as base64 (at most 64 MiB). */
  'shell:openFile': {
    input: z.object({
      title: z.string().max(200).optional(),
      filters: z.array(fileFilter).optional(),
      read: z.boolean().optional(),
    }),
    output: z.union([
      canceled,
      z.object({
        canceled: z.literal(false),
        path: z.string(),
        name: z.string(),
        size: z.number().int().nonnegative(),
        contentBase64: z.string().optional(),
      }),
    ]),
  },
  /** Native save dialog for a new file (e.g. a new election database); nothing is written. */
  'shell:chooseSavePath': {
    input: z.object({ title: z.string().max(200).optional(), defaultName: plainFileName, filters: z.array(fileFilter).optional() }),
    output: z.union([canceled, z.object({ canceled: z.literal(false), path: z.string() })]),
  },
  /** Native folder dialog (e.g. the removable drive for the export); the folder may then be written to by name. */
  'shell:chooseFolder': {
    input: z.object({ title: z.string().max(200).optional() }),
    output: z.union([canceled, z.object({ canceled: z.literal(false), path: z.string() })]),
  },
  /** Writes text or base64 bytes atomically (temp file, fsync, rename), then reads it back and compares. */
  'shell:saveFile': {
    input: z.object({
      to: destination,
      content: z.string(),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    }),
    output: z.union([canceled, written]),
  },
  /** The system print dialog for the current page (the same print CSS as browser mode's window.print()). */
  'shell:print': {
    input: z.object({}).strict(),
    output: z.object({ printed: z.boolean(), reason: z.string().optional() }),
  },
  /** The current page as an A4 PDF, written like shell:saveFile. */
  'shell:printToPDF': {
    input: z.object({ to: destination, landscape: z.boolean().optional() }),
    output: z.union([canceled, written]),
  },
  /** The page's language, so the native menus follow the language switch. */
  'shell:setLanguage': {
    input: z.object({ lang: z.enum(LANGUAGES) }),
    output: z.object({ lang: z.enum(LANGUAGES) }),
  },
  /**
   * Long poll for the next menu command (新建/打开选举, 导入名册, 导出封存文件, 打印, 语言). The page keeps one call
   * pending and calls again after each answer; a newer call answers an older pending one with null.
   */
  'shell:nextMenuCommand': {
    input: z.object({}).strict(),
    output: z.object({ command: z.enum(MENU_COMMANDS).nullable() }),
  },
} as const satisfies ContractShape;
export type ShellContract = typeof shellContract;

/**
 * `window.station`, as the preload exposes it in Electron (electron/preload/preload.ts); absent in browser mode.
 * Each function answers with the envelope; only the method name and the input cross.
 *   call   the election contract (./contract.ts), over the station:call channel
 *   shell  this contract, over the station:shell channel
 */
export interface StationBridge {
  call(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  shell(method: string, input: unknown): Promise<ApiResponse<unknown>>;
}
