import { z } from 'zod';
import { text, TEXT_LIMITS } from './text';
import { BODIES, METHODS, METHODS_BY_BODY, checkMethodForBody } from '../record/cer';
import { committeeMemberInput, idNumber, officialInput, personName, relativeInput } from './people';
import { ruleProfilePartial } from '../rules/profile';
import { boxInput, code, venueInput } from './venue';
import { REPRESENTATIVE_LIMITS } from './representatives';
import { candidateDetails } from '../record/cer';
import { personKeySalt } from './person-key';

export { BODIES, METHODS, METHODS_BY_BODY };

export const officeInput = z.strictObject({
  id: code,
  title: text(TEXT_LIMITS.title).trim().min(1, 'title must not be empty'),
  rank: z.int().positive(),
  seats: z.int().positive(),
  womenOnly: z.boolean().default(false),
});

export const candidateInput = z.strictObject({
  /** Stable id used on ballots and in records; generated from the office when absent. */
  id: code.optional(),
  name: personName,
  gender: z.enum(['female', 'male']).optional(),
  office: code,
  idNumber: idNumber.optional(),
  /** Optional facts for the town's structure report (election-record.md); the personKey is made from idNumber. */
  birthYear: candidateDetails.birthYear,
  education: candidateDetails.education,
  politicalStatus: candidateDetails.politicalStatus,
});

export const partyExclusionInput = z.strictObject({
  member: personName,
  reason: text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'an exclusion needs its reason'),
});

export const registeredInput = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('roll') }),
  z.strictObject({
    source: z.literal('number'),
    /** The registered count after approved exclusions. */
    number: z.int().nonnegative(),
    exclusions: z.array(partyExclusionInput).default([]),
  }),
]);

export const isoDate = z.iso.date('date must be YYYY-MM-DD');

/** The election definition file read by `station init --election FILE.json`. */
export const electionDefinition = z.strictObject({
  title: text(TEXT_LIMITS.title).trim().min(1, 'title must not be empty'),
  community: text(TEXT_LIMITS.title).trim().min(1, 'community must not be empty'),
  body: z.enum(BODIES),
  method: z.enum(METHODS),
  date: isoDate,
  drill: z.boolean().default(false),
  /** The town's salt for the candidates' personKey (shared/domain/person-key.ts); also settable until voting opens. */
  personKeySalt: personKeySalt.optional(),
  rules: ruleProfilePartial.default({}),
  registered: registeredInput,
  /** The community's household count (户数): the minimum number of residents' representatives follows from it. */
  households: z.int().positive().max(REPRESENTATIVE_LIMITS.households).optional(),
  offices: z.array(officeInput).min(1, 'at least one office'),
  candidates: z.array(candidateInput).default([]),
  venues: z.array(venueInput).min(1, 'at least the central venue'),
  boxes: z.array(boxInput).default([]),
  committee: z.array(committeeMemberInput).default([]),
  relatives: z.array(relativeInput).default([]),
  officials: z.array(officialInput).default([]),
}).superRefine(checkMethodForBody);
export type ElectionDefinition = z.infer<typeof electionDefinition>;
export type ElectionDefinitionInput = z.input<typeof electionDefinition>;
export type OfficeInput = z.infer<typeof officeInput>;
export type CandidateInput = z.infer<typeof candidateInput>;
