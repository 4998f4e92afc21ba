import type { AppClient } from '../../api';
import type { CertificateBatch, CertificateCardView } from '../../../shared/api/certificates';

export interface VoterCard {
  name: string;
  group: string;
  certificate: string;
  assignment: string;
  /** Household election: the household's card (户号 and its members). */
  household?: { number: string; members: string[] };
}

export function voterCardOf(c: CertificateCardView): VoterCard {
  return { name: c.name, group: c.group, certificate: c.certificate, assignment: c.assignment.name, ...(c.household ? { household: c.household } : {}) };
}

/** The first `limit` cards of a batch (the preview), and how many the batch holds. */
export async function loadBatchPreview(api: AppClient, batch: CertificateBatch, limit: number): Promise<{ total: number; cards: VoterCard[] }> {
  const page = await api.call('certificateCards', { batch, offset: 0, limit });
  return { total: page.total, cards: page.cards.map(voterCardOf) };
}
