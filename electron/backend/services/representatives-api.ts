import type { Implementation } from '../../../shared/api/envelope';
import type { RepresentativesContract } from '../../../shared/api/representatives';
import type { BackendContext } from '../context';
import { addRepresentative, listRepresentatives, removeRepresentative, representativesStatus, setHouseholdCount } from './representatives';
import { importRepresentatives } from './representatives-import';

/** The representatives list of an election by residents' representatives (spread into buildApi). */
export function representativesApi(ctx: BackendContext): Implementation<RepresentativesContract> {
  return {
    representativesStatus: () => representativesStatus(ctx),
    listRepresentatives: (input) => listRepresentatives(ctx, input),
    addRepresentative: (input, meta) => addRepresentative(ctx, input, meta?.requestKey),
    removeRepresentative: (input, meta) => removeRepresentative(ctx, input, meta?.requestKey),
    setHouseholdCount: (input, meta) => setHouseholdCount(ctx, input, meta?.requestKey),
    importRepresentatives: (input, meta) =>
      importRepresentatives(ctx, { bytes: Buffer.from(input.contentBase64, 'base64'), fileName: input.fileName, approval: input.approval }, meta?.requestKey),
  };
}
