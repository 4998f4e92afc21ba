import type { Implementation } from '../../../shared/api/envelope';
import type { SealContract } from '../../../shared/api/seal';
import type { BackendContext } from '../context';
import { exportFolder, exportPath, setExportFolder } from './export-folder';
import { sealElection, sealOverrideDecision, stationFingerprint, verifySealedPath } from './seal';

/** The sealed-file methods of the contract (spread into buildApi). */
export function sealApi(ctx: BackendContext): Implementation<SealContract> {
  return {
    stationFingerprint: () => {
      const fp = stationFingerprint(ctx);
      return { hex: fp.hex, short: fp.short, full: fp.full };
    },
    exportFolder: () => exportFolder(ctx),
    setExportFolder: ({ folder }) => setExportFolder(ctx, folder),
    sealToFile: ({ name, overwrite, override }) => {
      const path = exportPath(ctx, name);
      // The approvers' PINs are checked before sealing's transactions (a wrong one counts toward the lockout).
      const decision = override === undefined ? undefined : sealOverrideDecision(ctx, override);
      return sealElection(ctx, { path, overwrite, ...(decision ? { override: decision } : {}) });
    },
    verifySealedFile: ({ path, fingerprint }) => verifySealedPath(path, fingerprint),
  };
}
