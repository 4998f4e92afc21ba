import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { COMMITTEE_DECISIONS, CUSTODY_STEPS, custodyDecisionInput, custodyPositionShape, custodyStepInput } from '../domain/custody';
import { BOX_KINDS } from '../domain/venue';

export const custodyEventView = z.strictObject({
  seq: z.int(),
  step: z.enum(CUSTODY_STEPS),
  at: answerText,
  by: z.int().nullable(),
  seals: z.array(answerText).nullable(),
  intact: z.boolean().nullable(),
  flagged: z.boolean(),
  carriers: z.array(answerText).nullable(),
  decision: z.enum(COMMITTEE_DECISIONS).nullable(),
  decidedBy: z.array(z.int()).nullable(),
  note: answerText.nullable(),
});
export type CustodyEventView = z.infer<typeof custodyEventView>;

export const custodyStateView = z.strictObject({
  box: answerText,
  kind: z.enum(BOX_KINDS),
  round: z.int(),
  position: custodyPositionShape,
  flagged: z.boolean(),
  events: z.array(custodyEventView),
});
export type CustodyStateView = z.infer<typeof custodyStateView>;

const boxRound = z.strictObject({ box: text(TEXT_LIMITS.name).min(1), round: z.int().positive() });

export const custodyContract = {
  /** Records the next custody step of a box; out of order is refused with the expected step named. */
  recordCustodyStep: { input: custodyStepInput, output: custodyStateView },
  /** The committee's recorded decision on a box whose seal check was flagged. */
  decideFlaggedBox: { input: custodyDecisionInput, output: custodyStateView },
  custodyTrail: { input: boxRound, output: custodyStateView },
  custodyOverview: { input: z.strictObject({ round: z.int().positive() }), output: z.array(custodyStateView) },
} as const;

export type CustodyContract = typeof custodyContract;
