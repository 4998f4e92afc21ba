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
import { undoLastIssue } from './issuance-undo';
import { notVotedSummary } from './not-voted';
import { approveProxy, listProxies, revokeProxy } from './proxies';
import { importRoll } from './roll';
import { turnout } from './turnout';
import { assignGroup, listVoters, lookupVoter, mobileLists, reassignVoter, rollGroups, rollSummary } from './voters';
import { voterHistory } from './voter-history';
import { withRequestKey } from './request-receipts';

/** The roll/proxy/desk/stock/issuance/turnout methods of the contract (spread into buildApi). */
export function issuanceApi(ctx: BackendContext): Implementation<IssuanceContract> {
  return {
    importRoll: (input) =>
      importRoll(ctx, {
        bytes: Buffer.from(input.contentBase64, 'base64'),
        fileName: input.fileName,
        encoding: input.encoding,
        certificatePrefix: input.certificatePrefix,
        assign: input.assign,
        dryRun: input.dryRun,
      }),
    listVoters: (input) => listVoters(ctx.db, input),
    lookupCertificate: (input) => lookupVoter(ctx.db, input.certificate),
    voterHistory: (input) => voterHistory(ctx.db, input.certificate),
    rollGroups: () => rollGroups(ctx.db),
    rollSummary: () => rollSummary(ctx.db),
    assignGroup: (input) => assignGroup(ctx, input),
    reassignVoter: withRequestKey((input, key) => reassignVoter(ctx, input, key)),
    mobileLists: (input) => mobileLists(ctx.db, input.box),
    approveProxy: withRequestKey((input, key) => approveProxy(ctx, input, key)),
    revokeProxy: withRequestKey((input, key) => revokeProxy(ctx, input, key)),
    listProxies: () => listProxies(ctx.db),
    addDesk: (input) => addDesk(ctx, input),
    listDesks: () => listDesks(ctx.db),
    receiveBallots: (input) => receiveBallots(ctx, input),
    returnUnusedBallots: (input) => returnUnusedBallots(ctx, input),
    ballotStock: (input) => stockStatus(ctx.db, input.round),
    issueBallot: withRequestKey((input, key) => issueBallot(ctx, input, key)),
    recordAssistedWriting: (input) => recordAssistedWriting(ctx, input),
    exchangeSpoiled: withRequestKey((input, key) => exchangeSpoiled(ctx, input, key)),
    turnout: (input) => turnout(ctx.db, input.round),
    undoLastIssue: withRequestKey((input, key) => undoLastIssue(ctx, input, key)),
    notVotedSummary: (input) => notVotedSummary(ctx.db, input.round),
  };
}
