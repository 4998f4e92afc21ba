import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { COMMITTEE_POSITIONS, OFFICIAL_ROLES, RELATION_KINDS, committeeMemberInput, officialInput, pin, relativeInput } from '../domain/people';

const ok = z.strictObject({ ok: z.literal(true) });
const personId = z.int().positive();

export const personView = z.strictObject({
  id: personId,
  name: answerText,
  idNumber: answerText.nullable(),
  pinSet: z.boolean(),
  committee: z.strictObject({ position: z.enum(COMMITTEE_POSITIONS), left: z.boolean() }).nullable(),
  roles: z.array(z.strictObject({ role: z.enum(OFFICIAL_ROLES), venue: answerText.nullable() })),
  boxes: z.array(answerText),
  /** Why this person may not hold an official role (candidate, close relative of one); empty when eligible. */
  conflicts: z.array(answerText),
});
export type PersonView = z.infer<typeof personView>;

/** A declared close relative: "<relative> is the <relation> of <candidate>". */
export const relativeView = z.strictObject({
  candidate: answerText,
  relative: answerText,
  relation: z.enum(RELATION_KINDS),
  declaredAt: answerText,
});
export type RelativeView = z.infer<typeof relativeView>;

const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');

export const peopleContract = {
  listPeople: { input: z.strictObject({}), output: z.array(personView) },
  addCommitteeMember: { input: committeeMemberInput, output: z.strictObject({ id: personId }) },
  leaveCommittee: { input: z.strictObject({ person: personId, reason }), output: ok },
  /** Registers a person (if new) with one or more official roles; refused for candidates and their close relatives. */
  addOfficial: { input: officialInput, output: z.strictObject({ id: personId }) },
  grantRole: {
    input: z.strictObject({ person: personId, role: z.enum(OFFICIAL_ROLES), venue: text(TEXT_LIMITS.name).min(1).optional() }),
    output: ok,
  },
  revokeRole: { input: z.strictObject({ person: personId, role: z.enum(OFFICIAL_ROLES), reason }), output: ok },
  declareRelative: { input: relativeInput, output: ok },
  /** Declared close relatives: "<relative> is the <relation> of <candidate>", by candidate. */
  listRelatives: {
    input: z.strictObject({}),
    output: z.array(relativeView),
  },
  /** Sets a person's PIN; changing an existing PIN needs the current one. */
  setPin: { input: z.strictObject({ person: personId, pin, currentPin: text(TEXT_LIMITS.name).optional() }), output: ok },
  checkPin: { input: z.strictObject({ person: personId, pin: text(TEXT_LIMITS.name) }), output: z.strictObject({ ok: z.boolean() }) },
} as const;

export type PeopleContract = typeof peopleContract;
