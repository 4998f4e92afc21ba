import type { Implementation } from '../../../shared/api/envelope';
import type { RepresentativesContract } from '../../../shared/api/representatives';
import type { BackendContext } from '../context';
import { addRepresentative, listRepresentatives, removeRepresentative, representativesStatus, setHouseholdCount } from './representatives';
import { importRepresentatives } from './representatives-import';
import { withRequestKey } from './request-receipts';

/** The representatives list of an election by residents' representatives (spread into buildApi). */
export function representativesApi(ctx: BackendContext): Implementation<RepresentativesContract> {
  return {
    representativesStatus: () => representativesStatus(ctx),
    listRepresentatives: (input) => listRepresentatives(ctx, input),
    addRepresentative: withRequestKey((input, key) => addRepresentative(ctx, input, key)),
    removeRepresentative: withRequestKey((input, key) => removeRepresentative(ctx, input, key)),
    setHouseholdCount: withRequestKey((input, key) => setHouseholdCount(ctx, input, key)),
    importRepresentatives: withRequestKey((input, key) =>
      importRepresentatives(ctx, { bytes: Buffer.from(input.contentBase64, 'base64'), fileName: input.fileName, approval: input.approval }, key),
    ),
  };
}
