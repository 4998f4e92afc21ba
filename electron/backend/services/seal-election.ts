import type { Db } from '../db';
import { readCandidates, readOffices, requireElection } from './setup-read';
import { readBoxes, readVenues } from './setup-venues';

/**
 * The election definition as the station holds it, for the sealed file: what was published before the day (offices,
 * the formal candidate list, venues and boxes, the election committee, the officials with their roles). Nothing
 * private: no ID numbers, no PINs, no voter. Shaped like the definition `station init` reads.
 */
export function sealedElectionDefinition(db: Db): Record<string, unknown> {
  const e = requireElection(db);
  const committee = db
    .prepare(
      `SELECT p.name, c.position, c.left_at, c.left_reason FROM committee_member c JOIN person p ON p.id = c.person_id
       ORDER BY c.joined_at, p.id`,
    )
    .all() as { name: string; position: string; left_at: string | null; left_reason: string | null }[];
  const roles = db
    .prepare(
      `SELECT p.id, p.name, r.role, r.venue_id, r.revoked_at, r.revoked_reason FROM official_role r JOIN person p ON p.id = r.person_id
       ORDER BY p.id, r.id`,
    )
    .all() as { id: number; name: string; role: string; venue_id: string | null; revoked_at: string | null; revoked_reason: string | null }[];
  const officials = new Map<number, { name: string; roles: Array<{ role: string; venue?: string; revoked?: { at: string; reason: string } }> }>();
  for (const r of roles) {
    const o = officials.get(r.id) ?? { name: r.name, roles: [] };
    o.roles.push({
      role: r.role,
      ...(r.venue_id !== null ? { venue: r.venue_id } : {}),
      ...(r.revoked_at !== null ? { revoked: { at: r.revoked_at, reason: r.revoked_reason ?? '' } } : {}),
    });
    officials.set(r.id, o);
  }
  return {
    title: e.title,
    community: e.community,
    body: e.body,
    method: e.method,
    date: e.date,
    drill: e.drill,
    rules: e.rules,
    registered: e.registered,
    offices: readOffices(db).map((o) => ({ id: o.id, title: o.title, rank: o.rank, seats: o.seats, womenOnly: o.womenOnly })),
    candidates: readCandidates(db).map((c) => ({ id: c.id, name: c.name, office: c.office, ...(c.gender ? { gender: c.gender } : {}) })),
    venues: readVenues(db).map((v) => ({ id: v.id, name: v.name, kind: v.kind })),
    boxes: readBoxes(db).map((b) => ({ id: b.id, name: b.name, kind: b.kind, venue: b.venue, ...(b.kind === 'mobile' ? { staff: b.staff } : {}) })),
    committee: committee.map((m) => ({
      name: m.name,
      position: m.position,
      ...(m.left_at !== null ? { left: { at: m.left_at, reason: m.left_reason ?? '' } } : {}),
    })),
    officials: [...officials.values()],
  };
}
