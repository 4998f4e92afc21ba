import type { Implementation } from '../../shared/api/envelope';
import type { Contract } from '../../shared/api/contract';
import type { auditContract } from '../../shared/api/audit';
import type { custodyContract } from '../../shared/api/custody';
import type { peopleContract } from '../../shared/api/people';
import type { setupContract } from '../../shared/api/setup';
import { describeAuditEvent, readAuditEvents, verifyAuditChain } from './audit';
import type { BackendContext } from './context';
import { inTransaction } from './db';
import { issuanceApi } from './services/issuance-api';
import { sealApi } from './services/seal-api';
import { drillApi, drillRunning } from './services/drill-api';
import { ApiError } from '../../shared/api/envelope';
import { RESENDABLE_WRITES, type CallMeta } from '../../shared/api/resend';
import { answerOnce } from './services/request-receipts';
import { countingApi, resultsApi } from './services/counting-api';
import { custodyOverview, custodyState, decideFlaggedBox, recordCustodyStep } from './services/custody';
import {
  addCommitteeMember,
  addOfficial,
  declareRelative,
  grantRole,
  leaveCommittee,
  listPeople,
  listRelatives,
  revokeRole,
  setPin,
  verifyPersonPin,
} from './services/people';
import { addCandidate, addOffice, createElection, electionOverview } from './services/setup';
import { requireElection } from './services/setup-read';
import { setRules } from './services/setup-rules';
import { listRounds, roundBallot, setRoundStatusTx } from './services/setup-rounds';
import { addBox, addVenue, setBoxStaff } from './services/setup-venues';

const OK = { ok: true } as const;

export function buildSetupApi(ctx: BackendContext): Implementation<typeof setupContract> {
  return {
    getElection: () => electionOverview(ctx),
    createElection: (def) => createElection(ctx, def),
    setRules: (rules) => setRules(ctx, rules),
    addOffice: (o) => (addOffice(ctx, o), OK),
    addCandidate: (c) => addCandidate(ctx, c),
    addVenue: (v) => (requireElection(ctx.db), addVenue(ctx, v), OK),
    addBox: (b) => (requireElection(ctx.db), addBox(ctx, b), OK),
    setBoxStaff: (input) => (setBoxStaff(ctx, input), OK),
    listRounds: () => listRounds(ctx.db),
    roundBallot: ({ round }) => roundBallot(ctx.db, round),
    setVotingStatus: (input) => inTransaction(ctx.db, () => setRoundStatusTx(ctx, input)),
  };
}

export function buildPeopleApi(ctx: BackendContext): Implementation<typeof peopleContract> {
  return {
    listPeople: () => listPeople(ctx),
    addCommitteeMember: (m) => ({ id: addCommitteeMember(ctx, m).id }),
    leaveCommittee: (input) => (leaveCommittee(ctx, input), OK),
    addOfficial: (o) => ({ id: addOfficial(ctx, o).id }),
    grantRole: (input) => (grantRole(ctx, input), OK),
    revokeRole: (input) => (revokeRole(ctx, input), OK),
    declareRelative: (r) => (declareRelative(ctx, r), OK),
    listRelatives: () => listRelatives(ctx.db),
    setPin: (input) => (setPin(ctx, input), OK),
    checkPin: ({ person, pin }) => ({ ok: verifyPersonPin(ctx, person, pin) }),
  };
}

export function buildCustodyApi(ctx: BackendContext): Implementation<typeof custodyContract> {
  return {
    recordCustodyStep: (input) => recordCustodyStep(ctx, input),
    decideFlaggedBox: (input) => decideFlaggedBox(ctx, input),
    custodyTrail: ({ box, round }) => custodyState(ctx.db, box, round),
    custodyOverview: ({ round }) => custodyOverview(ctx.db, round),
  };
}

export function buildAuditApi(ctx: BackendContext): Implementation<typeof auditContract> {
  return {
    verifyAudit: () => verifyAuditChain(ctx.db),
    auditEvents: ({ afterSeq, limit }) =>
      readAuditEvents(ctx.db, { afterSeq, limit }).map((e) => ({ ...e, meaning: describeAuditEvent(e.type) ?? null })),
  };
}

/** Calls allowed while a drill is being played into the database: its own progress, and the drill's own guard. */
const DURING_DRILL = new Set(['drillProgress', 'startDrill', 'drillState']);

/** Resendable writes whose service keeps the request key in the row it writes (no receipt, no extra index). */
const KEYED_BY_SERVICE = new Set(['enterBallot', 'issueBallot']);

/**
 * The contract implemented over one election database. Each area adds one spread line. While a drill is being
 * played into the file, every other call is refused, so nothing from another window mixes into the rehearsal. A
 * resendable write with a request key is answered once per key (services/request-receipts.ts).
 */
export function buildApi(ctx: BackendContext): Implementation<Contract> {
  const api: Implementation<Contract> = {
    ...buildSetupApi(ctx),
    ...buildPeopleApi(ctx),
    ...buildCustodyApi(ctx),
    ...buildAuditApi(ctx),
    ...issuanceApi(ctx),
    ...sealApi(ctx),
    ...countingApi(ctx),
    ...resultsApi(ctx),
    ...drillApi(ctx),
  };
  const guarded = Object.fromEntries(
    Object.entries(api).map(([method, fn]) => [
      method,
      DURING_DRILL.has(method)
        ? fn
        : (input: unknown, meta: CallMeta = {}) => {
            if (drillRunning(ctx.db)) {
              throw new ApiError('conflict', '演练正在进行，请等它结束后再操作 / a drill is being played into this file; wait until it ends', {
                details: { reason: 'drill-running' },
              });
            }
            const run = () => (fn as (i: unknown, m: CallMeta) => unknown)(input, meta);
            if (!RESENDABLE_WRITES.has(method) || KEYED_BY_SERVICE.has(method)) return run();
            return answerOnce(ctx.db, method, meta.requestKey, input, run);
          },
    ]),
  );
  return guarded as Implementation<Contract>;
}
