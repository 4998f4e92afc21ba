import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { code } from '../domain/venue';
import { HOUSEHOLD_MAX } from '../domain/household';
import { assignmentView } from './issuance';

/**
 * Voter certificates (选民证) printed in batches: the backend draws the chosen batch into a PDF file in the export
 * folder, ten cards to an A4 sheet, a sheet at a time (memory stays bounded whatever the roll size), while the
 * screen polls the progress and may cancel. One voter's certificate reprinted (lost or damaged) is recorded in the
 * audit log with the reason.
 */

const certificateText = text(40).trim().min(1, 'certificate number must not be empty');
const count = z.int().nonnegative();

/** Which certificates: the whole roll, a residents' group, the voters of a venue or of a mobile box, or a number range. */
export const certificateBatch = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('group'), group: text(TEXT_LIMITS.name).trim().min(1, 'a residents\' group is required') }),
  z.strictObject({ kind: z.literal('venue'), venue: code }),
  z.strictObject({ kind: z.literal('mobile-box'), box: code }),
  /** Certificate numbers from `from` to `to`, both included, in number order. */
  z.strictObject({ kind: z.literal('range'), from: certificateText, to: certificateText }),
  /** Household election: the one certificate of a household, by its household number (户号). */
  z.strictObject({ kind: z.literal('household'), household: text(HOUSEHOLD_MAX * 2).trim().min(1, 'a household number is required') }),
]);
export type CertificateBatch = z.infer<typeof certificateBatch>;

export const certificateCardView = z.object({
  name: answerText,
  group: answerText,
  certificate: answerText,
  assignment: assignmentView,
  /** Household election: the card is the household's (户号 and its members on the roll, in roll order). */
  household: z.object({ number: answerText, members: z.array(answerText) }).optional(),
});
export type CertificateCardView = z.infer<typeof certificateCardView>;

export const CERTIFICATE_PRINT_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const certificatePrintView = z.object({
  job: answerText,
  state: z.enum(CERTIFICATE_PRINT_STATES),
  /** Certificates drawn so far, of `total`. */
  done: count,
  total: count,
  sheets: count,
  /** Where the PDF is (or will be, once done): a file in the export folder. */
  path: answerText,
  bytes: count.nullable(),
  sha256: answerText.nullable(),
  /** Why it failed ("中文 / English"), for state 'failed'. */
  error: answerText.nullable(),
});
export type CertificatePrintView = z.infer<typeof certificatePrintView>;

const jobId = z.string().regex(/^[0-9a-f]{16}$/, 'a print job id as startCertificatePrint gave it');

export const certificatesContract = {
  /** What can be chosen: the residents' groups, venues and mobile boxes with their voters, and the number range. */
  certificateBatches: {
    input: z.strictObject({}),
    output: z.object({
      voters: count,
      groups: z.array(z.object({ group: answerText, voters: count })),
      venues: z.array(z.object({ id: answerText, name: answerText, voters: count })),
      mobileBoxes: z.array(z.object({ id: answerText, name: answerText, voters: count })),
      first: answerText.nullable(),
      last: answerText.nullable(),
      /** Party members excused from the registered count: left out of every batch (no certificate). */
      excused: count,
      /** Households the roll names (户号): the one-household batch is offered when there are any. */
      households: count,
    }),
  },
  /** A page of a batch's cards, in print order (the screen's preview). */
  certificateCards: {
    input: z.strictObject({ batch: certificateBatch, offset: z.int().nonnegative().default(0), limit: z.int().min(1).max(500).default(100) }),
    output: z.object({ total: count, cards: z.array(certificateCardView) }),
  },
  /**
   * Starts drawing a batch into a new PDF in the export folder and answers at once; one batch at a time. The card
   * texts are in `lang` (the screen's language). Recorded in the audit log when the file is complete.
   */
  startCertificatePrint: {
    input: z.strictObject({ batch: certificateBatch, lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    output: certificatePrintView,
  },
  certificatePrintProgress: { input: z.strictObject({ job: jobId }), output: certificatePrintView },
  /** Stops a running batch and removes its unfinished file; a batch already ended answers as it ended. */
  cancelCertificatePrint: { input: z.strictObject({ job: jobId }), output: certificatePrintView },
  /** One voter's certificate printed again (lost or damaged): recorded with the reason; answers the card to print. */
  recordCertificateReprint: {
    input: z.strictObject({
      certificate: certificateText,
      reason: text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required'),
    }),
    output: certificateCardView,
  },
} as const;
export type CertificatesContract = typeof certificatesContract;
