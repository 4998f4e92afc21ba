import type { Contract } from '../../shared/api/contract';
import { ApiError, type Implementation } from '../../shared/api/envelope';
import type { BackendContext } from './context';
import { auditApi } from './services/audit-api';
import { templatesApi } from './services/templates-api';
import { certificatesApi } from './services/certificates-api';
import { countingApi } from './services/counting-api';
import { custodyApi } from './services/custody-api';
import { dayApi } from './services/day-api';
import { editsApi } from './services/edits-api';
import { drillApi, drillRunning } from './services/drill-api';
import { filesApi } from './services/files-api';
import { issuanceApi } from './services/issuance-api';
import { peopleApi } from './services/people-api';
import { resultsApi } from './services/results-api';
import { rollLifeApi } from './services/roll-life-api';
import { nominationApi } from './services/nomination-api';
import { representativesApi } from './services/representatives-api';
import { partyApi } from './services/party-api';
import { sealApi } from './services/seal-api';
import { setupApi } from './services/setup-api';
import { sessionApi } from './services/session-api';
import { stationsApi } from './services/stations-api';
import { townApi } from './services/town-api';
import { authorizeOnce } from './authority/authorize';
import { runAsCaller } from './authority/caller';
import { RESENDABLE_WRITES, type CallMeta } from '../../shared/api/resend';
import { answerOnce } from './services/request-receipts';
import { secondCopyOf } from './copy/second-copy';

/** Calls allowed while a drill is being played into the database: its own progress, and the drill's own guard. */
const DURING_DRILL = new Set(['drillProgress', 'startDrill', 'drillState']);

/**
 * Resendable writes whose service keeps the request key itself: in the row it writes (no receipt, no extra index),
 * where a receipt's stored answer would link a spoiled exchange to the moment it was made (services/spoiled.ts), or
 * after checking a committee approval's PIN, which must happen outside the write's transaction
 * (services/approved-write.ts).
 */
const KEYED_BY_SERVICE = new Set([
  'enterBallot',
  'issueBallot',
  'exchangeSpoiled',
  'setRules',
  'decideFlaggedBox',
  'approveProxy',
  'revokeProxy',
  'reassignVoter',
  'undoLastIssue',
  'recordPhonedTurnout',
  'addVoter',
  'removeVoter',
  'correctVoter',
  'setEligibleCount',
  'publishRoll',
  'decideObjection',
  'decideNominationTie',
  'confirmFormalList',
  'reinstateVoter',
  'addRepresentative',
  'removeRepresentative',
  'setHouseholdCount',
  'importRepresentatives',
  'excuseMember',
  'undoExcusal',
]);

/**
 * The contract implemented over one election database. Each area's handlers live in services/<area>-api.ts
 * (`<area>Api(ctx)`, typed by shared/api/<area>.ts) and add one spread line here. While a drill is being played
 * into the file, every other call is refused, so nothing from another window mixes into the rehearsal. Each call
 * is checked against who may make it (authority/authorize.ts; transports also ask before the input is read) and
 * runs on behalf of the signed-in caller. A resendable write with a request key is answered once per key
 * (services/request-receipts.ts).
 */
export function buildApi(ctx: BackendContext): Implementation<Contract> {
  const api: Implementation<Contract> = {
    ...sessionApi(ctx),
    ...setupApi(ctx),
    ...peopleApi(ctx),
    ...custodyApi(ctx),
    ...auditApi(ctx),
    ...templatesApi(ctx),
    ...issuanceApi(ctx),
    ...sealApi(ctx),
    ...countingApi(ctx),
    ...resultsApi(ctx),
    ...drillApi(ctx),
    ...dayApi(ctx),
    ...stationsApi(ctx),
    ...certificatesApi(ctx),
    ...townApi(ctx),
    ...rollLifeApi(ctx),
    ...representativesApi(ctx),
    ...partyApi(ctx),
    ...filesApi(ctx),
    ...nominationApi(ctx),
    ...editsApi(ctx),
  };
  const guarded = Object.fromEntries(
    Object.entries(api).map(([method, fn]) => [
      method,
      (input: unknown, meta: CallMeta = {}) => {
        if (!DURING_DRILL.has(method) && drillRunning(ctx.db)) {
          throw new ApiError('conflict', '演练正在进行，请等它结束后再操作 / a drill is being played into this file; wait until it ends', {
            details: { reason: 'drill-running' },
          });
        }
        const verdict = authorizeOnce(ctx, method, meta);
        if (!verdict.ok) throw new ApiError(verdict.error.code, verdict.error.message, { details: verdict.error.details });
        const run = () => (fn as (i: unknown, m: CallMeta) => unknown)(input, meta);
        const answer = runAsCaller(verdict.caller, () =>
          !RESENDABLE_WRITES.has(method) || KEYED_BY_SERVICE.has(method) ? run() : answerOnce(ctx.db, method, meta.requestKey, input, run),
        );
        // A write made outside inTransaction reaches the second copy when its call ends (copy/second-copy.ts).
        const catchUp = () => secondCopyOf(ctx.db)?.catchUp();
        if (answer instanceof Promise) return answer.finally(catchUp);
        catchUp();
        return answer;
      },
    ]),
  );
  return guarded as Implementation<Contract>;
}
