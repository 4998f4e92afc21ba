import { isClientError, type AppClient } from '../../api';
import { makeCertificateNumber } from '../../../shared/domain/certificate';

export interface VoterCard {
  name: string;
  group: string;
  certificate: string;
  assignment: string;
}

/**
 * The voters to print certificates for.
 *
 * Stand-in: the contract has no method listing the roll, so this walks the generated certificate numbers
 * (prefix + serial from 1 + check digit, as the roll import makes them) with lookupCertificate, which is read-only,
 * until it has found every voter rollSummary counts. Numbers given in the roll file itself are not found this way.
 * A `listVoters` method would replace all of this with one call.
 */
export async function loadVoterCards(
  api: AppClient,
  opts: { expected: number; prefix: string; onProgress?(found: number): void; batch?: number; maxMisses?: number },
): Promise<VoterCard[]> {
  const batch = opts.batch ?? 40;
  const maxMisses = opts.maxMisses ?? 400;
  const capacity = 10 ** (7 - opts.prefix.length);
  const cards: VoterCard[] = [];
  let serial = 1;
  let misses = 0;
  while (cards.length < opts.expected && misses < maxMisses && serial < capacity) {
    const numbers: string[] = [];
    for (let i = 0; i < batch && serial < capacity; i++) numbers.push(makeCertificateNumber(serial++, opts.prefix));
    const found = await Promise.all(
      numbers.map((certificate) =>
        api.call('lookupCertificate', { certificate }).catch((err: unknown) => {
          if (isClientError(err) && err.code === 'not-found') return null;
          throw err;
        }),
      ),
    );
    for (const v of found) {
      if (v === null) {
        misses++;
        continue;
      }
      misses = 0;
      cards.push({
        name: v.name,
        group: v.group,
        certificate: v.certificate,
        assignment: v.assignment.kind === 'venue' ? v.assignment.name : v.assignment.name,
      });
    }
    opts.onProgress?.(cards.length);
  }
  return cards;
}
