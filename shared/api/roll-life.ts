import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { isoDate } from '../domain/election';
import { CATEGORY_IDS } from '../domain/roll';
import { HOUSEHOLD_MAX } from '../domain/household';
import { REMOVAL_REASONS } from '../domain/roll-life';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/**
 * The roll's life until round 1 opens (issue 12): voters added, removed and corrected by committee decisions, the
 * eligible count for the 30% check, the publication date, and objections (申诉) with their deadlines and decisions.
 * Every write is a committee decision (a member's PIN once the election has its first PIN) and may be re-sent.
 */

const certificateText = text(40).min(1, 'certificate number must not be empty');
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');
const approval = committeeApproval.optional();
const count = z.int().nonnegative();
const place = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a venue or mobile box id');

/** What the committee may set on a voter; gender and birth date come from the ID number. */
export const voterFields = z.strictObject({
  name: text(TEXT_LIMITS.name).trim().min(1, 'a name is required'),
  idNumber: text(40).trim().min(1, 'an ID number is required'),
  group: text(TEXT_LIMITS.name).trim().min(1, "a residents' group is required"),
  category: z.enum(CATEGORY_IDS),
  address: text(TEXT_LIMITS.title).trim().optional(),
  /** 人户分离: what the committee saw (residence permit, rental contract …); required for that category. */
  proofNote: text(TEXT_LIMITS.note, { lines: true }).trim().optional(),
  /** The household number (户号); empty clears it. Checked and normalised by shared/domain/household.ts. */
  household: text(HOUSEHOLD_MAX * 2).trim().optional(),
  /** A Party members' meeting only: a probationary member (预备党员), who gets no certificate and no ballot. */
  probationary: z.boolean().optional(),
});
export type VoterFields = z.infer<typeof voterFields>;

export const newVoter = voterFields.extend({
  /** The venue or mobile box they vote at; the central venue when left out. */
  station: place.optional(),
});
export const voterCorrection = voterFields.partial();
export type VoterCorrection = z.infer<typeof voterCorrection>;

export const removal = z.strictObject({
  reason: z.enum(REMOVAL_REASONS),
  /** Required for 'other'. */
  note: text(TEXT_LIMITS.note, { lines: true }).trim().optional(),
});

const voterSnapshot = z.object({
  name: answerText,
  idNumber: answerText,
  group: answerText,
  category: answerText,
  address: answerText.nullable(),
  proofNote: answerText.nullable(),
  household: answerText.nullable().optional(),
  /** Set (true) only for a probationary Party member. */
  probationary: z.literal(true).optional(),
});
export type VoterSnapshot = z.infer<typeof voterSnapshot>;

const changed = z.object({ certificate: answerText, name: answerText });

const publicationView = z.object({
  publishedOn: answerText,
  latest: answerText,
  late: z.boolean(),
  filingUntil: answerText,
});

export const objectionView = z.object({
  id: z.int(),
  filedBy: answerText,
  filedOn: answerText,
  about: changed.extend({ group: answerText, removed: z.boolean() }).nullable(),
  what: answerText,
  decision: z.enum(['upheld', 'rejected']).nullable(),
  decisionReason: answerText.nullable(),
  decidedOn: answerText.nullable(),
  decidedBy: z.array(answerText),
  /** The roll change the upheld objection carried out. */
  change: z.object({ kind: z.enum(['added', 'removed', 'corrected']), certificate: answerText, name: answerText }).nullable(),
  filedLate: z.boolean(),
  decideBy: answerText,
  daysLeft: z.int().nullable(),
  decisionLate: z.boolean(),
});
export type ObjectionView = z.infer<typeof objectionView>;

export const rollLifeContract = {
  /** Where the roll stands: registered and removed, the 30% check, the publication and the objections' deadlines. */
  rollStatus: {
    input: z.strictObject({}),
    output: z.object({
      electionDate: answerText,
      today: answerText,
      registered: count,
      removed: count,
      share: z.discriminatedUnion('applies', [
        z.object({ applies: z.literal(false) }),
        z.object({
          applies: z.literal(true),
          eligible: z.int().nullable(),
          registered: count,
          percent: z.number().optional(),
          ok: z.boolean().optional(),
        }),
      ]),
      latestPublication: answerText,
      publication: publicationView.nullable(),
      objections: z.object({ open: count, overdue: count }),
      /** Changes are allowed until round 1 opens for voting. */
      open: z.boolean(),
      /** 人户分离 registrations without a proof note (imported rolls carry none). */
      incomersWithoutProof: count,
    }),
  },
  addVoter: {
    input: z.strictObject({ voter: newVoter, approval, reason }),
    output: changed,
  },
  removeVoter: {
    input: z.strictObject({ certificate: certificateText, removal, approval }),
    output: changed,
  },
  correctVoter: {
    input: z.strictObject({ certificate: certificateText, change: voterCorrection, approval, reason }),
    output: changed.extend({ before: voterSnapshot, after: voterSnapshot }),
  },
  /** The committee's count of residents eligible to vote, for the 30% check of a direct election. */
  setEligibleCount: {
    input: z.strictObject({ eligible: z.int().positive().max(10_000_000), approval }),
    output: z.object({ eligible: z.int() }),
  },
  /** The committee marks the roll published on a date; the objection deadlines count from it. */
  publishRoll: {
    input: z.strictObject({ publishedOn: isoDate, approval }),
    output: publicationView,
  },
  listObjections: { input: z.strictObject({}), output: z.array(objectionView) },
  fileObjection: {
    input: z.strictObject({
      filedBy: text(TEXT_LIMITS.name).trim().min(1, 'who files the objection is required'),
      filedOn: isoDate,
      /** The voter it is about; left out: about the roll (someone missing from it, a wrong group …). */
      about: certificateText.optional(),
      what: text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'what the objection says is required'),
    }),
    output: z.object({ id: z.int() }),
  },
  /** The committee decides an objection; an upheld one may carry out its change to the roll in the same write. */
  decideObjection: {
    input: z.strictObject({
      objection: z.int().positive(),
      decision: z.enum(['upheld', 'rejected']),
      reason,
      decidedOn: isoDate,
      change: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('add'), voter: newVoter }),
          z.strictObject({ kind: z.literal('remove'), certificate: certificateText.optional(), note: removal.shape.note }),
          z.strictObject({ kind: z.literal('correct'), certificate: certificateText.optional(), change: voterCorrection }),
        ])
        .optional(),
      approval,
    }),
    output: objectionView,
  },
} as const;

export type RollLifeContract = typeof rollLifeContract;
