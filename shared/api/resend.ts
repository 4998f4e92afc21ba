import { z } from 'zod';

/**
 * Writes a client may send again after a lost answer (a timeout, a dropped connection, a restarted backend). The
 * client makes one key per write and re-sends it unchanged with the same input; the backend then answers the
 * first answer again instead of doing the write twice. The key travels as `requestKey` beside the method's own
 * input (dispatch takes it out before the input is checked), so no method's schema has to carry it.
 *
 * Not here: importRoll, sealToFile and startDrill answer asynchronously (a re-sent import is refused as the same
 * roll; sealing again writes the same file), setPin, setDoubleEntry, setExportFolder and setPersonKeySalt set a value and are idempotent
 * already, and so is cancelCertificatePrint (a print job ends once). openElectionFile opens the file open already
 * again as nothing, and createElectionFile answers a re-send while its new file is open and empty (services/files-api.ts):
 * a receipt could not be kept there, in a file the call closes.
 *
 * Secret ballot: a key is random, made by the client for that one write; it is never derived from a voter, a
 * certificate or anything else, so the key of a ballot entry (made by the counting client) joins nothing.
 */
export const RESENDABLE_WRITES: ReadonlySet<string> = new Set([
  // desk
  'issueBallot',
  'exchangeSpoiled',
  'recordAssistedWriting',
  'undoLastIssue',
  'receiveBallots',
  'returnUnusedBallots',
  // boxes
  'recordCustodyStep',
  'decideFlaggedBox',
  // counting and sign-off
  'openBox',
  'recordBallotsFound',
  'enterBallot',
  'correctBallot',
  'ruleDoubtful',
  'settleDisagreement',
  'finishBox',
  'signResult',
  'reopenCount',
  'createNextRound',
  'updateRoundCandidate',
  // set-up and people: a re-send would add a second row, or be refused as already done
  'createElection',
  'setRules',
  'addOffice',
  'addVenue',
  'addBox',
  'setBoxStaff',
  'setVotingStatus',
  'openVoting',
  'addDesk',
  'assignGroup',
  'leaveCommittee',
  'grantRole',
  'revokeRole',
  'addCandidate',
  'updateCandidate',
  'removeCandidate',
  'updateOffice',
  'removeOffice',
  'addCommitteeMember',
  'addOfficial',
  'declareRelative',
  'approveProxy',
  'revokeProxy',
  'reassignVoter',
  // several laptops: a re-sent return answers the return written (importing and opening are idempotent by content)
  'writeStationReturn',
  // a phoned-in figure typed again after a lost answer is recorded once
  'recordPhonedTurnout',
  // certificates: a re-sent start answers the same print job; a re-sent reprint is recorded once
  'startCertificatePrint',
  'recordCertificateReprint',
  // the roll's life: each change and objection is recorded once
  'addVoter',
  'removeVoter',
  'correctVoter',
  'setEligibleCount',
  'publishRoll',
  'fileObjection',
  'decideObjection',
  // nomination: each nomination, list, tally and decision is recorded once
  'setJointNominators',
  'recordNomination',
  'setPreliminaryList',
  'recordNominationVote',
  'decideNominationTie',
  'confirmFormalList',
  'withdrawNomination',
  // corrections and removals before round 1 (issue 12, edits)
  'updateVenue',
  'removeVenue',
  'updateBox',
  'removeBox',
  'updateDesk',
  'removeDesk',
  'updatePerson',
  'removeCommitteeMember',
  'removeOfficial',
  'reinstateVoter',
  // reps: each change to the representatives list, the household count and an import are recorded once
  'addRepresentative',
  'removeRepresentative',
  'setHouseholdCount',
  'importRepresentatives',
  // the Party meeting: an excusal and its undoing are recorded once
  'excuseMember',
  'undoExcusal',
]);

export const REQUEST_KEY_FIELD = 'requestKey';

export const requestKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'a request key is 16 to 64 letters, digits, "-" or "_"');

export const SESSION_FIELD = 'session';

/** A session token as signIn gives it (shared/api/session.ts). */
export const sessionToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a session token is 32 to 128 letters, digits, "-" or "_"');

/** What dispatch hands an implementation beside the checked input. */
export interface CallMeta {
  /** The client's key for this write (only for RESENDABLE_WRITES; absent when the caller sent none). */
  requestKey?: string;
  /** The caller's session token (any method; absent when nobody is signed in). */
  session?: string;
}

export type SplitRequest = { ok: true; input: unknown; meta: CallMeta } | { ok: false; message: string; path: string };

/**
 * Takes what travels beside a method's input out of the raw input: `session` (every method) and `requestKey`
 * (resendable writes); the rest is the method's own input.
 */
export function splitCallMeta(method: string, raw: unknown): SplitRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: true, input: raw, meta: {} };
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  const takeKey = RESENDABLE_WRITES.has(method) && has(REQUEST_KEY_FIELD);
  if (!takeKey && !has(SESSION_FIELD)) return { ok: true, input: raw, meta: {} };
  const rest = { ...(raw as Record<string, unknown>) };
  const meta: CallMeta = {};
  if (has(SESSION_FIELD)) {
    const parsed = sessionToken.safeParse(rest[SESSION_FIELD]);
    if (!parsed.success) return { ok: false, message: `${SESSION_FIELD}: ${parsed.error.issues[0]!.message}`, path: SESSION_FIELD };
    meta.session = parsed.data;
    delete rest[SESSION_FIELD];
  }
  if (takeKey) {
    const parsed = requestKey.safeParse(rest[REQUEST_KEY_FIELD]);
    if (!parsed.success) return { ok: false, message: `${REQUEST_KEY_FIELD}: ${parsed.error.issues[0]!.message}`, path: REQUEST_KEY_FIELD };
    meta.requestKey = parsed.data;
    delete rest[REQUEST_KEY_FIELD];
  }
  return { ok: true, input: rest, meta };
}
