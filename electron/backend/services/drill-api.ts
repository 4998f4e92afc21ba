import type { DrillContract } from '../../../shared/api/drill';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import { drillCredentials } from '../drill/credentials';
import { runDrillInContext } from '../drill/run';

/** The drill methods of the contract (spread into buildApi): a drill into the open, empty election file. */
export function drillApi(ctx: BackendContext): Implementation<DrillContract> {
  return {
    startDrill: ({ voters, seed, stage }) => runDrillInContext(ctx, { voters, seed, stage }),
    drillCredentials: () => drillCredentials(ctx),
  };
}
