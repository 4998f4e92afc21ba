/**
 * The minimum number of residents' representatives (居民代表) for a community's household count, as the town plan in
 * seeds/002 sets it: 500户以下不少于20名, 1000户以下不少于30名, 1000户以上不少于50名. "以下" includes the bound, as in
 * Chinese legal usage, so 500 households need 20 and 1000 need 30.
 */
export function representativeMinimum(households: number): number {
  if (households <= 500) return 20;
  if (households <= 1000) return 30;
  return 50;
}

export type RepresentativeCheck =
  | { known: false; count: number }
  | { known: true; count: number; households: number; minimum: number; ok: boolean };

/** Whether the list is long enough; unknown until the committee has entered the household count. */
export function checkRepresentatives(count: number, households: number | null): RepresentativeCheck {
  if (households === null) return { known: false, count };
  const minimum = representativeMinimum(households);
  return { known: true, count, households, minimum, ok: count >= minimum };
}

/** Upper bounds for what the committee types and imports. */
export const REPRESENTATIVE_LIMITS = {
  households: 1_000_000,
  /** A representatives file: a few hundred rows; far below the roll's limit. */
  fileBytes: 2 * 1024 * 1024,
  rows: 5_000,
} as const;
