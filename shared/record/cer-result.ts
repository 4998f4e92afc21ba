import { z } from 'zod';
import { answerText } from '../domain/text';

/** The result format `cer-result/1` printed by `station tally` and stored by the app. */

export const PROBLEM_CODES = [
  'turnout-not-majority',
  'attendance-below-four-fifths',
  'ballots-exceed-participants',
  'insufficient-candidate-margin',
  'no-woman-elected',
] as const;

const count = z.int().nonnegative();

export const problem = z.strictObject({
  code: z.enum(PROBLEM_CODES),
  severity: z.enum(['void', 'warning']),
  message: answerText,
});

export const personResult = z.strictObject({
  name: answerText,
  candidate: answerText.optional(),
  for: count,
  against: count,
  abstain: count,
  status: z.enum(['elected', 'not-elected', 'tied', 'elected-higher-office']),
});

export const officeResult = z.strictObject({
  office: answerText,
  seats: z.int().positive(),
  threshold: count,
  voidSections: count,
  results: z.array(personResult),
  elected: z.array(answerText),
  vacant: count,
});

export const nextStep = z.strictObject({
  kind: z.enum(['tie-revote', 'supplementary']),
  office: answerText,
  seats: z.int().positive(),
  names: z.array(answerText),
  required: z.boolean(),
});

export const cerResult = z.strictObject({
  format: z.literal('cer-result/1'),
  valid: z.boolean(),
  problems: z.array(problem),
  counts: z.strictObject({
    registered: count,
    participants: count,
    ballotsCast: count,
    voidBallots: count,
  }),
  offices: z.array(officeResult),
  acting: z.strictObject({ name: answerText, office: answerText }).nullable(),
  nextSteps: z.array(nextStep),
});

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Problem = z.infer<typeof problem>;
export type PersonStatus = z.infer<typeof personResult>['status'];
export type PersonResult = z.infer<typeof personResult>;
export type OfficeResult = z.infer<typeof officeResult>;
export type NextStep = z.infer<typeof nextStep>;
export type CerResult = z.infer<typeof cerResult>;
