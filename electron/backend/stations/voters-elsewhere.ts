import type { AssignmentView } from '../../../shared/api/issuance';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';

/**
 * On a station laptop: where a voter of another station votes, from the certificate numbers its package carried
 * (station-package.ts `elsewhere`), so the desk says "votes at …" instead of "not on the roll". Null elsewhere.
 */
export function votesElsewhere(db: Db, certificate: string): AssignmentView | null {
  const r = q(
    db,
    `SELECT e.venue_id, e.mobile_box_id, e.mobile_box_name, v.name AS venue_name FROM voter_elsewhere e LEFT JOIN venue v ON v.id = e.venue_id
     WHERE e.certificate = ?`,
  ).get(certificate) as { venue_id: string; mobile_box_id: string | null; mobile_box_name: string | null; venue_name: string | null } | undefined;
  if (!r) return null;
  return r.mobile_box_id !== null
    ? { kind: 'mobile-box', id: r.mobile_box_id, name: r.mobile_box_name ?? r.mobile_box_id, venue: r.venue_id }
    : { kind: 'venue', id: r.venue_id, name: r.venue_name ?? r.venue_id };
}
