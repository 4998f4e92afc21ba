import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { isoDate } from '../domain/election';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/**
 * Nomination to formal candidates (issue 12): applications (报名) and joint nominations (联名推荐) per office, the
 * preliminary list (初步候选人), the residents' representatives' meeting's nomination vote (its tally sheet entered per
 * nominee), edge ties decided by the committee, and the formal list (正式候选人) that, confirmed, becomes the
 * election's candidates, only before round 1 opens.
 */

export const NOMINATION_KINDS = ['application', 'joint'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];

/** Most nominators one joint nomination may list (a town's rule may ask 50 residents; far more is a typing slip). */
export const MAX_NOMINATORS = 500;

const certificateText = text(40).trim().min(1, 'certificate number must not be empty');
const officeId = text(32).min(1, 'an office id is required');
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');
const count = z.int().nonnegative().max(1_000_000);

export const nominationView = z.object({
  id: z.int(),
  kind: z.enum(NOMINATION_KINDS),
  name: answerText,
  certificate: answerText,
  group: answerText,
  gender: z.enum(['female', 'male']),
  nominators: z.int(),
  preliminary: z.boolean(),
  votes: z.int().nullable(),
});
export type NominationView = z.infer<typeof nominationView>;

export const officeNominations = z.object({
  office: answerText,
  title: answerText,
  rank: z.int(),
  seats: z.int(),
  margin: z.object({ min: z.int(), max: z.int().nullable() }),
  /** In surname stroke order. */
  nominations: z.array(nominationView),
  vote: z.object({ heldOn: answerText, present: z.int(), ballots: z.int(), formalCount: z.int() }).nullable(),
  /** From the vote: nomination ids; `formal` includes the tie decision once made. */
  outcome: z
    .object({
      formal: z.array(z.int()),
      tied: z.array(z.int()),
      tieSeats: z.int(),
      tieDecided: z.boolean(),
      short: z.int(),
    })
    .nullable(),
});
export type OfficeNominations = z.infer<typeof officeNominations>;

export const nominationOverview = z.object({
  electionDate: answerText,
  /** Fewest voters a joint nomination needs. */
  jointNominators: z.int(),
  offices: z.array(officeNominations),
  formalList: z.object({
    /** The last day the formal list may be posted: 5 days before the vote. */
    latest: answerText,
    publishedOn: answerText.nullable(),
    confirmedAt: answerText.nullable(),
    confirmedBy: z.array(answerText),
  }),
});
export type NominationOverview = z.infer<typeof nominationOverview>;

export const nominationContract = {
  nominationOverview: { input: z.strictObject({}), output: nominationOverview },
  /** The committee's rule for joint nominations: how many voters at least (seed 004: 10 Party members, 50 residents). */
  setJointNominators: {
    input: z.strictObject({ jointNominators: z.int().min(2).max(MAX_NOMINATORS) }),
    output: z.object({ jointNominators: z.int() }),
  },
  /**
   * An application (the nominee applies, no nominators) or a joint nomination (nominators by certificate, each on
   * the roll and not removed, at least the rule's number, none listed twice; a voter joins at most as many
   * nominations for one office as it has seats).
   */
  recordNomination: {
    input: z.strictObject({
      office: officeId,
      kind: z.enum(NOMINATION_KINDS),
      nominee: certificateText,
      nominators: z.array(certificateText).max(MAX_NOMINATORS).default([]),
    }),
    output: z.object({ id: z.int() }),
  },
  /** The preliminary list of an office: which nominations stand in the nomination vote. */
  setPreliminaryList: {
    input: z.strictObject({ office: officeId, nominations: z.array(z.int().positive()).max(200) }),
    output: officeNominations,
  },
  /**
   * The representatives' meeting's tally for one office: votes per preliminary nominee, the representatives present
   * and the ballots cast; formalCount within the margin (defaults to its minimum). Entered again, it replaces the
   * earlier tally (audited with both) and clears a tie decision.
   */
  recordNominationVote: {
    input: z.strictObject({
      office: officeId,
      heldOn: isoDate,
      present: count,
      ballots: count,
      formalCount: z.int().positive().max(200).optional(),
      votes: z.array(z.strictObject({ nomination: z.int().positive(), votes: count })).max(200),
    }),
    output: officeNominations,
  },
  /** The committee (a member's PIN) chooses the tied nominees who become formal candidates, with the reason. */
  decideNominationTie: {
    input: z.strictObject({ office: officeId, chosen: z.array(z.int().positive()).max(200), reason, approval: committeeApproval.optional() }),
    output: officeNominations,
  },
  /**
   * The committee (a member's PIN) confirms the formal list posted on `publishedOn` (at least 5 days before the
   * vote): the formal candidates replace the candidates of every office that held a nomination vote. Only before
   * round 1 opens.
   */
  confirmFormalList: {
    input: z.strictObject({ publishedOn: isoDate, approval: committeeApproval.optional() }),
    output: z.object({ candidates: z.int(), offices: z.int() }),
  },
  /**
   * Withdraws a recorded nomination, with the reason, before the office's preliminary list is set (refused after,
   * with the reason): it no longer counts, neither for the nominee nor against its nominators' limit.
   */
  withdrawNomination: {
    input: z.strictObject({ nomination: z.int().positive(), reason }),
    output: officeNominations,
  },
} as const;

export type NominationContract = typeof nominationContract;
