import type { IssuanceRefusal } from '../../../shared/api/issuance';
import type { ApiError } from '../../../shared/api/envelope';
import { formatTimeOfDay } from '../../../shared/domain/when';
import { says } from '../../../shared/i18n/says';
import { refused } from '../context';
import type { Db } from '../db';
import { householdVoted, isHouseholdElection } from './households';
import type { VoterRow } from './roll-store';

/**
 * The desk's household rule (户代表): one ballot per household per round. Checked inside issueBallot's write
 * transaction, so two members at two desks at once get one ballot between them. Null: nothing against issuing
 * (always so in an election by any other method).
 */
export function householdRefusal(db: Db, voter: VoterRow, round: number): { error: ApiError; details: IssuanceRefusal } | null {
  if (!isHouseholdElection(db)) return null;
  if (voter.household === null) {
    const details: IssuanceRefusal = { reason: 'household-missing' };
    return { error: refused(says('error.household.noNumber', { name: voter.name, certificate: voter.certificate }), details), details };
  }
  const voted = householdVoted(db, voter.household, round);
  if (!voted) return null;
  const details: IssuanceRefusal = { reason: 'household-voted', household: voter.household, by: { name: voted.name, certificate: voted.certificate }, first: voted.where };
  const said = says('error.household.voted', {
    household: voter.household,
    round,
    name: voted.name,
    certificate: voted.certificate,
    time: formatTimeOfDay(voted.where.at),
    place: `${voted.where.venueName} · ${voted.where.boxName}`,
  });
  return { error: refused(said, details), details };
}
