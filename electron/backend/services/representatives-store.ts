import { says } from '../context';
import type { Db } from '../db';
import { stmt } from './roll-store';

/**
 * What other areas ask of the representatives list (居民代表): whether the election is by representatives, who is
 * on the list, how many. In such an election only representatives are registered, get a certificate and a ballot.
 */

/** Representatives still on the roll. */
export const REPRESENTATIVE_COUNT =
  '(SELECT count(*) FROM representative r JOIN voter v ON v.id = r.voter_id WHERE v.removed_at IS NULL)';

export function byRepresentatives(db: Db): boolean {
  const e = stmt(db, 'SELECT method FROM election LIMIT 1').get() as { method: string } | undefined;
  return e?.method === 'representative';
}

export function isRepresentative(db: Db, voterId: number): boolean {
  return stmt(db, 'SELECT 1 FROM representative WHERE voter_id = ?').get(voterId) !== undefined;
}

export function representativeCount(db: Db): number {
  return (stmt(db, `SELECT ${REPRESENTATIVE_COUNT} AS n`).get() as { n: number }).n;
}

export function householdCount(db: Db): number | null {
  return (stmt(db, 'SELECT households FROM community_households WHERE id = 1').get() as { households: number } | undefined)?.households ?? null;
}

/** The message for a voter who is not a representative where only representatives may go on. */
export function notARepresentative(v: { name: string; certificate: string }, what: 'ballot' | 'certificate') {
  return says(what === 'ballot' ? 'error.reps.notRepresentative' : 'error.reps.certificatesOnly', { name: v.name, certificate: v.certificate });
}
