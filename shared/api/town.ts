import { z } from 'zod';
import { BODIES } from '../record/cer';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/**
 * Town-office mode (街道/镇备案, docs/town.md): the same app working on a town office file instead of an election.
 * One town file is open at a time per data folder. The town file is a single-operator file (docs/town.md, "Who may
 * use it"), so every method here is open to anyone at this computer, as `station town …` is.
 *
 * Re-sending: every write here is idempotent by content, so none needs a request key: registering the same key,
 * importing the same list or the same sealed file again changes nothing; creating a town file that already holds the
 * same office opens it; a folder import started again files every file as "same".
 */

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A path on this computer (browser mode types it; Electron takes it from a native dialog). */
export const townPath = text(4096).trim().min(1, 'a path is required');
/** Base64 of a file sent from the browser; 48 MiB of bytes at most (the HTTP body limit is 64 MiB). */
export const UPLOAD_MAX_BYTES = 48 * 1024 * 1024;
const base64 = z
  .string()
  .max(Math.ceil(UPLOAD_MAX_BYTES / 3) * 4, `a file of at most ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const uploadName = text(TEXT_LIMITS.title).trim().min(1);

export const townFileView = z.strictObject({
  /** The town file open now, or null (the town mode then offers to open or create one). */
  open: z.strictObject({ file: answerText, name: answerText, followUpDays: count }).nullable(),
  /** Where a town file is looked for first: `town.sqlite` in the data folder, or the file the app was started with. */
  defaultFile: answerText,
});
export type TownFileView = z.infer<typeof townFileView>;

export const filingOutcome = z.enum(['new', 'same', 'superseding', 'superseded', 'refused']);
export type FilingOutcomeName = z.infer<typeof filingOutcome>;

export const filingView = z.strictObject({
  source: answerText,
  outcome: filingOutcome,
  line: answerText,
  community: answerText.nullable(),
  body: answerText.nullable(),
  sequence: count.nullable(),
  payloadHash: sha256.nullable(),
});
export type FilingView = z.infer<typeof filingView>;

export const importJobView = z.strictObject({
  job: count,
  /** Files found under the paths (only *.json in folders). */
  total: count,
  done: count,
  running: z.boolean(),
  files: z.array(filingView),
  unreadable: z.array(z.strictObject({ path: answerText, reason: answerText })),
  skipped: count,
});
export type ImportJobView = z.infer<typeof importJobView>;

const owedView = z.strictObject({
  kind: z.enum(['rerun', 'tie-revote', 'supplementary', 'no-woman']),
  office: answerText.nullable(),
  /** The office's title as the file names it; office is its id. */
  officeTitle: answerText.nullable(),
  seats: count,
  names: z.array(answerText),
  due: answerText,
});

export const boardRowView = z.strictObject({
  community: answerText,
  body: z.enum(BODIES),
  received: z.boolean(),
  drill: z.boolean(),
  payloadHash: sha256.nullable(),
  sequence: count.nullable(),
  rounds: z.array(z.strictObject({ number: count, kind: answerText, valid: z.boolean() })),
  valid: z.boolean().nullable(),
  elected: count,
  seats: count,
  vacancies: count,
  minCommittee: count.nullable(),
  belowMinimum: z.boolean(),
  acting: z.strictObject({ name: answerText, office: answerText, officeTitle: answerText }).nullable(),
  women: count,
  warnings: z.array(answerText),
  signoffs: z.enum(['complete', 'overridden', 'unsigned']).nullable(),
  owed: z.array(owedView),
});
export type BoardRowView = z.infer<typeof boardRowView>;

const boardFilter = z.strictObject({ owed: z.boolean().optional(), missing: z.boolean().optional() });

export const townContract = {
  /** Which town file is open (none at first). */
  townFile: { input: z.strictObject({}), output: townFileView },
  /** Opens an existing town office file (refused for an election database or any other file). */
  townOpenFile: { input: z.strictObject({ file: townPath }), output: townFileView },
  /** Creates a town office file and opens it; a file that already holds this same office is opened, another is refused. */
  townCreateFile: {
    input: z.strictObject({ file: townPath, name: text(TEXT_LIMITS.title).trim().min(1), followUpDays: z.int().min(0).max(3650).default(90) }),
    output: townFileView.extend({ created: z.boolean() }),
  },
  /** Closes the town file (back to election mode). */
  townCloseFile: { input: z.strictObject({}), output: townFileView },
  /** Registers a community's station key: the fingerprint typed from the tally sheet, or the text its QR code scans to. */
  townRegisterKey: {
    input: z.strictObject({
      community: text(TEXT_LIMITS.title).trim().min(1),
      fingerprint: text(200).optional(),
      qr: text(400).optional(),
    }),
    output: z.strictObject({ community: answerText, fingerprint: z.string().regex(/^[0-9a-f]{32}([0-9a-f]{32})?$/), added: z.boolean(), via: z.enum(['typed', 'qr']) }),
  },
  /** The registered keys, newest first. */
  townKeys: {
    input: z.strictObject({}),
    output: z.strictObject({
      keys: z.array(z.strictObject({ community: answerText, fingerprint: answerText, via: z.enum(['typed', 'qr', 'file']), registeredAt: answerText })),
    }),
  },
  /** Adds the communities of a CSV/XLSX list, from a path on this computer or uploaded bytes; all or nothing. */
  townImportCommunities: {
    input: z.union([z.strictObject({ path: townPath }), z.strictObject({ name: uploadName, contentBase64: base64 })]),
    output: z.strictObject({ added: z.array(answerText), known: count }),
  },
  /** Starts importing files and folders on this computer (a USB stick's tree); follow it with townImportProgress. */
  townImportStart: {
    input: z.strictObject({ paths: z.array(townPath).min(1).max(100) }),
    output: importJobView,
  },
  townImportProgress: { input: z.strictObject({ job: count }), output: importJobView },
  /** Files one sealed file sent from the browser (file upload), classified like a file of a folder. */
  townUploadSealed: { input: z.strictObject({ name: uploadName, contentBase64: base64 }), output: filingView },
  /** The status board, filtered to rows that owe something and/or have no file yet. */
  townBoard: {
    input: boardFilter,
    output: z.strictObject({ office: answerText, followUpDays: count, rows: z.array(boardRowView) }),
  },
  /** The status board or the structure report (一肩挑, 交叉任职, make-up) as a file to save: A4 PDF, XLSX or CSV. */
  townReport: {
    input: z.strictObject({ format: z.enum(['pdf', 'xlsx', 'csv']), structure: z.boolean().default(false) }),
    output: z.strictObject({ fileName: answerText, mime: answerText, contentBase64: z.string(), sources: count }),
  },
} as const;
export type TownContract = typeof townContract;
