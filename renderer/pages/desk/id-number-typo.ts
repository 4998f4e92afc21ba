import { idNumberCheckChar, isRealDate, normalizeIdNumber } from '../../../shared/domain/roll';

/** What is wrong with a typed 18-character ID number (GB 11643), or null when it is fine or is not one. */
export type IdNumberTypo = { kind: 'check-digit'; idNumber: string; expected: string } | { kind: 'birth-date'; idNumber: string };

/**
 * A typed search that has the shape of an 18-character resident ID number but cannot be one: its birth date is not
 * a date, or its last character is not the check character of the first 17. Names, certificate numbers and
 * shorter digit strings are not judged (null).
 */
export function idNumberTypo(typed: string): IdNumberTypo | null {
  const id = normalizeIdNumber(typed.trim());
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  if (!isRealDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return { kind: 'birth-date', idNumber: id };
  const expected = idNumberCheckChar(id.slice(0, 17));
  return id[17] === expected ? null : { kind: 'check-digit', idNumber: id, expected };
}
