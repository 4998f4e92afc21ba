/**
 * Household elections (户代表): one vote per household. A household is named by its household number (户号) on the
 * roll; the number is written as letters and digits, parts joined by "-" (e.g. 320102001, 3-2-101). Pure rules: the
 * database side is electron/backend/services/households.ts.
 */

export const HOUSEHOLD_MAX = 20;

export type HouseholdCheck = { ok: true; number: string } | { ok: false; problem: 'too-long' | 'malformed' };

const HOUSEHOLD_FORM = /^[0-9A-Z]+(?:-[0-9A-Z]+)*$/;

/** The stored form: NFKC (full-width digits and dashes become plain ones), no spaces, capital letters. */
export function normalizeHousehold(text: string): string {
  return text.normalize('NFKC').replace(/\s/gu, '').replace(/[‐‑‒–—－]/gu, '-').toUpperCase();
}

export function checkHousehold(text: string): HouseholdCheck {
  const number = normalizeHousehold(text);
  if ([...number].length > HOUSEHOLD_MAX) return { ok: false, problem: 'too-long' };
  if (!HOUSEHOLD_FORM.test(number)) return { ok: false, problem: 'malformed' };
  return { ok: true, number };
}

/** Whether an election counts households rather than voters (registered, quorum, thresholds, one ballot each). */
export function countsHouseholds(method: string): boolean {
  return method === 'household';
}

/** Registered units on the roll: households in a household election, voters otherwise. */
export function registeredUnits(method: string, onRoll: { voters: number; households: number }): number {
  return countsHouseholds(method) ? onRoll.households : onRoll.voters;
}

/**
 * The entries a household election cannot make certificates for: those with no household number, named by their
 * import line (or, for a voter added one by one, their certificate number). At most `shown` are named.
 */
export function describeMissingHouseholds(
  missing: readonly { line: number | null; certificate: string }[],
  shown = 10,
): { count: number; rows: string } {
  const named = missing.slice(0, shown).map((m) => (m.line !== null ? String(m.line) : m.certificate));
  return { count: missing.length, rows: missing.length > shown ? `${named.join(', ')} …` : named.join(', ') };
}
