import type { CertificateCardView } from '../../../shared/api/certificates';
import { checkHousehold, HOUSEHOLD_MAX } from '../../../shared/domain/household';
import { says } from '../../../shared/i18n/says';
import { invalid, notFound } from '../context';
import type { Db } from '../db';
import { householdMembers, isHouseholdElection, requireHouseholdsOnRoll } from '../services/households';
import { stmt } from '../services/roll-store';

/**
 * Certificates in a household election (户代表): one per household, carrying the certificate number of its holder
 * (the first member in roll order) and naming the household number and every member. A number printed on the card
 * is a member's own, so the desk's one-ballot-per-household rule applies to it like to any member's.
 */

/** SQL condition on a `voter` row: it is its household's certificate holder. */
export const holderOnly = `voter.id = (SELECT h.id FROM voter h WHERE h.household = voter.household AND h.removed_at IS NULL
  ORDER BY h.import_id IS NULL, h.import_id, h.line, h.id LIMIT 1)`;

/**
 * True when certificates are made per household: a household election whose roll has a household number for everyone
 * (refused otherwise, naming how many and which rows do not). False in any other election.
 */
export function householdCertificatesReady(db: Db): boolean {
  if (!isHouseholdElection(db)) return false;
  requireHouseholdsOnRoll(db);
  return true;
}

/** The batch of one household's certificate; a number no one on the roll has is not found. */
export function householdBatch(db: Db, text: string): { where: string; params: string[]; order: string } {
  const check = checkHousehold(text);
  if (!check.ok) throw invalid('batch.household', says('error.household.malformed', { household: text, max: HOUSEHOLD_MAX }));
  if (stmt(db, 'SELECT 1 FROM voter WHERE household = ? AND removed_at IS NULL LIMIT 1').get(check.number) === undefined) {
    throw notFound(says('error.household.unknown', { household: check.number }));
  }
  return { where: 'WHERE household = ? AND removed_at IS NULL', params: [check.number], order: 'id' };
}

/** The household part of a card, in a household election. */
export function householdCardPart(db: Db, household: string | null): Pick<CertificateCardView, 'household'> {
  if (household === null || !isHouseholdElection(db)) return {};
  return { household: { number: household, members: householdMembers(db, household).map((m) => m.name) } };
}
