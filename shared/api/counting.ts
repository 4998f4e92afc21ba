import { z } from 'zod';
import { committeeApproval } from '../domain/authority';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { sectionMarks, VOID_REASONS } from '../record/cer';

/**
 * Counting: opening boxes, entering ballots as they are called, doubtful ballots and their rulings, corrections,
 * double entry. A ballot is entered as read; the rules engine (shared/rules) decides later what counts.
 */

const roundNumber = z.int().positive();
const boxId = text(TEXT_LIMITS.name).min(1, 'must not be empty');
const personId = z.int().positive();
const reason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'a reason is required');
const count = z.int().nonnegative();

export const SHEETS = ['A', 'B'] as const;
export type Sheet = (typeof SHEETS)[number];
export const sheet = z.enum(SHEETS);

/** Marks per office section, as in cer/1: office id → { for, against, writeIns }. */
export const ballotMarks = z.record(text(TEXT_LIMITS.name).min(1), sectionMarks);
export type BallotMarks = z.infer<typeof ballotMarks>;

/** What a caller reads out: marks, a whole ballot void with the reason, or doubtful for the committee to rule on. */
export const ballotContent = z.union([
  z.strictObject({ marks: ballotMarks }),
  z.strictObject({ void: z.enum(VOID_REASONS) }),
  z.strictObject({
    doubtful: z.strictObject({
      /** The marks as they can be read, if any (what counts if the committee rules the ballot valid as read). */
      marks: ballotMarks.optional(),
      /** What makes it doubtful. */
      note: reason,
    }),
  }),
]);
export type BallotContent = z.infer<typeof ballotContent>;

/** The committee's ruling on a doubtful ballot: count it with these marks, or void it. */
export const doubtfulRuling = z.union([
  z.strictObject({ marks: ballotMarks }),
  z.strictObject({ void: z.enum(VOID_REASONS) }),
]);
export type DoubtfulRuling = z.infer<typeof doubtfulRuling>;

export const ballotView = z.strictObject({
  box: answerText,
  sheet,
  position: z.int().positive(),
  content: ballotContent,
  ruling: z
    .strictObject({ decision: doubtfulRuling, by: personId, byName: answerText, reason: answerText })
    .nullable(),
});
export type BallotView = z.infer<typeof ballotView>;

export const boxCountView = z.strictObject({
  round: roundNumber,
  box: answerText,
  name: answerText,
  /** 'not-opened': no counting yet; 'counting': ballots being entered; 'accepted': the box's sequence is final. */
  status: z.enum(['not-opened', 'counting', 'accepted']),
  /** Ballots issued to this box in this round (from issuance). */
  issued: count,
  /** Ballots found in the box when opened (null until counted). */
  found: count.nullable(),
  /** found − issued (null until found is recorded): positive means more ballots in the box than issued. */
  difference: z.int().nullable(),
  sheets: z.array(z.strictObject({ sheet, counter: answerText.nullable(), entered: count })),
  doubtfulUnruled: count,
  corrections: count,
});
export type BoxCountView = z.infer<typeof boxCountView>;

export const disagreementView = z.strictObject({
  position: z.int().positive(),
  a: ballotContent.nullable(),
  b: ballotContent.nullable(),
});
export type DisagreementView = z.infer<typeof disagreementView>;

export const finishBoxOutput = z.strictObject({
  box: boxCountView,
  accepted: z.boolean(),
  /** Double entry: where the two sheets differ, ballot by ballot (empty once they agree). */
  disagreements: z.array(disagreementView),
});

export const ballotChangeView = z.strictObject({
  id: z.int(),
  box: answerText,
  sheet,
  position: z.int().positive(),
  kind: z.enum(['correction', 'settlement']),
  old: ballotContent.nullable(),
  new: ballotContent.nullable(),
  by: personId,
  byName: answerText,
  reason: answerText,
});
export type BallotChangeView = z.infer<typeof ballotChangeView>;

const boxRound = z.strictObject({ round: roundNumber, box: boxId });

/** The most ballots one read of a box's list answers (the screen reads the part of the list it shows). */
export const BALLOT_PAGE_MAX = 500;

/** A sheet's running tally (shared/rules/running-tally.ts), read once when the box is shown; entries add to it. */
export const runningTallyView = z.strictObject({
  offices: z.array(
    z.strictObject({
      id: answerText,
      title: answerText,
      seats: count,
      voidSections: count,
      persons: z.array(z.strictObject({ name: answerText, listed: z.boolean(), for: count, against: count })),
    }),
  ),
  ballots: count,
  voidBallots: count,
  pendingDoubtful: count,
});

