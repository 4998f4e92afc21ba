import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';
import { candidateInput, electionDefinition, officeInput } from '../domain/election';
import { ruleProfile, ruleProfilePartial } from '../rules/profile';
import { ROUND_STATUSES } from '../domain/round';
import { BOX_KINDS, VENUE_KINDS, boxInput, venueInput } from '../domain/venue';
import { BODIES, EDUCATIONS, METHODS, POLITICAL_STATUSES, ROUND_KINDS, candidateDetails } from '../record/cer';
import { personKeySalt } from '../domain/person-key';
import { committeeApproval } from '../domain/authority';

const empty = z.strictObject({});
const editReason = text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'say why (it goes into the audit log)');

/** The candidate facts a correction may change: a value, or null to clear what was entered. */
export const factCorrections = {
  birthYear: candidateDetails.birthYear.unwrap().nullable().optional(),
  education: candidateDetails.education.unwrap().nullable().optional(),
  politicalStatus: candidateDetails.politicalStatus.unwrap().nullable().optional(),
};
const FACT_KEYS = ['birthYear', 'education', 'politicalStatus'] as const;

/** A candidate's corrections before voting opens: name, gender, ID number, the record facts; at least one of them. */
export const updateCandidateInput = candidateInput
  .pick({ name: true, gender: true, idNumber: true })
  .partial()
  .extend({ id: candidateInput.shape.office, reason: editReason, ...factCorrections })
  .refine((c) => c.name !== undefined || c.gender !== undefined || c.idNumber !== undefined || FACT_KEYS.some((k) => c[k] !== undefined), {
    message: 'give a name, gender, ID number or a record fact to change',
  });
export type UpdateCandidateInput = z.infer<typeof updateCandidateInput>;

export const updateOfficeInput = officeInput
  .pick({ title: true, seats: true })
  .partial()
  .extend({ id: officeInput.shape.id, reason: editReason })
  .refine((o) => o.title !== undefined || o.seats !== undefined, { message: 'give a title or a number of seats to change' });
export type UpdateOfficeInput = z.infer<typeof updateOfficeInput>;

const removal = z.strictObject({ id: officeInput.shape.id, reason: editReason });
const ok = z.strictObject({ ok: z.literal(true) });

export const setupWarning = z.strictObject({
  code: z.enum(['insufficient-candidate-margin', 'no-woman-candidate']),
  office: answerText.nullable(),
  message: answerText,
});
export type SetupWarning = z.infer<typeof setupWarning>;

export const roundView = z.strictObject({
  number: z.int().positive(),
  kind: z.enum(ROUND_KINDS),
  status: z.enum(ROUND_STATUSES),
  createdAt: answerText,
});
export type RoundView = z.infer<typeof roundView>;

export const ballotOffice = z.strictObject({
  id: answerText,
  title: answerText,
  rank: z.int(),
  seats: z.int(),
  womenOnly: z.boolean(),
  candidates: z.array(z.strictObject({ id: answerText, name: answerText, gender: z.enum(['female', 'male']).nullable() })),
});
export type BallotOffice = z.infer<typeof ballotOffice>;

export const electionView = z.strictObject({
  title: answerText,
  community: answerText,
  body: z.enum(BODIES),
  method: z.enum(METHODS),
  date: answerText,
  rules: ruleProfile,
  registered: z.union([
    z.strictObject({ source: z.literal('roll') }),
    z.strictObject({ source: z.literal('number'), number: z.int().nonnegative() }),
  ]),
  drill: z.boolean(),
  createdAt: answerText,
  /** Whether the town's salt for the candidates' personKey is set (the salt itself is never answered). */
  personKeySaltSet: z.boolean(),
  exclusions: z.array(z.strictObject({ member: answerText, reason: answerText })),
});
export type ElectionView = z.infer<typeof electionView>;

/** The rule profile's keys (DOMAIN.md §9). */
export const RULE_PROFILE_KEYS = ruleProfile.keyof().options;

/** A rule change: only the keys given change; at least one. A committee member approves it with their PIN. */
export const setRulesInput = ruleProfilePartial
  .extend({ approval: committeeApproval.optional() })
  .refine((r) => Object.keys(r).some((k) => k !== 'approval'), { message: 'give at least one rule to change' });
export type SetRulesInput = z.infer<typeof setRulesInput>;

