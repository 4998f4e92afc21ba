import type { Implementation } from '../../../shared/api/envelope';
import type { SealContract } from '../../../shared/api/seal';
import type { BackendContext } from '../context';
import { sealElection, stationFingerprint, verifySealedPath } from './seal';

/** The sealed-file methods of the contract (spread into buildApi). */
export function sealApi(ctx: BackendContext): Implementation<SealContract> {
  return {
    stationFingerprint: () => {
      const fp = stationFingerprint(ctx);
      return { hex: fp.hex, short: fp.short, full: fp.full };
    },
    sealToFile: ({ path, overwrite }) => sealElection(ctx, { path, overwrite }),
    verifySealedFile: ({ path, fingerprint }) => verifySealedPath(path, fingerprint),
  };
}
