import type { AppClient } from '../../api';

export interface VoterCard {
  name: string;
  group: string;
  certificate: string;
  assignment: string;
}

const PAGE = 1000;

/** Every voter on the roll, in roll order, a page at a time (progress after each page). */
export async function loadVoterCards(api: AppClient, opts: { onProgress?(found: number, total: number): void } = {}): Promise<VoterCard[]> {
  const cards: VoterCard[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.call('listVoters', { offset, limit: PAGE });
    for (const v of page.voters) {
      cards.push({ name: v.name, group: v.group, certificate: v.certificate, assignment: v.assignment.name });
    }
    opts.onProgress?.(cards.length, page.total);
    if (page.voters.length < PAGE || cards.length >= page.total) return cards;
  }
}
