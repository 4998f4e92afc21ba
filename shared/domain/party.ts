/**
 * The Party members' meeting (党员大会): who counts as should-attend (应到会). Probationary members (预备党员) have no
 * vote; members excused with the town Party committee's and the meeting's approval, for one of the reasons the
 * rules allow, are left out (DOMAIN.md; the town plan in shared seeds 002). Pure: storage is in electron/backend/party.
 */

/** The reasons a member may be left out of the registered count, in the order the rules list them. */
export const EXCUSAL_REASONS = ['illness', 'abroad', 'detained', 'bedridden', 'away-unmoved'] as const;
export type ExcusalReason = (typeof EXCUSAL_REASONS)[number];

export interface PartyCounts {
  /** Members on the Party roll (removed ones not counted). */
  members: number;
  probationary: number;
  /** Full members excused from the registered count. */
  excused: number;
}

/** 应到会人数: members less probationary members less excused members. */
export function partyRegistered(c: PartyCounts): number {
  return c.members - c.probationary - c.excused;
}
