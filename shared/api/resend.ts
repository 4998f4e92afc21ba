import { z } from 'zod';

/**
 * Writes a client may send again after a lost answer (a timeout, a dropped connection, a restarted backend). The
 * client makes one key per write and re-sends it unchanged with the same input; the backend then answers the
 * first answer again instead of doing the write twice. The key travels as `requestKey` beside the method's own
 * input (dispatch takes it out before the input is checked), so no method's schema has to carry it.
 *
 * Not here: importRoll, sealToFile and startDrill answer asynchronously (a re-sent import is refused as the same
 * roll; sealing again writes the same file), setPin and setDoubleEntry set a value and are idempotent already.
 *
 * Secret ballot: a key is random, made by the client for that one write; it is never derived from a voter, a
 * certificate or anything else, so the key of a ballot entry (made by the counting client) joins nothing.
 */
export const RESENDABLE_WRITES: ReadonlySet<string> = new Set([
  // desk
  'issueBallot',
  'exchangeSpoiled',
  'recordAssistedWriting',
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
  // set-up and people: a re-send would add a second row, or be refused as already done
  'createElection',
  'setRules',
  'addOffice',
  'addVenue',
  'addBox',
  'setBoxStaff',
  'setVotingStatus',
  'addDesk',
  'assignGroup',
  'leaveCommittee',
  'grantRole',
  'revokeRole',
  'addCandidate',
  'addCommitteeMember',
  'addOfficial',
  'declareRelative',
  'approveProxy',
  'revokeProxy',
  'reassignVoter',
]);

export const REQUEST_KEY_FIELD = 'requestKey';

export const requestKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'a request key is 16 to 64 letters, digits, "-" or "_"');

/** What dispatch hands an implementation beside the checked input. */
export interface CallMeta {
  /** The client's key for this write (only for RESENDABLE_WRITES; absent when the caller sent none). */
  requestKey?: string;
}

export type SplitRequest = { ok: true; input: unknown; meta: CallMeta } | { ok: false; message: string };

/** Takes `requestKey` out of a resendable write's raw input; other methods' input is left as it is. */
export function splitRequestKey(method: string, raw: unknown): SplitRequest {
  if (!RESENDABLE_WRITES.has(method) || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: true, input: raw, meta: {} };
  }
  if (!Object.prototype.hasOwnProperty.call(raw, REQUEST_KEY_FIELD)) return { ok: true, input: raw, meta: {} };
  const { [REQUEST_KEY_FIELD]: key, ...rest } = raw as Record<string, unknown>;
  const parsed = requestKey.safeParse(key);
  if (!parsed.success) return { ok: false, message: `${REQUEST_KEY_FIELD}: ${parsed.error.issues[0]!.message}` };
  return { ok: true, input: rest, meta: { requestKey: parsed.data } };
}
