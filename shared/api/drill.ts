import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { ROUND_KINDS } from '../record/cer';
import { COMMITTEE_POSITIONS, OFFICIAL_ROLES } from '../domain/people';

/**
 * Drill (演练) from the app: a rehearsal election played into the open election file, which must be new and empty.
 * 'complete' plays the whole day and seals it into the data folder; 'ready-to-vote' stops with round 1 open for voting
 * so the officials practise the desk, the boxes, counting, sign-off and export themselves.
 */

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** How far a drill goes: the whole day, or only up to round 1 open for voting so the officials carry on. */
export const DRILL_STAGES = ['complete', 'ready-to-vote'] as const;
export type DrillStage = (typeof DRILL_STAGES)[number];
/** The phases a drill goes through, in order (voting to sign-off again for each further round). */
export const DRILL_PHASES = ['setup', 'roll', 'proxies', 'voting', 'custody', 'counting', 'results', 'signoff', 'seal'] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number];
/** A large urban community rehearses at its own size (issue 16). */
export const DRILL_MAX_VOTERS = 50_000;

export const startDrillInput = z.strictObject({
  voters: z.int('voters must be a whole number').min(10, 'at least 10 voters').max(DRILL_MAX_VOTERS, `at most ${DRILL_MAX_VOTERS} voters`),
  seed: text(32)
    .trim()
    .min(1, 'a seed is required')
    .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _ only'),
  stage: z.enum(DRILL_STAGES),
});
export type StartDrillInput = z.infer<typeof startDrillInput>;

export const drillSampleView = z.strictObject({
  certificate: answerText,
  name: answerText,
  group: answerText,
  /** The box (and so the desk) that issues this voter's ballot. */
  box: answerText,
  boxName: answerText,
  venue: answerText,
  venueName: answerText,
  kind: z.enum(['in-person', 'proxy', 'mobile']),
  /** For a proxy: the trustee's own certificate, which the desk asks for next. */
  trusteeCertificate: answerText.optional(),
});
export type DrillSampleView = z.infer<typeof drillSampleView>;

const common = {
  seed: answerText,
  election: answerText,
  date: answerText,
  voters: count,
  mobileList: count,
  proxies: count,
  auditHead: z.strictObject({ count, hash: sha256 }),
  seconds: z.number().nonnegative(),
};

export const drillCompleteView = z.strictObject({
  stage: z.literal('complete'),
  ...common,
  sealedFile: answerText,
  proxyBallots: count,
  assisted: count,
  spoiled: count,
  doubtful: count,
  corrections: count,
  rounds: z.array(
    z.strictObject({
      number: z.int().positive(),
      kind: z.enum(ROUND_KINDS),
      registered: count,
      participants: count,
      ballots: count,
      voidBallots: count,
      valid: z.boolean(),
      elected: z.array(z.strictObject({ office: answerText, names: z.array(answerText), vacant: count })),
      nextSteps: z.array(z.strictObject({ kind: answerText, office: answerText, seats: count, names: z.array(answerText), required: z.boolean() })),
      recordHash: sha256,
      resultHash: sha256,
      signoffs: count,
    }),
  ),
  fingerprint: answerText,
});
export type DrillCompleteView = z.infer<typeof drillCompleteView>;

export const drillReadyView = z.strictObject({
  stage: z.literal('ready-to-vote'),
  ...common,
  /** The round open for voting. */
  round: z.int().positive(),
  boxes: z.array(z.strictObject({ id: answerText, name: answerText, venueName: answerText, expected: count, ballots: count })),
  samples: z.array(drillSampleView),
});
export type DrillReadyView = z.infer<typeof drillReadyView>;

export const drillOutcomeView = z.discriminatedUnion('stage', [drillCompleteView, drillReadyView]);
export type DrillOutcomeView = z.infer<typeof drillOutcomeView>;

export const drillCredentialsView = z.strictObject({
  seed: answerText,
  people: z.array(
    z.strictObject({
      id: z.int().positive(),
      name: answerText,
      roles: z.array(z.strictObject({ role: z.enum(OFFICIAL_ROLES), venue: answerText.nullable(), venueName: answerText.nullable() })),
      committee: z.enum(COMMITTEE_POSITIONS).nullable(),
      /** Mobile boxes this person staffs. */
      boxes: z.array(answerText),
      /** The PIN the drill gave this person, or null when it gave none (mobile box staff who hold no role). */
      pin: answerText.nullable(),
      /** False when the PIN was changed after the drill set it (the drill's PIN no longer works). */
      pinCurrent: z.boolean().nullable(),
    }),
  ),
});
export type DrillCredentialsView = z.infer<typeof drillCredentialsView>;

/** How far the drill this backend is playing has gone; phase null before any drill ran here. */
export const drillProgressView = z.strictObject({
  phase: z.enum(DRILL_PHASES).nullable(),
  /** The round being played, when the phase belongs to one. */
  round: z.int().positive().nullable(),
  /** Of the whole drill, 0..1; never goes back while a drill runs. */
  fraction: z.number().min(0).max(1),
  running: z.boolean(),
});
export type DrillProgressView = z.infer<typeof drillProgressView>;

/**
 * What the open election file holds as far as drills go. 'interrupted': a drill was set up but never finished (the
 * app was stopped midway); it can be discarded to start again. 'running': a drill is being played into it now.
 */
export const drillStateView = z.strictObject({
  state: z.enum(['empty', 'real', 'hand-made-drill', 'interrupted', 'finished', 'running']),
  seed: answerText.nullable(),
  voters: z.int().nullable(),
  stage: z.enum(DRILL_STAGES).nullable(),
});
export type DrillStateView = z.infer<typeof drillStateView>;

export const drillContract = {
  /**
   * Plays a drill into the open election file, which must hold no election yet (refused otherwise, with details
   * {reason: 'not-empty'}, or {reason: 'interrupted', seed} when it holds an interrupted drill). Runs to the end before answering (a 5,000-voter complete drill takes several seconds),
   * yielding between phases and chunks of voters so that drillProgress is answered meanwhile.
   */
  startDrill: { input: startDrillInput, output: drillOutcomeView },
  /** The latest progress of the drill being played into the open election file (or the last one played). */
  drillProgress: { input: z.strictObject({}), output: drillProgressView },
  /** The drill's officials with the PINs it set (training material). Refused when the open election is not a drill. */
  drillCredentials: { input: z.strictObject({}), output: drillCredentialsView },
  /** Whether the open election file is empty, a real election, a finished drill, or a drill that was interrupted. */
  drillState: { input: z.strictObject({}), output: drillStateView },
  /**
   * Empties the open election file when it holds an interrupted drill, so a new drill can start in it (one
   * transaction). Refused for anything else; re-sent after it worked, it finds the file empty and answers discarded: false.
   */
  discardInterruptedDrill: { input: z.strictObject({}), output: z.strictObject({ discarded: z.boolean() }) },
} as const;
export type DrillContract = typeof drillContract;
