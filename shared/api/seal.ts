import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { ROUND_KINDS } from '../record/cer';

/**
 * Sealed result files (docs/sealed-file.md): the Export screen seals the election to a file and checks a file.
 * Paths are on the station's own disk (the shell's save/open dialogs give them).
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

export const sealSummaryView = z.strictObject({
  sealedAt: answerText,
  electionTitle: answerText,
  fingerprint: fingerprintView,
  auditHead: z.strictObject({ count, hash: sha256 }),
  rounds: z.array(sealRoundView),
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

export const sealContract = {
  /** The station key's fingerprint (created on first use), as printed on the tally sheet. */
  stationFingerprint: { input: z.strictObject({}), output: fingerprintView },
  /**
   * Seals the election into one file: every round's record and stored result, the sign-offs, the audit head, signed
   * by the station key. Refused while a round has no stored result or when the audit log is broken. The file is
   * written atomically and verified before it takes its name.
   */
  sealToFile: {
    input: z.strictObject({ path, overwrite: z.boolean().default(false) }),
    output: sealWrittenView,
  },
  /** Checks a sealed file completely (signature, hashes, recount of every round, sign-offs). Never throws for a bad file. */
  verifySealedFile: {
    input: z.strictObject({ path, fingerprint: text(100).optional() }),
    output: verifyOutcomeView,
  },
} as const;
export type SealContract = typeof sealContract;
