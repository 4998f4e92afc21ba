import type { Implementation } from '../../../shared/api/envelope';
import type { RollLifeContract } from '../../../shared/api/roll-life';
import type { BackendContext } from '../context';
import { addVoter, correctVoter, publishRoll, removeVoter, rollStatus, setEligibleCount } from './roll-life';
import { decideObjection, fileObjection, listObjections } from './roll-objections';

/** The roll's life and objections (spread into buildApi). */
export function rollLifeApi(ctx: BackendContext): Implementation<RollLifeContract> {
  return {
    rollStatus: () => rollStatus(ctx),
    addVoter: (input, meta) => addVoter(ctx, input, meta?.requestKey),
    removeVoter: (input, meta) => removeVoter(ctx, input, meta?.requestKey),
    correctVoter: (input, meta) => correctVoter(ctx, input, meta?.requestKey),
    setEligibleCount: (input, meta) => setEligibleCount(ctx, input, meta?.requestKey),
    publishRoll: (input, meta) => publishRoll(ctx, input, meta?.requestKey),
    listObjections: () => listObjections(ctx),
    fileObjection: (input) => fileObjection(ctx, input),
    decideObjection: (input, meta) => decideObjection(ctx, input, meta?.requestKey),
  };
}
