import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ROUND_KINDS, type CerRecord, type CerResult, type RoundKind } from '../../../shared/record';
import { canonicalJson } from '../audit/canonical';

export { canonicalJson };

export const SEALED_FILE_FORMAT = 'cer-sealed/1';
export const SEALED_PAYLOAD_FORMAT = 'cer-sealed-payload/1';

/** SHA-256 (lowercase hex) of the canonical JSON of a value: recordHash, resultHash and sign-off hashes use this. */
export function hashJson(value: unknown): string {
  return hashOf(canonicalJson(value));
}

/** SHA-256 (lowercase hex) of text (as UTF-8) or bytes already made canonical. */
export function hashOf(canonical: string | Uint8Array): string {
  return typeof canonical === 'string' ? createHash('sha256').update(canonical, 'utf8').digest('hex') : createHash('sha256').update(canonical).digest('hex');
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (SHA-256)');
const timestamp = z.iso.datetime({ offset: true });
const text = z.string().min(1, 'must not be empty');

/**
 * The payload as read from a file. `record` and `result` are checked afterwards, round by round, by the cer/1 and
 * cer-result/1 parsers (shared/record), so an error names the round and the JSON path inside the record.
 */
export const sealedPayloadShape = z.strictObject({
  format: z.literal(SEALED_PAYLOAD_FORMAT),
  sealedAt: timestamp,
  station: z.strictObject({
    fingerprint: sha256Hex,
    publicKey: z.string(),
  }),
  election: z.record(z.string(), z.json()),
  rounds: z
    .array(
      z.strictObject({
        number: z.int().positive(),
        kind: z.enum(ROUND_KINDS),
        record: z.unknown(),
        result: z.unknown(),
        recordHash: sha256Hex,
        resultHash: sha256Hex,
        /** Added later: the audit head at the round's last sign-off, as on its tally sheet; absent when unsigned. */
        signedHead: z.strictObject({ count: z.int().positive(), hash: sha256Hex }).optional(),
      }),
    )
    .min(1, 'at least one round'),
  signoffs: z.array(
    z.strictObject({
      round: z.int().positive(),
      name: text,
      role: text,
      resultHash: sha256Hex,
      signedAt: timestamp,
      revoked: z.strictObject({ at: timestamp, reason: text }).optional(),
    }),
  ),
  auditHead: z.strictObject({
    count: z.int().nonnegative(),
    hash: sha256Hex,
  }),
  /** Added later: 1 for the election's first sealed file, 2 for the next…; absent in earlier files, which count as 1. */
  sequence: z.int().positive().optional(),
  /** The payload hash (SHA-256 of the payload bytes) of the sealed file this one replaces; present exactly when sequence > 1. */
  supersedes: sha256Hex.optional(),
  /** Present when the committee sealed although sign-offs were missing: who decided, why, and what was missing. */
  override: z
    .strictObject({
      reason: text,
      approvers: z.array(text).min(2, 'at least two committee members'),
      missing: z.array(z.strictObject({ round: z.int().positive(), role: text, name: text.optional() })).min(1, 'what was missing'),
    })
    .optional(),
});

export type SealOverride = NonNullable<z.infer<typeof sealedPayloadShape>['override']>;

export interface SealedRound {
  number: number;
  kind: RoundKind;
  record: CerRecord;
  result: CerResult;
  recordHash: string;
  resultHash: string;
  signedHead?: { count: number; hash: string };
}

export type Signoff = z.infer<typeof sealedPayloadShape>['signoffs'][number];

export interface SealedPayload {
  format: typeof SEALED_PAYLOAD_FORMAT;
  sealedAt: string;
  station: { fingerprint: string; publicKey: string };
  election: Record<string, z.core.util.JSONType>;
  rounds: SealedRound[];
  signoffs: Signoff[];
  auditHead: { count: number; hash: string };
  sequence?: number;
  supersedes?: string;
  override?: SealOverride;
}

/** The outer file. Its bytes are exactly `renderSealedFile` of these fields, one per line (see docs/sealed-file.md). */
export const sealedFileShape = z.strictObject({
  format: z.literal(SEALED_FILE_FORMAT),
  payload: z.string(),
  signature: z.string(),
  publicKey: z.string(),
});
export type SealedFileFields = z.infer<typeof sealedFileShape>;
