import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import { notFound, refused, says } from '../context';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';
import { requireElection } from '../services/setup-read';

/** A polling station, or a mobile box whose staff carry a laptop: what a package is made for. */
export interface Station {
  id: string;
  kind: 'venue' | 'mobile-box';
  name: string;
  /** The boxes its desks fill (a venue's boxes other than mobile ones; a mobile box itself). */
  boxes: string[];
}

/**
 * The election's identity across laptops: a hash of what never changes after it is created (community, body, the
 * moment of creation). Every station file of the election carries it, so another election's file is told apart.
 */
export function electionId(db: Db): string {
  const e = requireElection(db);
  return createHash('sha256').update(canonicalJson({ community: e.community, body: e.body, createdAt: e.createdAt }), 'utf8').digest('hex');
}

/** SQL conditions selecting a station's boxes and voters (parameter @station). */
export function stationScope(kind: Station['kind']): { boxes: string; voters: string } {
  return kind === 'venue'
    ? { boxes: "venue_id = @station AND kind <> 'mobile'", voters: 'venue_id = @station' }
    : { boxes: "id = @station AND kind = 'mobile'", voters: 'mobile_box_id = @station' };
}

/** A polling station by its venue id, or a mobile box by its box id; the central venue is not a station. */
export function resolveStation(db: Db, id: string): Station {
  const venue = q(db, 'SELECT id, name, kind FROM venue WHERE id = ?').get(id) as { id: string; name: string; kind: string } | undefined;
  if (venue?.kind === 'central') {
    throw refused(says('error.stations.centralVenuePollingStation', { name: venue.name, id }), { reason: 'central-venue' });
  }
  const box = venue ? undefined : (q(db, "SELECT id, name FROM box WHERE id = ? AND kind = 'mobile'").get(id) as { id: string; name: string } | undefined);
  if (!venue && !box) throw notFound(says('error.stations.pollingStationMobileBox', { id }));
  const kind: Station['kind'] = venue ? 'venue' : 'mobile-box';
  const boxes = (q(db, `SELECT id FROM box WHERE ${stationScope(kind).boxes} ORDER BY id`).all({ station: id }) as { id: string }[]).map((b) => b.id);
  return { id, kind, name: (venue ?? box)!.name, boxes };
}
