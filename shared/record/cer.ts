import { z } from 'zod';
import { text, TEXT_LIMITS } from '../domain/text';

/** The public election record `cer/1` (../shared/spec/election-record.md). Strict: unknown fields are errors. */

export const BODIES = ['residents', 'party', 'supervisory'] as const;
export const METHODS_BY_BODY = {
  residents: ['direct', 'household', 'representative'],
  party: ['meeting'],
  supervisory: ['meeting', 'representative'],
} as const;
export const ROUND_KINDS = ['regular', 'tie-revote', 'supplementary'] as const;
export const VOID_REASONS = ['unreadable', 'identifying-mark', 'other'] as const;

const count = z.int().nonnegative();
const id = text(TEXT_LIMITS.name).min(1, 'must not be empty');

export const ruleProfileInput = z.strictObject({
  overvote: z.enum(['void-section', 'void-ballot']).optional(),
  samePersonInTwoOffices: z.enum(['void-ballot', 'count-higher-office']).optional(),
  minCommittee: count.optional(),
  tieRevoteThreshold: z.enum(['over-third-of-participants', 'none']).optional(),
  supplementaryThreshold: z.enum(['third-of-ballots-cast', 'none']).optional(),
  requireWoman: z.boolean().optional(),
});

/**
 * The method must be one its body allows (METHODS_BY_BODY). The one cross-check of body and method, refining both
 * the record's election header and the app's election definition.
 */
export function checkMethodForBody(v: { body: Body; method: Method }, ctx: z.RefinementCtx): void {
  const allowed: readonly string[] = METHODS_BY_BODY[v.body];
  if (allowed.includes(v.method)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['method'],
    input: v.method,
    message: `method "${v.method}" is not allowed for body "${v.body}" (allowed: ${allowed.join(', ')})`,
  });
}

export const METHODS = ['direct', 'household', 'representative', 'meeting'] as const;

export const electionHeader = z
  .strictObject({
    title: text(TEXT_LIMITS.title),
    body: z.enum(BODIES),
    method: z.enum(METHODS),
    registered: count,
  })
  .superRefine(checkMethodForBody);

export const office = z.strictObject({
  id,
  title: text(TEXT_LIMITS.title),
  seats: z.int().positive(),
  rank: z.int().positive(),
});

/** Education and political status as the optional candidate fields name them (spec: election-record.md). */
export const EDUCATIONS = ['junior-or-below', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'] as const;
export const POLITICAL_STATUSES = ['party-member', 'probationary', 'league', 'other-party', 'masses'] as const;
export const BIRTH_YEAR_RANGE = { min: 1900, max: 2100 } as const;
export const PERSON_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Optional facts about a candidate for the town's structure report; the tally ignores them. */
export const candidateDetails = {
  birthYear: z.int().min(BIRTH_YEAR_RANGE.min).max(BIRTH_YEAR_RANGE.max).optional(),
  education: z.enum(EDUCATIONS).optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  personKey: z.string().regex(PERSON_KEY_PATTERN, 'must be 64 lowercase hex digits (SHA-256)').optional(),
};

export const candidate = z.strictObject({
  id,
  name: text(TEXT_LIMITS.name).min(1, 'must not be empty'),
  office: id,
  gender: z.enum(['female', 'male']).optional(),
  ...candidateDetails,
});

export const sectionMarks = z.strictObject({
  for: z.array(id).optional(),
  against: z.array(id).optional(),
  writeIns: z.array(text(TEXT_LIMITS.name)).optional(),
});

export const markedBallot = z.strictObject({
  box: text(TEXT_LIMITS.name),
  marks: z.record(id, sectionMarks),
});

export const voidBallot = z.strictObject({
  box: text(TEXT_LIMITS.name),
  void: z.enum(VOID_REASONS),
});

export const cerRecordShape = z.strictObject({
  format: z.literal('cer/1'),
  election: electionHeader,
  rules: ruleProfileInput.optional(),
  round: z.enum(ROUND_KINDS),
  offices: z.array(office).min(1, 'at least one office'),
  candidates: z.array(candidate),
  participants: count,
  ballots: z.array(z.union([markedBallot, voidBallot])),
});

export type Body = (typeof BODIES)[number];
export type Method = (typeof METHODS)[number];
export type RoundKind = (typeof ROUND_KINDS)[number];
export type VoidReason = (typeof VOID_REASONS)[number];
export type Education = (typeof EDUCATIONS)[number];
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export type RuleProfileInput = z.infer<typeof ruleProfileInput>;
export type Office = z.infer<typeof office>;
export type Candidate = z.infer<typeof candidate>;
export type SectionMarks = z.infer<typeof sectionMarks>;
export type MarkedBallot = z.infer<typeof markedBallot>;
export type VoidBallot = z.infer<typeof voidBallot>;
export type Ballot = MarkedBallot | VoidBallot;
export type CerRecord = z.infer<typeof cerRecordShape>;

export function isVoidBallot(b: Ballot): b is VoidBallot {
  return 'void' in b;
}
