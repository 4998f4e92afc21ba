import type { ErrorText } from '../../../shared/api/error-text';
import { says } from '../../../shared/i18n/says';
import type { Db } from '../db';
import { isExcused } from './counts';

/**
 * Why a Party meeting's desk gives this member no ballot: a probationary member has no vote, and an excused member
 * is out of the registered count (counting them as participants would break the 4/5 check). Null: nothing against.
 */
export function partyBallotRefusal(
  db: Db,
  voter: { id: number; name: string; certificate: string; probationary?: 0 | 1 },
): { said: ErrorText; reason: 'probationary-member' | 'excused-member' } | null {
  const params = { name: voter.name, certificate: voter.certificate };
  if (voter.probationary === 1) return { said: says('error.party.probationaryNoBallot', params), reason: 'probationary-member' };
  if (isExcused(db, voter.id)) return { said: says('error.party.excusedNoBallot', params), reason: 'excused-member' };
  return null;
}
