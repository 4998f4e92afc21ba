import type { Implementation } from '../../../shared/api/envelope';
import type { IssuanceContract } from '../../../shared/api/issuance';
import type { BackendContext } from '../context';
import {
  addDesk,
  exchangeSpoiled,
  issueBallot,
  listDesks,
  receiveBallots,
  recordAssistedWriting,
  returnUnusedBallots,
  stockStatus,
} from './issuance';
import { approveProxy, listProxies, revokeProxy } from './proxies';
import { importRoll } from './roll';
import { turnout } from './turnout';
import { assignGroup, lookupVoter, mobileLists, reassignVoter, rollSummary } from './voters';

/** The roll/proxy/desk/stock/issuance/turnout methods of the contract (spread into buildApi). */
export function issuanceApi(ctx: BackendContext): Implementation<IssuanceContract> {
  return {
    'roll:import': (input) =>
      importRoll(ctx, {
        bytes: Buffer.from(input.contentBase64, 'base64'),
        fileName: input.fileName,
        encoding: input.encoding,
        certificatePrefix: input.certificatePrefix,
        assign: input.assign,
      }),
    'roll:lookup': (input) => lookupVoter(ctx.db, input.certificate),
    'roll:summary': () => rollSummary(ctx.db),
    'roll:assignGroup': (input) => assignGroup(ctx, input),
    'roll:reassign': (input) => reassignVoter(ctx, input),
    'roll:mobileLists': (input) => mobileLists(ctx.db, input.box),
    'proxy:approve': (input) => approveProxy(ctx, input),
    'proxy:revoke': (input) => revokeProxy(ctx, input),
    'proxy:list': () => listProxies(ctx.db),
    'desk:add': (input) => addDesk(ctx, input),
    'desk:list': () => listDesks(ctx.db),
    'stock:receive': (input) => receiveBallots(ctx, input),
    'stock:returnUnused': (input) => returnUnusedBallots(ctx, input),
    'stock:status': (input) => stockStatus(ctx.db, input.round),
    'issuance:issue': (input) => issueBallot(ctx, input),
    'issuance:assisted': (input) => recordAssistedWriting(ctx, input),
    'issuance:spoiled': (input) => exchangeSpoiled(ctx, input),
    'turnout:get': (input) => turnout(ctx.db, input.round),
  };
}
