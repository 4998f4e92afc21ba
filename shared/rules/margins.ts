import type { Body } from '../record';

export interface MarginShortfall {
  office: string;
  seats: number;
  candidates: number;
  /** The fewest candidates the margin rule accepts for this office. */
  required: number;
}

/**
 * Fewest candidates for an office (DOMAIN.md §7.5): residents and supervisory seats + 1 (members up to seats + 2 is
 * the norm, more is not reported); Party candidates × 5 >= seats × 6, i.e. at least 1.2 × seats.
 */
export function requiredCandidates(body: Body, seats: number): number {
  return body === 'party' ? Math.ceil((seats * 6) / 5) : seats + 1;
}

/** The offices with fewer candidates than the margin rule asks, in the order given. */
export function checkCandidateMargins(
  body: Body,
  offices: ReadonlyArray<{ id: string; seats: number }>,
  candidates: ReadonlyArray<{ office: string }>,
): MarginShortfall[] {
  const short: MarginShortfall[] = [];
  for (const o of offices) {
    const n = candidates.filter((c) => c.office === o.id).length;
    const required = requiredCandidates(body, o.seats);
    if (n < required) short.push({ office: o.id, seats: o.seats, candidates: n, required });
  }
  return short;
}
