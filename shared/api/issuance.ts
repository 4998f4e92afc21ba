import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { CATEGORY_IDS, GENDERS, ROLL_MAX_BYTES } from '../domain/roll';
import { committeeApproval } from '../domain/authority';
import { REMOVAL_REASONS } from '../domain/roll-life';

/**
 * The roll, proxies, desks, ballot stock, issuance and turnout part of the API contract. Refusals come back as
 * ApiError bodies (code 'refused', 'not-found' or 'invalid-input') whose `details` match `issuanceRefusal` below, so
 * the desk can show when/where a certificate was used or where its voter is assigned.
 */

const code = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only');
const certificateText = text(40).min(1, 'certificate number must not be empty');
const roundNumber = z.int().positive();
const personId = z.int().positive();
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');
const count = z.int().nonnegative();

export const rollEncodingChoice = z.enum(['auto', 'utf8', 'gbk']);

export const rollErrorView = z.object({
  line: z.int(),
  column: answerText,
  field: answerText.nullable(),
  code: answerText,
  zh: answerText,
  en: answerText,
});
export type RollErrorView = z.infer<typeof rollErrorView>;

export const assignmentView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('venue'), id: answerText, name: answerText }),
  z.object({ kind: z.literal('mobile-box'), id: answerText, name: answerText, venue: answerText }),
]);
export type AssignmentView = z.infer<typeof assignmentView>;

export const assignmentTarget = z.union([
  z.strictObject({ venue: code }),
  z.strictObject({ mobileBox: code }),
]);
export type AssignmentTarget = z.infer<typeof assignmentTarget>;

const personRef = z.object({ name: answerText, group: answerText });

export const issuedWhere = z.object({
  round: z.int(),
  at: answerText,
  venue: answerText,
  venueName: answerText,
  box: answerText,
  boxName: answerText,
  desk: answerText,
  proxy: z.boolean(),
});
export type IssuedWhere = z.infer<typeof issuedWhere>;

export const voterView = z.object({
  name: answerText,
  group: answerText,
  gender: z.enum(GENDERS),
  category: z.enum(CATEGORY_IDS),
  certificate: answerText,
  assignment: assignmentView,
  /** The approved proxy this voter gave (their certificate is with the trustee). */
  proxyTo: personRef.extend({ certificate: answerText }).nullable(),
  /** How many voters gave this voter a proxy. */
  trusteeFor: z.int(),
  issued: z.array(issuedWhere),
});
export type VoterView = z.infer<typeof voterView>;

const historyEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registered'), at: answerText, fileName: answerText.nullable(), line: z.int() }),
  /** A committee decision changing the roll (issue 12): values before and after, the reason, the objection carried out. */
  z.object({
    kind: z.enum(['added', 'removed', 'corrected', 'reinstated']),
    at: answerText,
    before: z.record(answerText, answerText.nullable()).nullable(),
    after: z.record(answerText, answerText.nullable()).nullable(),
    reason: answerText,
    /** A removal's reason (then `reason` is the note, or this code when there is none). */
    removal: z.enum(REMOVAL_REASONS).nullable(),
    objection: z.int().nullable(),
    decidedBy: z.array(answerText),
  }),
  z.object({
    kind: z.literal('reassigned'),
    at: answerText,
    from: assignmentView,
    to: assignmentView,
    decidedBy: answerText.nullable(),
    reason: answerText,
  }),
  z.object({ kind: z.literal('proxy-given'), at: answerText, trustee: personRef, approvedBy: answerText }),
  z.object({ kind: z.literal('proxy-revoked'), at: answerText, trustee: personRef, reason: answerText }),
  z.object({ kind: z.literal('proxy-held'), at: answerText, voter: personRef, revokedAt: answerText.nullable() }),
  issuedWhere.omit({ proxy: true }).extend({
    kind: z.literal('issued'),
    /** A proxy ballot: the trustee who received it. */
    trustee: personRef.nullable(),
    assistedBy: answerText.nullable(),
  }),
]);
export type VoterHistoryEvent = z.infer<typeof historyEvent>;

export const voterHistoryView = z.object({
  voter: voterView.pick({ name: true, group: true, gender: true, category: true, certificate: true, assignment: true }).extend({
    /** When the committee removed the voter from the roll (they stay listed for history). */
    removedAt: answerText.nullable().optional(),
  }),
  events: z.array(historyEvent),
});
export type VoterHistoryView = z.infer<typeof voterHistoryView>;

