import type { CertificatesContract } from '../../../shared/api/certificates';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import { batchCards, batchChoices } from '../certificates/batches';
import { cancelCertificatePrint, certificatePrintView, startCertificatePrint } from '../certificates/print-job';
import { recordCertificateReprint } from '../certificates/reprint';

/** The voter certificate methods of the contract (spread into buildApi). */
export function certificatesApi(ctx: BackendContext): Implementation<CertificatesContract> {
  return {
    certificateBatches: () => batchChoices(ctx.db),
    certificateCards: ({ batch, offset, limit }) => batchCards(ctx.db, batch, offset, limit),
    startCertificatePrint: ({ batch, lang }) => startCertificatePrint(ctx, batch, lang),
    certificatePrintProgress: ({ job }) => certificatePrintView(ctx.db, job),
    cancelCertificatePrint: ({ job }) => cancelCertificatePrint(ctx.db, job),
    recordCertificateReprint: (input) => recordCertificateReprint(ctx, input),
  };
}
