import type { Implementation } from '../../../shared/api/envelope';
import type { StationsContract } from '../../../shared/api/stations';
import type { BackendContext } from '../context';
import { stationsOverview } from '../stations/overview';
import { readStationFile } from '../stations/read-file';
import { importStationReturn } from '../stations/return-import';
import { RETURN_MAX_BYTES } from '../stations/return-payload';
import { writeStationReturn } from '../stations/return-write';
import { exportStationPackage, openStationPackage, PACKAGE_MAX_BYTES } from '../stations/station-package';
import { exportPath } from './export-folder';
import { chooseSecondCopyFolder, secondCopyStatus } from '../copy/choose-folder';
import { restoreFromCopy } from '../copy/restore';
import { recordPhonedTurnout } from '../stations/phoned-turnout';
import { takeOverStation } from '../stations/takeover';
import { stationSlip } from '../stations/slips';
import { withRequestKey } from './request-receipts';

/** Station packages and returns (shared/api/stations.ts). */
export function stationsApi(ctx: BackendContext): Implementation<StationsContract> {
  return {
    exportStationPackage: ({ station, name, overwrite }) => exportStationPackage(ctx, { station, path: exportPath(ctx, name), overwrite }),
    openStationPackage: async ({ path, fingerprint }) => openStationPackage(ctx, await readStationFile(path, PACKAGE_MAX_BYTES), fingerprint),
    writeStationReturn: ({ name, closing, overwrite }) => writeStationReturn(ctx, { path: exportPath(ctx, name), closing, overwrite }),
    importStationReturn: async ({ path, fingerprint, approvals }) =>
      importStationReturn(ctx, await readStationFile(path, RETURN_MAX_BYTES), { fingerprint, approvals }),
    stationsOverview: () => stationsOverview(ctx),
    stationSlip: async (input) => {
      const slip = await stationSlip(ctx, input);
      return { fileName: slip.fileName, mime: 'application/pdf', contentBase64: slip.pdf.toString('base64') };
    },
    secondCopyStatus: () => secondCopyStatus(ctx),
    chooseSecondCopyFolder: ({ folder, flush }) => chooseSecondCopyFolder(ctx, folder, flush),
    takeOverStation: async ({ packagePath, copyPath, fingerprint }) =>
      takeOverStation(ctx, { packageBytes: await readStationFile(packagePath, PACKAGE_MAX_BYTES), copyDir: copyPath, fingerprint }),
    restoreFromCopy: ({ copyPath }) => restoreFromCopy(ctx, copyPath),
    recordPhonedTurnout: withRequestKey((input, key) => recordPhonedTurnout(ctx, input, key)),
  };
}