/** Why the desk did not issue a ballot (ApiError.details). */
export const issuanceRefusal = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('bad-certificate'), problem: z.enum(['empty', 'not-digits', 'wrong-length', 'bad-check-digit']) }),
  z.object({ reason: z.literal('unknown-certificate'), certificate: answerText }),
  z.object({ reason: z.literal('removed-from-roll'), certificate: answerText }),
  // reps: an election by residents' representatives gives ballots to representatives only
  z.object({ reason: z.literal('not-a-representative'), certificate: answerText }),
  /** A Party meeting: a probationary member (no vote), or a member excused from the registered count. */
  z.object({ reason: z.enum(['probationary-member', 'excused-member']), certificate: answerText }),
  z.object({ reason: z.literal('already-issued'), first: issuedWhere }),
  z.object({ reason: z.literal('wrong-venue'), assigned: assignmentView, here: z.object({ venue: answerText, box: answerText }) }),
  z.object({ reason: z.literal('proxy-trustee-required'), trustee: personRef }),
  z.object({ reason: z.literal('trustee-mismatch'), trustee: personRef }),
  z.object({ reason: z.literal('no-approved-proxy') }),
  z.object({ reason: z.literal('round-not-voting'), status: answerText }),
  z.object({ reason: z.literal('box-not-open'), box: answerText, lastStep: answerText.nullable() }),
  z.object({ reason: z.literal('no-ballots-left'), box: answerText, received: z.int(), issued: z.int(), spoiled: z.int() }),
  z.object({ reason: z.literal('not-a-writing-helper'), person: z.int() }),
  /** A late re-send of an issuance that was undone at the desk since: not issued again. */
  z.object({ reason: z.literal('issue-undone') }),
  /** Household election: another member already received this round's ballot for the household. */
  z.object({ reason: z.literal('household-voted'), household: answerText, by: z.object({ name: answerText, certificate: answerText }), first: issuedWhere }),
  /** Household election: the voter's entry has no household number. */
  z.object({ reason: z.literal('household-missing') }),
]);
export type IssuanceRefusal = z.infer<typeof issuanceRefusal>;

export const issueInput = z.strictObject({
  certificate: certificateText,
  round: roundNumber,
  desk: code,
  /** For a proxy ballot: the trustee's own certificate, confirming the trustee is the one at the desk. */
  trusteeCertificate: certificateText.optional(),
  /** Assisted writing: the writing-helper official who will help (never what is written). */
  helper: personId.optional(),
});
export type IssueInput = z.infer<typeof issueInput>;

export const issuedOutput = z.object({
  voter: personRef,
  certificate: answerText,
  round: z.int(),
  box: answerText,
  desk: answerText,
  at: answerText,
  proxy: z.boolean(),
  trustee: personRef.nullable(),
  assisted: z.boolean(),
});
export type IssuedOutput = z.infer<typeof issuedOutput>;

export const boxStockView = z.object({
  box: answerText,
  boxName: answerText,
  kind: z.enum(['central', 'station', 'mobile']),
  venue: answerText,
  round: z.int(),
  received: count,
  issued: count,
  spoiled: count,
  unusedReturned: count,
  /** Blank ballots the desk should still hold: received − issued − spoiled − returned. */
  inHand: z.int(),
  /** After unused ballots were returned: whether received = issued + spoiled + unused returned. */
  balanced: z.boolean().nullable(),
});
export type BoxStockView = z.infer<typeof boxStockView>;

export const turnoutView = z.object({
  round: z.int(),
  registered: count,
  participants: count,
  proxyBallots: count,
  assisted: count,
  quorum: z.object({ met: z.boolean(), needed: count, rule: z.object({ zh: answerText, en: answerText }) }),
  /** A Party meeting counted from its roll: registered = members − probationary − excused. */
  party: z.object({ members: count, probationary: count, excused: count }).optional(),
  /**
   * With the figures phoned in from stations whose return has not arrived (docs/stations.md): shown marked as
   * provisional, never added to `participants`; each station's figure counts only beyond what is counted from it.
   */
  provisional: z.object({
    participants: count,
    quorumMet: z.boolean(),
    stations: z.array(z.object({ station: answerText, name: answerText, round: z.int(), count, phonedAt: answerText, extra: count })),
  }),
  byVenue: z.array(z.object({ venue: answerText, name: answerText, assigned: count, issued: count })),
  byMobileBox: z.array(z.object({ box: answerText, name: answerText, assigned: count, issued: count })),
  /** Ballots issued at each desk (set-up desks and each box's implicit desk), from the issuance records. */
  byDesk: z.array(z.object({ desk: answerText, name: answerText, box: answerText, issued: count })),
  boxes: z.array(boxStockView),
});
export type TurnoutView = z.infer<typeof turnoutView>;

