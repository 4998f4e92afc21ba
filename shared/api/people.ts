import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { COMMITTEE_POSITIONS, OFFICIAL_ROLES, RELATION_KINDS, committeeMemberInput, officialInput, relativeInput } from '../domain/people';
import { newPin, typedPin } from '../domain/authority';

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
  /**
   * Sets a person's PIN, typed by that person. A first PIN only while a committee member is signed in (or, for the
   * very first committee PIN of the election, while it is being set up); a change with the current PIN, or a reset
   * by a signed-in committee member (audited).
   */
  setPin: { input: z.strictObject({ person: personId, pin: newPin, currentPin: typedPin.optional() }), output: ok },
  /** Checks a PIN under the same lockout as sign-in (five wrong in a row lock the person). */
  checkPin: { input: z.strictObject({ person: personId, pin: typedPin }), output: z.strictObject({ ok: z.boolean() }) },
} as const;

export type PeopleContract = typeof peopleContract;
