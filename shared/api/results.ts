import { z } from 'zod';
import { committeeApproval, typedPin } from '../domain/authority';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { BODIES, cerRecordShape, METHODS, ROUND_KINDS } from '../record/cer';
import { cerResult, nextStep, personResult, problem } from '../record/cer-result';
import { announcementView, electionFactsView } from './announcement';
import { roundCandidatesContract } from './round-candidates';

/** Results, later rounds, the election's standing, sign-offs and the tally sheet. */

const roundNumber = z.int().positive();
const personId = z.int().positive();
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const gender = z.enum(['female', 'male']).nullable();

export const SIGNOFF_ROLES = ['chief-scrutineer', 'scrutineer', 'caller', 'counter', 'chief-counter', 'committee-chair'] as const;
export const signoffRole = z.enum(SIGNOFF_ROLES);

export const roundResultView = z.strictObject({
  round: roundNumber,
  kind: z.enum(ROUND_KINDS),
  record: cerRecordShape,
  result: cerResult,
  recordHash: sha256,
  resultHash: sha256,
  computedAt: answerText,
});
export type RoundResultView = z.infer<typeof roundResultView>;

export const standingView = z.strictObject({
  rounds: z.array(
    z.strictObject({ number: roundNumber, kind: z.enum(ROUND_KINDS), status: answerText, resultHash: sha256.nullable(), valid: z.boolean().nullable() }),
  ),
  offices: z.array(
    z.strictObject({
      office: answerText,
      title: answerText,
      rank: z.int(),
      seats: z.int(),
      elected: z.array(z.strictObject({ name: answerText, round: roundNumber, gender })),
      vacant: z.int(),
    }),
  ),
  electedTotal: z.int(),
  /** The committee minimum in force: the rule profile's minCommittee, at most the number of seats. */
  minCommittee: z.int(),
  minimumMet: z.boolean(),
  /** Residents' committee with its rank-1 office vacant: who acts as chair. */
  acting: z.strictObject({ name: answerText, office: answerText }).nullable(),
  requireWoman: z.boolean(),
  womanElected: z.boolean(),
  /** requireWoman and nobody elected so far is a woman. */
  womenWarning: z.boolean(),
  /** Next steps of every result, with the round created for each (null: not created yet). */
  nextSteps: z.array(nextStep.extend({ fromRound: roundNumber, round: roundNumber.nullable() })),
  /** Required next steps still without a round, or a round whose result is not computed yet. */
  outstanding: z.int(),
});
export type StandingView = z.infer<typeof standingView>;

export const signoffView = z.strictObject({
  id: z.int(),
  round: roundNumber,
  person: personId,
  name: answerText,
  role: signoffRole,
  resultHash: sha256,
  signedAt: answerText,
  revoked: z.strictObject({ at: answerText, reason: answerText }).nullable(),
});
export type SignoffView = z.infer<typeof signoffView>;

export const tallySheetView = z.strictObject({
  election: electionFactsView,
  round: z.strictObject({ number: roundNumber, kind: z.enum(ROUND_KINDS), status: answerText }),
  counts: z.strictObject({
    registered: z.int(),
    participants: z.int(),
    ballotsIssued: z.int(),
    spoiled: z.int(),
    /** Ballots taken out of the boxes (every ballot cast, void ones included). */
    collected: z.int(),
    valid: z.int(),
    void: z.int(),
  }),
  boxes: z.array(
    z.strictObject({ box: answerText, name: answerText, issued: z.int(), found: z.int().nullable(), difference: z.int().nullable(), status: answerText }),
  ),
  valid: z.boolean(),
  problems: z.array(problem),
  offices: z.array(
    z.strictObject({
      office: answerText,
      title: answerText,
      seats: z.int(),
      threshold: z.int(),
      voidSections: z.int(),
      results: z.array(personResult),
      elected: z.array(answerText),
      vacant: z.int(),
    }),
  ),
  acting: z.strictObject({ name: answerText, office: answerText }).nullable(),
  nextSteps: z.array(nextStep),
  standing: standingView,
  officials: z.array(
    z.strictObject({
      person: personId,
      name: answerText,
      role: signoffRole,
      roleName: z.strictObject({ zh: answerText, en: answerText }),
      signed: z.strictObject({ at: answerText, resultHash: sha256, current: z.boolean() }).nullable(),
    }),
  ),
  revokedSignoffs: z.array(
    z.strictObject({ name: answerText, role: signoffRole, signedAt: answerText, revokedAt: answerText, reason: answerText }),
  ),
  recordHash: sha256,
  resultHash: sha256,
  station: z.strictObject({ fingerprint: sha256, fingerprintShort: answerText }),
  /** The audit head at the round's last sign-off in force (null before anyone signs); the sealed file carries the same. */
  signedHead: z.strictObject({ count: z.int(), hash: sha256 }).nullable(),
  generatedAt: answerText,
});
/** Everything the printed tally sheet of a round states (DOMAIN.md §8), in one call. */
export type TallySheetView = z.infer<typeof tallySheetView>;

const byRound = z.strictObject({ round: roundNumber });

export const resultsContract = {
  /** Computes (or confirms) the round's result from the database through the shared rules engine, and stores it. */
  computeResults: { input: byRound, output: roundResultView },
  /** The stored result, or null when none is stored (or it went stale after a counting change). */
  storedResult: { input: byRound, output: roundResultView.nullable() },
  /** Only the stored result's hash (null: none stored): a display asks this and reads the result again only when it changed. */
  storedResultHash: { input: byRound, output: z.strictObject({ resultHash: sha256.nullable() }) },
  /** The exact cer/1 record of the stored result (computed first if needed). */
  exportRecord: { input: byRound, output: cerRecordShape },
  /** Creates the next round from a result's next steps (tie re-vote or supplementary), with offices, seats and persons filled in. */
  createNextRound: {
    input: z.strictObject({
      fromRound: roundNumber,
      kind: z.enum(['tie-revote', 'supplementary']),
      /** A committee member's approval: needed where the law leaves the round to the committee's decision. */
      approval: committeeApproval.optional(),
      note: text(TEXT_LIMITS.note, { lines: true }).trim().min(1).optional(),
    }),
    output: z.strictObject({ number: roundNumber, kind: z.enum(ROUND_KINDS), status: answerText, createdAt: answerText }),
  },
  ...roundCandidatesContract,
  /** Who is elected to what across rounds, vacancies, the committee minimum, the acting chair, the women warning. */
  electionStanding: { input: z.strictObject({}), output: standingView },
  /**
   * The signed-in person signs the round's result as themself, in a role they hold, re-typing their own PIN;
   * `resultHash` is the hash the signer was shown.
   */
  signResult: {
    input: z.strictObject({ round: roundNumber, role: signoffRole, pin: typedPin, resultHash: sha256.optional() }),
    output: signoffView,
  },
  listSignoffs: { input: byRound, output: z.array(signoffView) },
  /**
   * Reopens a round's count: revokes every signature of that round with the reason, approved by committee members'
   * PINs (two for a sealed round).
   */
  reopenCount: {
    input: z.strictObject({ round: roundNumber, reason, approvals: z.array(committeeApproval).max(3) }),
    output: z.strictObject({ revoked: z.array(signoffView) }),
  },
  /** Everything the printed tally sheet states (DOMAIN.md §8). */
  tallySheet: { input: byRound, output: tallySheetView },
  /** The results announcement and the certificates of election, from the stored results only. */
  resultAnnouncement: { input: z.strictObject({}), output: announcementView },
} as const;

export type ResultsContract = typeof resultsContract;
