import type { ContractShape } from './envelope';
import { auditContract } from './audit';
import { certificatesContract } from './certificates';
import { countingContract } from './counting';
import { custodyContract } from './custody';
import { editsContract } from './edits';
import { dayContract } from './day';
import { drillContract } from './drill';
import { filesContract } from './files';
import { issuanceContract } from './issuance';
import { nominationContract } from './nomination';
import { peopleContract } from './people';
import { resultsContract } from './results';
import { rollLifeContract } from './roll-life';
import { representativesContract } from './representatives';
import { sealContract } from './seal';
import { sessionContract } from './session';
import { setupContract } from './setup';
import { stationsContract } from './stations';
import { townContract } from './town';
import { partyContract } from './party';
import { templatesContract } from './templates';

/**
 * The whole API: method name → input and output schemas. Each area keeps its own file; adding an area is one
 * import and one spread line here (and one builder, electron/backend/services/<area>-api.ts, spread into electron/backend/api.ts).
 */
export const contract = {
  ...sessionContract,
  ...setupContract,
  ...peopleContract,
  ...custodyContract,
  ...auditContract,
  ...issuanceContract,
  ...sealContract,
  ...countingContract,
  ...resultsContract,
  ...drillContract,
  ...dayContract,
  ...stationsContract,
  ...certificatesContract,
  ...townContract,
  ...rollLifeContract,
  ...representativesContract,
  ...filesContract,
  ...templatesContract,
  ...nominationContract,
  ...editsContract,
  ...partyContract,
} as const satisfies ContractShape;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
