import { z } from 'zod';
import { isWellFormed, TEXT_LIMITS } from '../../../shared/domain/text';
import { CUSTODY_STEPS } from '../../../shared/domain/custody';

export const RETURN_FORMAT = 'cer-station-return/1';
export const RETURN_PAYLOAD_FORMAT = 'cer-station-return-payload/1';
/** A return of 50,000 issuances is about 8 MB. */
export const RETURN_MAX_BYTES = 64 * 1024 * 1024;
export const RETURN_WHAT = { zh: '投票站回执', en: 'the station return' };

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const str = (max: number) => z.string().max(max).refine(isWellFormed, 'not well-formed Unicode');
const id = str(TEXT_LIMITS.name).min(1);
const count = z.int().nonnegative();
const round = z.int().positive();
const at = z.iso.datetime({ offset: true });

/**
 * A station's return (docs/stations.md): everything its desks did so far, not only what is new, so a lost return
 * loses nothing; `chain` lists the payload hashes of every return it wrote before, so the central laptop can tell
 * a return that extends the last one it imported from one that does not.
 */
export const returnPayloadShape = z.strictObject({
  format: z.literal(RETURN_PAYLOAD_FORMAT),
  writtenAt: at,
  /** True for the return written at the close; earlier ones are turnout reports. */
  closing: z.boolean(),
  election: z.strictObject({ id: sha256, title: str(TEXT_LIMITS.title) }),
  station: z.strictObject({ id, kind: z.enum(['venue', 'mobile-box']), name: str(TEXT_LIMITS.name) }),
  /** The payload hash of the package the station was opened from, and the central key that signed it. */
  package: sha256,
  central: sha256,
  sequence: z.int().positive(),
  chain: z.array(sha256),
  auditHead: z.strictObject({ count, hash: sha256 }),
  /** Each takeover of the station by a replacement laptop, in order: the old key and the new (absent when none). */
  takeovers: z.array(z.strictObject({ at, from: sha256, to: sha256 })).optional(),
  boxes: z.array(z.strictObject({ box: id, round, received: count, issued: count, spoiled: count, returned: count })),
  issuances: z.array(
    z.strictObject({
      certificate: z.string().regex(/^\d{8}$/, 'a certificate number is 8 digits'),
      round,
      box: id,
      desk: id,
      at,
      trustee: z.string().regex(/^\d{8}$/).nullable(),
      helper: z.int().positive().nullable(),
      actor: str(TEXT_LIMITS.title).nullable(),
    }),
  ),
  stock: z.array(z.strictObject({ box: id, round, kind: z.enum(['received', 'returned-unused']), count: z.int().positive(), at, actor: str(TEXT_LIMITS.title).nullable() })),
  custody: z.array(
    z.strictObject({
      box: id,
      round,
      seq: z.int().positive(),
      step: z.enum(CUSTODY_STEPS),
      at,
      byPerson: z.int().positive().nullable(),
      seals: str(TEXT_LIMITS.note * 4).nullable(),
      sealIntact: z.union([z.literal(0), z.literal(1)]).nullable(),
      flagged: z.union([z.literal(0), z.literal(1)]),
      carriers: str(TEXT_LIMITS.note * 4).nullable(),
      decision: z.enum(['open', 'set-aside']).nullable(),
      decidedBy: str(TEXT_LIMITS.note).nullable(),
      note: str(TEXT_LIMITS.note).nullable(),
    }),
  ),
});
export type ReturnPayload = z.infer<typeof returnPayloadShape>;