export const importRollInput = z.strictObject({
  /** The file's bytes, base64 (the shell's open dialog gives them so). */
  contentBase64: z
    .string()
    .min(1, 'the file is empty')
    .max(Math.ceil(ROLL_MAX_BYTES / 3) * 4, `the file is larger than ${ROLL_MAX_BYTES / 1024 / 1024} MB`),
  fileName: text(260).optional(),
  encoding: rollEncodingChoice.default('auto'),
  /** Digits put in front of generated certificate numbers (0–3 digits; fixed by the first import that generates). */
  certificatePrefix: z.string().regex(/^\d{0,3}$/, 'prefix: 0 to 3 digits').optional(),
  /** Initial assignment: the venue of each residents' group; everyone else goes to `default` (the central venue). */
  assign: z
    .strictObject({ default: code.optional(), byGroup: z.record(text(TEXT_LIMITS.name), code).optional() })
    .optional(),
  /** Check everything (file and database) and answer with a preview, writing nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportRollInput = z.infer<typeof importRollInput>;

export const importRollOutput = z.object({
  importId: z.int(),
  imported: count,
  generatedCertificates: count,
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf8', 'gbk']).nullable(),
  ignoredColumns: z.array(answerText),
  sha256: answerText,
  /** Set for a dry run: nothing was written (importId is 0); `preview` shows the first rows as they would be imported. */
  dryRun: z.boolean().optional(),
  preview: z
    .array(z.object({ line: z.int(), name: answerText, group: answerText, category: answerText, certificate: answerText.nullable() }))
    .optional(),
});
export type ImportRollOutput = z.infer<typeof importRollOutput>;

