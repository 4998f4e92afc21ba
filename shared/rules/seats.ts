/**
 * Who gets the seats of one office (DOMAIN.md §7.3 step 3, §7.4): among those meeting the threshold, most votes
 * first; when equal votes straddle the last seat, those strictly above are elected and the equal ones tie for the
 * remaining seats.
 */
export interface SeatAllocation<T> {
  elected: T[];
  tied: T[];
  /** Seats going to a tie re-vote among `tied` (0 when nobody is tied). */
  tieSeats: number;
}

/** `ranked` must be sorted by votes, most first; persons below the threshold are ignored. */
export function allocateSeats<T>(ranked: readonly T[], votes: (t: T) => number, seats: number, threshold: number): SeatAllocation<T> {
  const floor = Math.max(1, threshold);
  const qualifiers = ranked.filter((t) => votes(t) >= floor);
  if (qualifiers.length <= seats) return { elected: qualifiers, tied: [], tieSeats: 0 };
  const cut = votes(qualifiers[seats - 1]!);
  if (votes(qualifiers[seats]!) !== cut) return { elected: qualifiers.slice(0, seats), tied: [], tieSeats: 0 };
  const elected = qualifiers.filter((t) => votes(t) > cut);
  const tied = qualifiers.filter((t) => votes(t) === cut);
  return { elected, tied, tieSeats: seats - elected.length };
}

/** The first `count` items of a ranked list, plus every further item with the same votes as the last one taken. */
export function topWithTies<T>(ranked: readonly T[], votes: (t: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (ranked.length <= count) return [...ranked];
  const edge = votes(ranked[count - 1]!);
  let end = count;
  while (end < ranked.length && votes(ranked[end]!) === edge) end++;
  return ranked.slice(0, end);
}
