import { z } from 'zod';
import { DAY_STEP_STATES, DAY_STEPS } from '../domain/day';
import { answerText } from '../domain/text';
import { code } from '../domain/venue';
import { roundView } from './setup';

/** The guided day: where the day stands, and opening the poll of a round together with its sealed boxes. */

export const dayProgressView = z.strictObject({
  round: z.int().nullable(),
  next: z.enum(DAY_STEPS).nullable(),
  steps: z.array(
    z.strictObject({
      step: z.enum(DAY_STEPS),
      state: z.enum(DAY_STEP_STATES),
      progress: z.strictObject({ done: z.int(), total: z.int() }).nullable(),
    }),
  ),
});

/** At most this many boxes in one opening (a community has a few dozen at most). */
export const OPEN_VOTING_MAX_BOXES = 500;

export const openVotingInput = z.strictObject({
  round: z.int().positive(),
  /** The boxes sealed empty whose voting starts with the round (each must be at that step); may be empty. */
  boxes: z.array(code).max(OPEN_VOTING_MAX_BOXES),
});

export const openVotingOutput = z.strictObject({
  round: roundView,
  /** Boxes whose voting was started now. */
  started: z.array(answerText),
  /** Boxes of the round not yet sealed empty (their voting cannot start yet), with their names. */
  notSealed: z.array(z.strictObject({ box: answerText, name: answerText })),
});
export type OpenVotingOutput = z.infer<typeof openVotingOutput>;

export const dayContract = {
  /** The steps of the day for the latest round: which are done, which is next (shared/domain/day.ts). */
  dayProgress: { input: z.strictObject({}), output: dayProgressView },
  /**
   * Opens the poll of a round (if it is still prepared) and starts voting on the listed boxes, all in one
   * transaction: a listed box that is not sealed empty and waiting for voting refuses the whole call. Answers the
   * boxes started and those still to be sealed empty.
   */
  openVoting: { input: openVotingInput, output: openVotingOutput },
} as const;

export type DayContract = typeof dayContract;
