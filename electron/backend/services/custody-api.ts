import type { CustodyContract } from '../../../shared/api/custody';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import { custodyOverview, custodyState, decideFlaggedBox, recordCustodyStep } from './custody';
import { withRequestKey } from './request-receipts';

/** The ballot-box custody methods of the contract (shared/api/custody.ts). */
export function custodyApi(ctx: BackendContext): Implementation<CustodyContract> {
  return {
    recordCustodyStep: (input) => recordCustodyStep(ctx, input),
    decideFlaggedBox: withRequestKey((input, key) => decideFlaggedBox(ctx, input, key)),
    custodyTrail: ({ box, round }) => custodyState(ctx.db, box, round),
    custodyOverview: ({ round }) => custodyOverview(ctx.db, round),
  };
}
