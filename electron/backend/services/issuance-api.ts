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
    reassignVoter: (input, meta) => reassignVoter(ctx, input, meta?.requestKey),
    mobileLists: (input) => mobileLists(ctx.db, input.box),
    approveProxy: (input, meta) => approveProxy(ctx, input, meta?.requestKey),
    revokeProxy: (input, meta) => revokeProxy(ctx, input, meta?.requestKey),
    listProxies: () => listProxies(ctx.db),
    addDesk: (input) => addDesk(ctx, input),
    listDesks: () => listDesks(ctx.db),
    receiveBallots: (input) => receiveBallots(ctx, input),
    returnUnusedBallots: (input) => returnUnusedBallots(ctx, input),
    ballotStock: (input) => stockStatus(ctx.db, input.round),
    issueBallot: (input, meta) => issueBallot(ctx, input, meta?.requestKey),
    recordAssistedWriting: (input) => recordAssistedWriting(ctx, input),
    exchangeSpoiled: (input, meta) => exchangeSpoiled(ctx, input, meta?.requestKey),
    turnout: (input) => turnout(ctx.db, input.round),
    undoLastIssue: (input, meta) => undoLastIssue(ctx, input, meta?.requestKey),
    notVotedSummary: (input) => notVotedSummary(ctx.db, input.round),
  };
}
