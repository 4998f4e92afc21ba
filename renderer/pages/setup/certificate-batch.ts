import type { CertificateBatch } from '../../../shared/api/certificates';

/** What the person has chosen so far on the certificates tab; a batch once every field it needs is filled. */
export interface BatchDraft {
  kind: CertificateBatch['kind'];
  group: string;
  venue: string;
  box: string;
  from: string;
  to: string;
  household?: string;
}

export const ALL_VOTERS: BatchDraft = { kind: 'all', group: '', venue: '', box: '', from: '', to: '' };

export function batchOf(d: BatchDraft): CertificateBatch | null {
  switch (d.kind) {
    case 'all':
      return { kind: 'all' };
    case 'group':
      // "all groups" is the whole roll, as the group list always offered
      return d.group ? { kind: 'group', group: d.group } : { kind: 'all' };
    case 'venue':
      return d.venue ? { kind: 'venue', venue: d.venue } : null;
    case 'mobile-box':
      return d.box ? { kind: 'mobile-box', box: d.box } : null;
    case 'range':
      return d.from.trim() && d.to.trim() ? { kind: 'range', from: d.from.trim(), to: d.to.trim() } : null;
    case 'household':
      return d.household?.trim() ? { kind: 'household', household: d.household.trim() } : null;
  }
}

export const sheetsFor = (cards: number): number => Math.ceil(cards / 10);
