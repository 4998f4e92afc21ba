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
import { answerOnce, keepsItsRequestKey } from './services/request-receipts';
import { secondCopyOf } from './copy/second-copy';

/** Calls allowed while a drill is being played into the database: its own progress, and the drill's own guard. */
const DURING_DRILL = new Set(['drillProgress', 'startDrill', 'drillState']);

/**
 * The contract implemented over one election database. Each area's handlers live in services/<area>-api.ts
 * (`<area>Api(ctx)`, typed by shared/api/<area>.ts) and add one spread line here. While a drill is being played
 * into the file, every other call is refused, so nothing from another window mixes into the rehearsal. Each call
 * is checked against who may make it (authority/authorize.ts; transports also ask before the input is read) and
 * runs on behalf of the signed-in caller. A resendable write with a request key is answered once per key
 * (services/request-receipts.ts).
 */
export function buildApi(ctx: BackendContext): Implementation<Contract, CallMeta> {
  const guarded = Object.fromEntries(Object.entries(serviceHandlers(ctx)).map(([method, fn]) => [method, guard(ctx, method, fn)]));
  return guarded as Implementation<Contract, CallMeta>;
}

/**
 * Each method's function as its area builds it, before the guards: a resendable write built withRequestKey answers a
 * re-send itself, every other one by a receipt around the call (buildApi).
 */
export function serviceHandlers(ctx: BackendContext): Implementation<Contract> {
  return {
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
}

function guard(ctx: BackendContext, method: string, fn: (input: never, meta?: CallMeta) => unknown) {
  const keepsKey = keepsItsRequestKey(fn);
  const answeredHere = RESENDABLE_WRITES.has(method) && !keepsKey;
  return (input: unknown, meta: CallMeta = {}) => {
    if (!DURING_DRILL.has(method) && drillRunning(ctx.db)) {
      throw new ApiError('conflict', '演练正在进行，请等它结束后再操作 / a drill is being played into this file; wait until it ends', {
        details: { reason: 'drill-running' },
      });
    }
    const verdict = authorizeOnce(ctx, method, meta);
    if (!verdict.ok) throw new ApiError(verdict.error.code, verdict.error.message, { details: verdict.error.details });
    const { requestKey, ...withoutKey } = meta;
    const run = () => (fn as (i: unknown, m: CallMeta) => unknown)(input, keepsKey ? meta : withoutKey);
    const answer = runAsCaller(verdict.caller, () => (answeredHere ? answerOnce(ctx.db, method, requestKey, input, run) : run()));
    // A write made outside inTransaction reaches the second copy when its call ends (copy/second-copy.ts).
    const catchUp = () => secondCopyOf(ctx.db)?.catchUp();
    if (answer instanceof Promise) return answer.finally(catchUp);
    catchUp();
    return answer;
  };
}
