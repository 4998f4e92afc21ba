import type { IssuedWhere } from '../../../shared/api/issuance';
import { describeMissingHouseholds } from '../../../shared/domain/household';
import { says } from '../../../shared/i18n/says';
import { refused } from '../context';
import type { Db } from '../db';
import { issuanceFactsOf, stmt } from './roll-store';

/** Household elections (户代表) on the database: households on the roll, their members, and who voted for one. */

/** Households on the roll (removed voters not counted), through the partial index of household numbers. */
export function householdCount(db: Db): number {
  return (stmt(db, 'SELECT count(DISTINCT household) AS n FROM voter WHERE household IS NOT NULL AND removed_at IS NULL').get() as { n: number }).n;
}

export function isHouseholdElection(db: Db): boolean {
  return (stmt(db, 'SELECT method FROM election WHERE id = 1').get() as { method: string } | undefined)?.method === 'household';
}

/** A household's members on the roll, in roll order. */
export function householdMembers(db: Db, household: string): { id: number; name: string; certificate: string }[] {
  return stmt(
    db,
    `SELECT id, name, certificate FROM voter WHERE household = ? AND removed_at IS NULL
     ORDER BY import_id IS NULL, import_id, line, id`,
  ).all(household) as { id: number; name: string; certificate: string }[];
}

/** Who already received this round's ballot for the household (one per household per round), and where. */
export function householdVoted(db: Db, household: string, round: number): { name: string; certificate: string; where: IssuedWhere } | null {
  const row = stmt(
    db,
    `SELECT v.id, v.name, v.certificate FROM issuance i JOIN voter v ON v.id = i.voter_id
     WHERE v.household = ? AND i.round_number = ? LIMIT 1`,
  ).get(household, round) as { id: number; name: string; certificate: string } | undefined;
  if (!row) return null;
  const facts = issuanceFactsOf(db, row.id).find((f) => f.round === round)!;
  const { trustee, assistedBy: _helper, ...where } = facts;
  return { name: row.name, certificate: row.certificate, where: { ...where, proxy: trustee !== null } };
}

/**
 * Certificates in a household election are made per household: every voter on the roll must carry a household
 * number first. Refused with how many do not and which rows (import lines, or certificate numbers of voters added
 * one by one).
 */
export function requireHouseholdsOnRoll(db: Db): void {
  const missing = stmt(
    db,
    `SELECT line, certificate FROM voter WHERE household IS NULL AND removed_at IS NULL
     ORDER BY import_id IS NULL, import_id, line, id`,
  ).all() as { line: number | null; certificate: string }[];
  if (missing.length === 0) return;
  throw refused(says('error.household.missing', describeMissingHouseholds(missing)), { reason: 'household-missing', count: missing.length });
}