export const issuanceContract = {
  /** Imports the whole roll or nothing; bad rows come back in ApiError.details.errors (every one of them). */
  importRoll: { input: importRollInput, output: importRollOutput },
  /**
   * The roll, a page at a time, in roll order (for printing certificates and checking the roll). `search` finds a
   * name (any part), an ID number or a certificate number (exact, or the first digits of one); `assignment` keeps one
   * venue's or mobile box's voters; `status` keeps those to vote who were issued (or not yet) a ballot in `round`
   * (default 1); `electors` keeps only those to vote (in an election by representatives, the representatives).
   */
  listVoters: {
    input: z.strictObject({
      offset: z.int().nonnegative().default(0),
      limit: z.int().min(1).max(1000).default(200),
      group: text(TEXT_LIMITS.name).trim().min(1).optional(),
      search: text(40).trim().min(1).optional(),
      assignment: assignmentTarget.optional(),
      status: z.enum(['issued', 'not-issued']).optional(),
      round: roundNumber.optional(),
      /** Only those to vote in this election (the desk's lists): representatives where only they vote, no probationary or excused Party members. */
      electors: z.boolean().optional(),
    }),
    output: z.object({
      total: count,
      voters: z.array(
        z.object({
          name: answerText,
          group: answerText,
          gender: answerText,
          certificate: answerText,
          assignment: assignmentView,
          /** The rounds in which this voter has been issued a ballot. */
          issuedRounds: z.array(z.int()),
          /** Removed from the roll by the committee (kept for history). */
          removed: z.boolean().optional(),
          /** The household number (户号), when the roll gives one. */
          household: answerText.optional(),
        }),
      ),
    }),
  },
  /**
   * One voter's record, oldest first: on the roll, proxies given or held, reassignments, ballots issued (round,
   * time, place, desk, proxy, assisted writing). Never anything about what a ballot says.
   */
  voterHistory: { input: z.strictObject({ certificate: certificateText }), output: voterHistoryView },
  /** The residents' groups on the roll with their voter counts, for the filters and the assignment by group. */
  rollGroups: {
    input: z.strictObject({}),
    output: z.array(z.object({ group: answerText, voters: count, assignments: z.array(assignmentView) })),
  },
  /** What the desk sees for a certificate: voter, assignment, proxy, ballots already issued. */
  lookupCertificate: { input: z.strictObject({ certificate: certificateText }), output: voterView },
  rollSummary: {
    input: z.strictObject({}),
    output: z.object({
      voters: count,
      byCategory: z.record(answerText, count),
      byAssignment: z.array(z.object({ assignment: assignmentView, voters: count })),
    }),
  },
  /** Set-up (before any ballot is issued): every voter of a residents' group votes at this venue. */
  assignGroup: {
    input: z.strictObject({ group: text(TEXT_LIMITS.name).trim().min(1), venue: code }),
    output: z.object({ moved: count }),
  },
  /**
   * A committee decision moving one voter to another venue or onto/off a mobile box's approved list: a committee
   * member approves with their PIN (none while the election is still being set up, see shared/api/access.ts).
   */
  reassignVoter: {
    /**
     * `wholeHousehold`: in a household election, every member of the voter's household on the roll moves with them
     * (a household votes at one place: moving one member away from the others is refused).
     */
    input: z.strictObject({ certificate: certificateText, to: assignmentTarget, approval: committeeApproval.optional(), reason, wholeHousehold: z.boolean().optional() }),
    /** `moved`: how many voters moved (more than one for a whole household). */
    output: z.object({ from: assignmentView, to: assignmentView, moved: count.optional() }),
  },
  /** The approved mobile-box voter lists, for publication. */
  mobileLists: {
    input: z.strictObject({ box: code.optional() }),
    output: z.array(z.object({ box: answerText, name: answerText, voters: z.array(personRef) })),
  },
  /** A proxy the committee approved: a committee member's PIN typed at the moment. */
  approveProxy: {
    input: z.strictObject({ voter: certificateText, trustee: certificateText, approval: committeeApproval.optional() }),
    output: z.object({ voter: personRef, trustee: personRef, trusteeHolds: z.int(), proxyLimit: z.int() }),
  },
  revokeProxy: {
    input: z.strictObject({ voter: certificateText, approval: committeeApproval.optional(), reason }),
    output: z.object({ revoked: z.literal(true) }),
  },
  /** The approved proxies, for publication (names and groups, no ID numbers). */
  listProxies: {
    input: z.strictObject({}),
    output: z.array(z.object({ voter: personRef, trustee: personRef, approvedAt: answerText })),
  },
  addDesk: {
    input: z.strictObject({ id: code, name: text(TEXT_LIMITS.name).trim().min(1), box: code }),
    output: z.object({ id: answerText, box: answerText }),
  },
  listDesks: {
    input: z.strictObject({}),
    output: z.array(z.object({ id: answerText, name: answerText, box: answerText, implicit: z.boolean() })),
  },
  receiveBallots: {
    input: z.strictObject({ box: code, round: roundNumber, count: z.int().positive() }),
    output: boxStockView,
  },
  returnUnusedBallots: {
    input: z.strictObject({ box: code, round: roundNumber, count: z.int().positive() }),
    output: boxStockView,
  },
  ballotStock: { input: z.strictObject({ round: roundNumber }), output: z.array(boxStockView) },
  issueBallot: { input: issueInput, output: issuedOutput },
  /** Marks assisted writing on a ballot already issued (helper official only, never the content). */
  recordAssistedWriting: {
    input: z.strictObject({ certificate: certificateText, round: roundNumber, helper: personId }),
    output: z.object({ assisted: z.literal(true) }),
  },
  /**
   * A spoiled ballot taken back and voided, a new one handed out: spoiled +1, issued unchanged. Kept as a bare count
   * per box and round; the audit log gets the count when the box closes (services/spoiled.ts).
   */
  exchangeSpoiled: {
    input: z.strictObject({ round: roundNumber, desk: code }),
    output: boxStockView,
  },
  turnout: { input: z.strictObject({ round: roundNumber }), output: turnoutView },
  /**
   * Undoes the last ballot issued at a desk (a wrong voter, a slip of the scanner): a committee member approves with
   * their PIN and a reason is recorded. Only that desk's last issuance in a round open for voting, while its box is
   * still open; `certificate` is the one the desk shows as its last, so nothing else is undone. The voter may then
   * be issued a ballot again; the box's issued count goes back by one.
   */
  undoLastIssue: {
    input: z.strictObject({ round: roundNumber, desk: code, certificate: certificateText, approval: committeeApproval.optional(), reason }),
    output: z.object({ voter: personRef, certificate: answerText, round: z.int(), box: answerText, desk: answerText, stock: boxStockView }),
  },
  /**
   * Who has not voted yet in a round, counted per residents' group and per place (venue or mobile box), in one pass
   * over the roll; the names themselves come a page at a time from listVoters (status 'not-issued').
   */
  notVotedSummary: {
    input: z.strictObject({ round: roundNumber }),
    output: z.object({
      round: z.int(),
      voters: count,
      notVoted: count,
      byGroup: z.array(z.object({ group: answerText, voters: count, notVoted: count })),
      byPlace: z.array(z.object({ assignment: assignmentView, voters: count, notVoted: count })),
    }),
  },
} as const;
export type IssuanceContract = typeof issuanceContract;
