import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { REPRESENTATIVE_LIMITS } from '../domain/representatives';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/**
 * Representative elections (居民代表, issue 12): the representatives list (every one a voter on the roll), the
 * community's household count and the minimum it sets. Writes are committee decisions (a member's PIN once the
 * election has its first PIN), allowed until round 1 opens, and may be re-sent.
 */

const certificateText = text(40).min(1, 'certificate number must not be empty');
const approval = committeeApproval.optional();
const count = z.int().nonnegative();

export const representativeView = z.object({
  certificate: answerText,
  name: answerText,
  group: answerText,
  gender: z.enum(['female', 'male']),
  source: z.enum(['import', 'screen']),
});
export type RepresentativeView = z.infer<typeof representativeView>;

const changed = z.object({ certificate: answerText, name: answerText, group: answerText });

export const representativesContract = {
  /** Whether the election is by representatives, the list's length per group and the minimum for the household count. */
  representativesStatus: {
    input: z.strictObject({}),
    output: z.object({
      applies: z.boolean(),
      count,
      households: z.int().nullable(),
      minimum: z.int().nullable(),
      /** null while the household count is not entered. */
      ok: z.boolean().nullable(),
      groups: z.array(z.object({ group: answerText, representatives: count, voters: count })),
      /** Changes are allowed until round 1 opens for voting. */
      open: z.boolean(),
    }),
  },
  listRepresentatives: {
    input: z.strictObject({ group: text(TEXT_LIMITS.name).trim().min(1).optional() }),
    output: z.array(representativeView),
  },
  addRepresentative: {
    input: z.strictObject({ certificate: certificateText, approval }),
    output: changed,
  },
  removeRepresentative: {
    input: z.strictObject({ certificate: certificateText, approval }),
    output: changed,
  },
  /** The community's household count (户数), which sets the minimum number of representatives. */
  setHouseholdCount: {
    input: z.strictObject({ households: z.int().positive().max(REPRESENTATIVE_LIMITS.households), approval }),
    output: z.object({ households: z.int(), minimum: z.int() }),
  },
  /**
   * A representatives file (CSV or XLSX) with a 身份证号 or 选民证号 column: every row must name a voter on the roll,
   * or nothing is written and every bad row comes back in ApiError.details.errors. Those already listed stay listed.
   */
  importRepresentatives: {
    input: z.strictObject({
      contentBase64: z
        .string()
        .min(1, 'the file is empty')
        .max(Math.ceil(REPRESENTATIVE_LIMITS.fileBytes / 3) * 4, `the file is larger than ${REPRESENTATIVE_LIMITS.fileBytes / 1024 / 1024} MB`),
      fileName: text(260).optional(),
      approval,
    }),
    output: z.object({ rows: count, added: count, alreadyListed: count }),
  },
} as const;

export type RepresentativesContract = typeof representativesContract;
