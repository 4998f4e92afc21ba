import { z } from 'zod';
import { idNumber } from '../domain/people';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { EDUCATIONS, POLITICAL_STATUSES } from '../record/cer';
import { factCorrections } from './setup';

/**
 * The candidates of a later round (tie re-vote, supplementary election) and their optional record facts. A person
 * who first stands in that round (a write-in person on a supplementary ballot, say) gets the same facts as a set-up
 * candidate, until the round opens; a set-up candidate of the office keeps the facts of the candidates form.
 */

const roundNumber = z.int().positive();

export const roundCandidateView = z.strictObject({
  id: answerText,
  office: answerText,
  title: answerText,
  name: answerText,
  gender: z.enum(['female', 'male']).nullable(),
  birthYear: z.int().nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
  /** Whether a person key is held (made from an ID number and the town's salt; neither is ever answered). */
  personKey: z.boolean(),
  /** A set-up candidate of this office: the facts shown are the candidates form's, not editable here. */
  setUp: z.boolean(),
});
export type RoundCandidateView = z.infer<typeof roundCandidateView>;

export const updateRoundCandidateInput = z
  .strictObject({
    round: roundNumber,
    /** As on the round's ballot (a later round's own ids are longer than set-up codes). */
    id: text(80).min(1),
    gender: z.enum(['female', 'male']).optional(),
    /** Only its person key is kept (with the town's salt), never the number. */
    idNumber: idNumber.optional(),
    ...factCorrections,
    /** Needed when a fact entered before is replaced or cleared. */
    reason: text(TEXT_LIMITS.note, { lines: true }).trim().min(1).optional(),
  })
  .refine((c) => ['gender', 'idNumber', 'birthYear', 'education', 'politicalStatus'].some((k) => c[k as keyof typeof c] !== undefined), {
    message: 'give a gender, ID number or record fact to enter',
  });
export type UpdateRoundCandidateInput = z.infer<typeof updateRoundCandidateInput>;

export const roundCandidatesContract = {
  /** A later round's candidates with their record facts (round 1's are the candidates form's). */
  roundCandidates: { input: z.strictObject({ round: roundNumber }), output: z.array(roundCandidateView) },
  /**
   * Enters or corrects the gender, ID number (kept as its person key) and record facts of a person who first stands
   * in a later round, while that round has not opened; audited with old and new values (never the ID number).
   */
  updateRoundCandidate: { input: updateRoundCandidateInput, output: roundCandidateView },
} as const;
