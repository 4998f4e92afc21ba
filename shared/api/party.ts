import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { isoDate } from '../domain/election';
import { EXCUSAL_REASONS } from '../domain/party';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/**
 * The Party members' meeting (issue 12): the registered count explained (members − probationary − excused) and the
 * members excused from it, each with a reason, the town Party committee's and the meeting's approval and a
 * committee member's PIN; an excusal may be undone until round 1 opens. Every write may be re-sent.
 */

const certificateText = text(40).min(1, 'certificate number must not be empty');
const count = z.int().nonnegative();

const excusalView = z.object({
  id: z.int(),
  certificate: answerText,
  name: answerText,
  group: answerText,
  reason: z.enum(EXCUSAL_REASONS),
  note: answerText.nullable(),
  townApprovedBy: answerText,
  townApprovedOn: answerText,
  meetingApprovedOn: answerText,
  decidedBy: z.array(answerText),
  at: answerText,
  undone: z.object({ at: answerText, by: z.array(answerText), reason: answerText }).nullable(),
});
export type ExcusalView = z.infer<typeof excusalView>;

export const partyContract = {
  /** The Party meeting's registered count and its parts, the 4/5 threshold, and every excusal (undone ones too). */
  partyMeeting: {
    input: z.strictObject({}),
    output: z.object({
      /** False unless this election is a Party members' meeting with an imported roll. */
      applies: z.boolean(),
      members: count,
      probationary: count,
      excused: count,
      registered: count,
      /** The fewest participants that make more than 4/5 of the registered. */
      needed: count,
      /** Excusals may be added or undone until round 1 opens for voting. */
      open: z.boolean(),
      excusals: z.array(excusalView),
      probationaryMembers: z.array(z.object({ certificate: answerText, name: answerText, group: answerText })),
    }),
  },
  excuseMember: {
    input: z.strictObject({
      certificate: certificateText,
      reason: z.enum(EXCUSAL_REASONS),
      note: text(TEXT_LIMITS.note, { lines: true }).trim().optional(),
      /** Who approved for the town Party committee (镇党委), e.g. the committee and its document number. */
      townApprovedBy: text(TEXT_LIMITS.title).trim().min(1, "the town Party committee's approval is required"),
      townApprovedOn: isoDate,
      /** The day the members' meeting passed it. */
      meetingApprovedOn: isoDate,
      approval: committeeApproval.optional(),
    }),
    output: z.object({ id: z.int(), certificate: answerText, name: answerText }),
  },
  undoExcusal: {
    input: z.strictObject({
      id: z.int().positive(),
      reason: text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required'),
      approval: committeeApproval.optional(),
    }),
    output: z.object({ id: z.int(), certificate: answerText, name: answerText }),
  },
} as const;

export type PartyContract = typeof partyContract;
