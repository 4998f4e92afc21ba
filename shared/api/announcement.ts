import { z } from 'zod';
import { answerText } from '../domain/text';
import { BODIES, METHODS, ROUND_KINDS } from '../record/cer';

const roundNumber = z.int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/**
 * What the results announcement (选举结果公告) and the certificates of election (当选证书) state, read from the stored
 * results only: who was elected to which office in which round with how many votes, the vacancies, and the result
 * hashes it was made from. Nothing in it is computed again.
 */
/** The election as every printed paper states it (the tally sheet, the announcement, the certificates). */
export const electionFactsView = z.strictObject({
  title: answerText,
  community: answerText,
  date: answerText,
  body: z.enum(BODIES),
  method: z.enum(METHODS),
  drill: z.boolean(),
});

export const announcementView = z.strictObject({
  election: electionFactsView,
  rounds: z.array(
    z.strictObject({
      number: roundNumber,
      kind: z.enum(ROUND_KINDS),
      registered: z.int().nonnegative(),
      participants: z.int().nonnegative(),
      valid: z.boolean(),
      resultHash: sha256,
    }),
  ),
  offices: z.array(
    z.strictObject({
      office: answerText,
      title: answerText,
      seats: z.int(),
      vacant: z.int(),
      elected: z.array(z.strictObject({ name: answerText, round: roundNumber, votes: z.int().nonnegative() })),
    }),
  ),
  electedTotal: z.int(),
  acting: z.strictObject({ name: answerText, office: answerText }).nullable(),
  /** Rounds without a stored result, or required later rounds not held yet: the announcement is not final. */
  outstanding: z.int(),
});
export type AnnouncementView = z.infer<typeof announcementView>;