/** Why a rule change was refused (ApiError.details). */
export const rulesRefusal = z.discriminatedUnion('reason', [
  z.strictObject({ reason: z.literal('voting-started'), round: z.int(), status: answerText }),
  z.strictObject({
    reason: z.literal('proxies-over-limit'),
    proxyLimit: z.int(),
    trustees: z.array(z.strictObject({ name: answerText, group: answerText, certificate: answerText, holds: z.int() })),
  }),
]);
export type RulesRefusal = z.infer<typeof rulesRefusal>;

export const venueView = z.strictObject({ id: answerText, name: answerText, kind: z.enum(VENUE_KINDS) });
export type VenueView = z.infer<typeof venueView>;
export const boxView = z.strictObject({ id: answerText, name: answerText, kind: z.enum(BOX_KINDS), venue: answerText, staff: z.array(answerText) });
export type BoxView = z.infer<typeof boxView>;

/** Everything set up so far; election is null before the election is created. */
export const electionOverview = z.strictObject({
  election: electionView.nullable(),
  offices: z.array(ballotOffice),
  venues: z.array(venueView),
  boxes: z.array(boxView),
  rounds: z.array(roundView),
  warnings: z.array(setupWarning),
  /** The optional record facts of each set-up candidate by id; idNumber says only whether one is held. */
  candidateFacts: z.array(
    z.strictObject({
      id: answerText,
      birthYear: z.int().nullable(),
      education: z.enum(EDUCATIONS).nullable(),
      politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
      idNumber: z.boolean(),
    }),
  ),
  schemaVersion: z.int(),
  audit: z.strictObject({ count: z.int(), head: answerText }),
});
export type ElectionOverview = z.infer<typeof electionOverview>;

export const createElectionOutput = z.strictObject({ rounds: z.array(roundView), warnings: z.array(setupWarning) });
export type CreateElectionOutput = z.infer<typeof createElectionOutput>;

export const setRulesOutput = z.strictObject({ rules: ruleProfile, changed: z.array(z.enum(RULE_PROFILE_KEYS)), warnings: z.array(setupWarning) });
export type SetRulesOutput = z.infer<typeof setRulesOutput>;

export const setupContract = {
  getElection: { input: empty, output: electionOverview },
  /** Creates the election from its definition (the same JSON `station init --election` reads), all or nothing. */
  createElection: {
    input: electionDefinition,
    output: createElectionOutput,
  },
  /**
   * Changes the rule profile after the election was created, only while round 1 is still 'prepared' (no ballot
   * issued yet); refused (details: rulesRefusal) once voting has started, or when approved proxies would exceed a
   * lower proxyLimit. Answers the whole profile and which keys changed.
   */
  setRules: {
    input: setRulesInput,
    output: setRulesOutput,
  },
  addOffice: { input: officeInput, output: ok },
  /**
   * The town's salt for the candidates' personKey in the record, as the town office gave it; until round 1 opens.
   * Setting the salt already held changes nothing (so a re-send is harmless).
   */
  setPersonKeySalt: { input: z.strictObject({ salt: personKeySalt }), output: z.strictObject({ changed: z.boolean() }) },
  addCandidate: {
    input: candidateInput,
    output: z.strictObject({ id: answerText, warnings: z.array(setupWarning) }),
  },
  /** Corrections and removals before round 1 opens (refused after, with the reason); audited with old and new values. */
  updateCandidate: { input: updateCandidateInput, output: z.strictObject({ warnings: z.array(setupWarning) }) },
  removeCandidate: { input: removal, output: z.strictObject({ warnings: z.array(setupWarning) }) },
  updateOffice: { input: updateOfficeInput, output: z.strictObject({ warnings: z.array(setupWarning) }) },
  removeOffice: { input: removal, output: z.strictObject({ warnings: z.array(setupWarning) }) },
  addVenue: { input: venueInput, output: ok },
  addBox: { input: boxInput, output: ok },
  setBoxStaff: {
    input: z.strictObject({ box: text(TEXT_LIMITS.name).min(1), staff: z.array(text(TEXT_LIMITS.name).trim().min(1)) }),
    output: ok,
  },
  listRounds: { input: empty, output: z.array(roundView) },
  /** The offices and candidates (surname stroke order) on a round's ballot. */
  roundBallot: { input: z.strictObject({ round: z.int().positive() }), output: z.array(ballotOffice) },
  /** Opening and closing the poll of a round (later states belong to counting and sign-off). */
  setVotingStatus: {
    input: z.strictObject({ round: z.int().positive(), status: z.enum(['voting', 'closed']) }),
    output: roundView,
  },
} as const;

export type SetupContract = typeof setupContract;
