import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { ROUND_KINDS } from '../record/cer';
import { plainFileName } from './shell';

/**
 * Sealed result files (docs/sealed-file.md): the Export screen seals the election to a file and checks a file.
 * Sealed files are written only inside the export folder, by a plain file name; the folder is a setting of the
 * election file (a committee member changes it; in Electron it is the folder chosen in the shell's folder dialog).
 */

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const fingerprintView = z.strictObject({
  /** 64 lowercase hex digits. */
  hex: sha256,
  /** 8 groups of 4 uppercase hex digits: what the paper tally sheet shows. */
  short: answerText,
  /** 16 groups of 4. */
  full: answerText,
});

export const sealRoundView = z.strictObject({
  number: z.int().positive(),
  kind: z.enum(ROUND_KINDS),
  valid: z.boolean(),
  ballots: count,
  recordHash: sha256,
  resultHash: sha256,
  /** The audit head at the round's last sign-off, as on its tally sheet (null in files sealed before it was added). */
  signedHead: z.strictObject({ count, hash: sha256 }).nullable(),
  elected: z.array(z.strictObject({ office: answerText, names: z.array(answerText), vacant: count })),
  signoffs: count,
  revokedSignoffs: count,
});
export type SealRoundView = z.infer<typeof sealRoundView>;

/** A sign-off the tally sheet lists that was not given: a person in a role, or a kind of role nobody holds (name null). */
export const missingSignoffView = z.strictObject({ round: z.int().positive(), role: answerText, name: answerText.nullable() });
export type MissingSignoffView = z.infer<typeof missingSignoffView>;

/** The committee's decision to seal although sign-offs were missing, as the sealed file records it. */
export const sealOverrideView = z.strictObject({
  reason: answerText,
  approvers: z.array(answerText),
  missing: z.array(missingSignoffView),
});
export type SealOverrideView = z.infer<typeof sealOverrideView>;

export const sealSummaryView = z.strictObject({
  sealedAt: answerText,
  electionTitle: answerText,
  fingerprint: fingerprintView,
  auditHead: z.strictObject({ count, hash: sha256 }),
  rounds: z.array(sealRoundView),
  /** 1 for the election's first sealed file, then 2, 3, … (files sealed before numbering count as 1). */
  sequence: z.int().positive(),
  /** The payload hash of the sealed file this one replaces (null for the first). */
  supersedes: sha256.nullable(),
  /** Null when every sign-off was given. */
  override: sealOverrideView.nullable(),
});
export type SealSummaryView = z.infer<typeof sealSummaryView>;

export const sealWrittenView = sealSummaryView.extend({
  /** Absolute path of the file written. */
  path: answerText,
  bytes: count,
  /** SHA-256 of the signed payload bytes (recorded in the audit log). */
  payloadHash: sha256,
});
export type SealWrittenView = z.infer<typeof sealWrittenView>;

export const verifyOutcomeView = z.union([
  z.strictObject({ ok: z.literal(true), summary: sealSummaryView }),
  z.strictObject({ ok: z.literal(false), failures: z.array(answerText).min(1) }),
]);
export type VerifyOutcomeView = z.infer<typeof verifyOutcomeView>;

const path = text(4096).trim().min(1, 'a file path is required');
/**
 * A sealed file's name inside the export folder: no folder part, no "..", not absolute, and ending in .json, so that
 * not even an overwrite can reach the election file or the station key (checked before anything is written).
 */
export function isSealedFileName(name: string): boolean {
  return plainFileName.safeParse(name).success && /\.json$/i.test(name);
}
const fileName = text(TEXT_LIMITS.title).refine(
  isSealedFileName,
  'a plain file name ending in .json inside the export folder (no folder, no "..", no \\ / : * ? " < > |)',
);
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');

export const exportFolderView = z.strictObject({
  /** Absolute path of the folder sealed files are written to. */
  folder: answerText,
  /** True while no folder was chosen: the default, `exports` beside the election file. */
  isDefault: z.boolean(),
});
export type ExportFolderView = z.infer<typeof exportFolderView>;

export const sealContract = {
  /** The station key's fingerprint (created on first use), as printed on the tally sheet. */
  stationFingerprint: { input: z.strictObject({}), output: fingerprintView },
  /** Where sealed files are written. */
  exportFolder: { input: z.strictObject({}), output: exportFolderView },
  /** Chooses the export folder (the absolute path of an existing folder), or `null` for the default. */
  setExportFolder: { input: z.strictObject({ folder: path.nullable() }), output: exportFolderView },
  /**
   * Seals the election into one file `name` inside the export folder: every round's record and stored result, the
   * sign-offs, the audit head, signed by the station key. Refused while a round has no stored result, while a sign-off
   * the tally sheet lists is missing (unless two committee members override it with a reason), or when the audit log
   * is broken. The file is written atomically and verified before it takes its name; an existing file is replaced
   * only with `overwrite`.
   */
  sealToFile: {
    input: z.strictObject({
      name: fileName,
      overwrite: z.boolean().default(false),
      override: z.strictObject({ reason, approvals: z.array(committeeApproval).max(5) }).optional(),
    }),
    output: sealWrittenView,
  },
  /** Checks a sealed file completely (signature, hashes, recount of every round, sign-offs). Never throws for a bad file. */
  verifySealedFile: {
    input: z.strictObject({ path, fingerprint: text(100).optional() }),
    output: verifyOutcomeView,
  },
} as const;
export type SealContract = typeof sealContract;
