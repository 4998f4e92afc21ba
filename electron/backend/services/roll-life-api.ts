import type { Implementation } from '../../../shared/api/envelope';
import type { RollLifeContract } from '../../../shared/api/roll-life';
import type { BackendContext } from '../context';
import { addVoter, correctVoter, publishRoll, removeVoter, rollStatus, setEligibleCount } from './roll-life';
import { decideObjection, fileObjection, listObjections } from './roll-objections';
import { withRequestKey } from './request-receipts';

/** The roll's life and objections (spread into buildApi). */
export function rollLifeApi(ctx: BackendContext): Implementation<RollLifeContract> {
  return {
    rollStatus: () => rollStatus(ctx),
    addVoter: withRequestKey((input, key) => addVoter(ctx, input, key)),
    removeVoter: withRequestKey((input, key) => removeVoter(ctx, input, key)),
    correctVoter: withRequestKey((input, key) => correctVoter(ctx, input, key)),
    setEligibleCount: withRequestKey((input, key) => setEligibleCount(ctx, input, key)),
    publishRoll: withRequestKey((input, key) => publishRoll(ctx, input, key)),
    listObjections: () => listObjections(ctx),
    fileObjection: (input) => fileObjection(ctx, input),
    decideObjection: withRequestKey((input, key) => decideObjection(ctx, input, key)),
  };
}
