import { z } from 'zod';
import { COMMITTEE_POSITIONS, OFFICIAL_ROLES, RELATION_KINDS, committeeMemberInput, officialInput, pin, relativeInput } from '../domain/people';

const ok = z.strictObject({ ok: z.literal(true) });
const personId = z.int().positive();

export const personView = z.strictObject({
  id: personId,
  name: z.string(),
  idNumber: z.string().nullable(),
  pinSet: z.boolean(),
  committee: z.strictObject({ position: z.enum(COMMITTEE_POSITIONS), left: z.boolean() }).nullable(),
  roles: z.array(z.strictObject({ role: z.enum(OFFICIAL_ROLES), venue: z.string().nullable() })),
  boxes: z.array(z.string()),
  /** Why this person may not hold an official role (candidate, close relative of one); empty when eligible. */
  conflicts: z.array(z.string()),
});
export type PersonView = z.infer<typeof personView>;

/** A declared close relative: "<relative> is the <relation> of <candidate>". */
export const relativeView = z.strictObject({
  candidate: z.string(),
  relative: z.string(),
  relation: z.enum(RELATION_KINDS),
  declaredAt: z.string(),
});
export type RelativeView = z.infer<typeof relativeView>;

const reason = z.string().trim().min(1, 'a reason is required').max(500);

export const peopleContract = {
  listPeople: { input: z.strictObject({}), output: z.array(personView) },
  addCommitteeMember: { input: committeeMemberInput, output: z.strictObject({ id: personId }) },
  leaveCommittee: { input: z.strictObject({ person: personId, reason }), output: ok },
  /** Registers a person (if new) with one or more official roles; refused for candidates and their close relatives. */
  addOfficial: { input: officialInput, output: z.strictObject({ id: personId }) },
  grantRole: {
    input: z.strictObject({ person: personId, role: z.enum(OFFICIAL_ROLES), venue: z.string().min(1).optional() }),
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
  setPin: { input: z.strictObject({ person: personId, pin, currentPin: z.string().optional() }), output: ok },
  checkPin: { input: z.strictObject({ person: personId, pin: z.string() }), output: z.strictObject({ ok: z.boolean() }) },
} as const;

export type PeopleContract = typeof peopleContract;
