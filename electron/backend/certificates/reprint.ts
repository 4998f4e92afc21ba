import type { CertificateCardView } from '../../../shared/api/certificates';
import { appendAudit } from '../audit';
import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { certificateArg } from '../services/voters';
import { cardOfCertificate } from './batches';

/**
 * One voter's certificate printed again (lost or damaged): the same number, so the desk still gives one ballot per
 * voter; the audit log keeps who reprinted whose certificate, when and why.
 */
export function recordCertificateReprint(ctx: BackendContext, input: { certificate: string; reason: string }): CertificateCardView {
  const certificate = certificateArg(input.certificate);
  return inTransaction(ctx.db, () => {
    const { voterId: _, ...card } = cardOfCertificate(ctx.db, certificate);
    appendAudit(ctx.db, {
      type: 'certificate.reprinted',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `certificate:${certificate}`,
      detail: { voter: card.name, group: card.group, reason: input.reason },
    });
    return card;
  });
}
