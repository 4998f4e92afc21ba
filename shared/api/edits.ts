import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { COMMITTEE_POSITIONS, committeeMemberInput } from '../domain/people';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { code } from '../domain/venue';
import { TIMELINE_STEPS } from '../domain/vote-timeline';

/**
 * Corrections and removals during set-up (issue 12, "edit and remove"): venues, boxes, desks, committee members and
 * officials, until round 1 opens for voting (refused after, with the reason); removing something another record
 * refers to is refused naming it. Each change is audited with the values before and after and the reason. Also the
 * reinstatement of a removed voter and the "before the vote" timeline.
 */

const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'say why (it goes into the audit log)');
const name = text(TEXT_LIMITS.name).trim().min(1, 'name must not be empty');
const personId = z.int().positive();
const ok = z.strictObject({ ok: z.literal(true) });
const removal = z.strictObject({ id: code, reason });

function atLeastOne<T extends Record<string, unknown>>(fields: (keyof T)[], message: string) {
  return [(o: T) => fields.some((f) => o[f] !== undefined), { message }] as const;
}

export const updateVenueInput = z.strictObject({ id: code, name, reason });
export const updateBoxInput = z
  .strictObject({ id: code, name: name.optional(), venue: code.optional(), reason })
  .refine(...atLeastOne<{ name?: string; venue?: string }>(['name', 'venue'], 'give a name or a venue to change'));
export const updateDeskInput = z
  .strictObject({ id: code, name: name.optional(), box: code.optional(), reason })
  .refine(...atLeastOne<{ name?: string; box?: string }>(['name', 'box'], 'give a name or a box to change'));
/** A committee member's or official's name, ID number, committee position, or the venue of their roles. */
export const updatePersonInput = z
  .strictObject({
    person: personId,
    name: name.optional(),
    idNumber: committeeMemberInput.shape.idNumber,
    position: z.enum(COMMITTEE_POSITIONS).optional(),
    venue: code.nullable().optional(),
    reason,
  })
  .refine(
    ...atLeastOne<{ name?: string; idNumber?: string; position?: string; venue?: string | null }>(
      ['name', 'idNumber', 'position', 'venue'],
      'give a name, ID number, position or venue to change',
    ),
  );
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const timelineView = z.strictObject({
  electionDate: answerText,
  today: answerText,
  publishedOn: answerText.nullable(),
  objections: z.strictObject({ filed: z.int(), open: z.int() }),
  steps: z.array(z.strictObject({ step: z.enum(TIMELINE_STEPS), due: answerText, done: z.boolean(), late: z.boolean() })),
});
export type TimelineView = z.infer<typeof timelineView>;

export const editsContract = {
  updateVenue: { input: updateVenueInput, output: ok },
  removeVenue: { input: removal, output: ok },
  updateBox: { input: updateBoxInput, output: ok },
  removeBox: { input: removal, output: ok },
  updateDesk: { input: updateDeskInput, output: ok },
  removeDesk: { input: removal, output: ok },
  updatePerson: { input: updatePersonInput, output: ok },
  /** Takes a committee member entered by mistake off the committee's list (leaveCommittee records a departure). */
  removeCommitteeMember: { input: z.strictObject({ person: personId, reason }), output: ok },
  /** Takes an official entered by mistake off every role and mobile-box team (revokeRole ends one role). */
  removeOfficial: { input: z.strictObject({ person: personId, reason }), output: ok },
  /** Undoes a removal from the roll (撤销除名) by a committee decision, until round 1 opens; in the voter's history. */
  reinstateVoter: {
    input: z.strictObject({ certificate: text(40).min(1, 'certificate number must not be empty'), reason, approval: committeeApproval.optional() }),
    output: z.object({ certificate: answerText, name: answerText }),
  },
  /** The "before the vote" timeline: each step's legal date from the election day, and what is done. */
  voteTimeline: { input: z.strictObject({}), output: timelineView },
} as const;

export type EditsContract = typeof editsContract;