export const boxTallyView = z.strictObject({
  sheet,
  tally: runningTallyView,
  /** The positions of the doubtful ballots not ruled yet, in order (the committee's list of work). */
  unruled: z.array(z.int().positive()),
  /** The election's reading rules, by which the screen adds each ballot entered afterwards. */
  rules: z.strictObject({ overvote: z.enum(['void-section', 'void-ballot']), samePersonInTwoOffices: z.enum(['void-ballot', 'count-higher-office']) }),
});
export type BoxTallyView = z.infer<typeof boxTallyView>;

export const countingContract = {
  countingSettings: { input: z.strictObject({}), output: z.strictObject({ doubleEntry: z.boolean() }) },
  /** Double entry on or off for the election; refused once any box has been opened for counting. */
  setDoubleEntry: { input: z.strictObject({ enabled: z.boolean() }), output: z.strictObject({ doubleEntry: z.boolean() }) },
  /** Opens a box for counting (records the custody step 'opened'); refused unless its seal has been checked. */
  openBox: { input: z.strictObject({ round: roundNumber, box: boxId }), output: boxCountView },
  /** The number of ballots taken out of the box, compared with the ballots issued to it. */
  recordBallotsFound: { input: z.strictObject({ round: roundNumber, box: boxId, found: count }), output: boxCountView },
  /**
   * Enters the next ballot as called. The signed-in counter is the sheet's counter; with double entry, each counter
   * enters on their own sheet (A or B).
   */
  enterBallot: {
    input: z.strictObject({
      round: roundNumber,
      box: boxId,
      sheet: sheet.optional(),
      ballot: ballotContent,
      /** The position this ballot should take; a re-send of it answers alreadyEntered (see shared/api/resend.ts). */
      position: z.int().positive().optional(),
    }),
    /** `ballot`: the ballot as stored at that position, so the screen shows it and adds it to its tally without a reload. */
    output: z.strictObject({ box: answerText, sheet, position: z.int().positive(), alreadyEntered: z.boolean(), ballot: ballotView }),
  },
  /**
   * Replaces an entered ballot; the old and new versions, who (the signed-in person) and why are recorded. Once the
   * box was accepted, a committee member approves with their PIN.
   */
  correctBallot: {
    input: z.strictObject({
      round: roundNumber,
      box: boxId,
      sheet: sheet.optional(),
      position: z.int().positive(),
      ballot: ballotContent,
      reason,
      approval: committeeApproval.optional(),
    }),
    output: ballotView,
  },
  /** The committee's ruling on a doubtful ballot, approved by a sitting committee member's PIN, with the reason. */
  ruleDoubtful: {
    input: z.strictObject({
      round: roundNumber,
      box: boxId,
      position: z.int().positive(),
      ruling: doubtfulRuling,
      approval: committeeApproval.optional(),
      reason,
    }),
    output: z.array(ballotView),
  },
  /** Ends the entry of a box: accepted when the count matches, every doubtful ballot is ruled, and (double entry) both sheets agree. */
  finishBox: { input: boxRound, output: finishBoxOutput },
  boxDisagreements: { input: boxRound, output: z.array(disagreementView) },
  /** The signed-in scrutineer settles one disagreement by choosing sheet A's or sheet B's version (recorded). */
  settleDisagreement: {
    input: z.strictObject({ round: roundNumber, box: boxId, position: z.int().positive(), choose: sheet, reason }),
    output: z.array(disagreementView),
  },
  /** A sheet's ballots in order; with `from`/`limit`, only `limit` of them from position `from` on (a page of a long list). */
  boxBallots: {
    input: z.strictObject({
      round: roundNumber,
      box: boxId,
      sheet: sheet.optional(),
      from: z.int().positive().optional(),
      limit: z.int().positive().max(BALLOT_PAGE_MAX).optional(),
    }),
    output: z.array(ballotView),
  },
  /** A sheet's running tally and its doubtful ballots not ruled yet (no ballot list: the box may hold tens of thousands). */
  boxTally: { input: z.strictObject({ round: roundNumber, box: boxId, sheet: sheet.optional() }), output: boxTallyView },
  ballotChanges: { input: z.strictObject({ round: roundNumber, box: boxId.optional() }), output: z.array(ballotChangeView) },
  countingOverview: { input: z.strictObject({ round: roundNumber }), output: z.array(boxCountView) },
} as const;

export type CountingContract = typeof countingContract;
