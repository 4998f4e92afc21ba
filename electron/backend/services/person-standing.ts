import { OFFICIAL_ROLE_NAMES, type OfficialRole } from '../../../shared/domain/people';
import { notFound, refused, says } from '../context';
import type { Db } from '../db';
import { preparedOnce as q } from '../db/statements';

/** Who a person is now on the election's staff: their official roles and their seat on the election committee. */

export function personName(db: Db, id: number): string {
  const r = q(db, 'SELECT name FROM person WHERE id = ?').get(id) as { name: string } | undefined;
  if (!r) throw notFound(says('error.people.personId', { id }));
  return r.name;
}

/** The official roles the person holds now (not revoked), in the order granted. */
export function activeRoles(db: Db, id: number): OfficialRole[] {
  return (q(db, 'SELECT role FROM official_role WHERE person_id = ? AND revoked_at IS NULL ORDER BY id').all(id) as { role: OfficialRole }[]).map(
    (r) => r.role,
  );
}

export function isSittingCommitteeMember(db: Db, id: number): boolean {
  return q(db, 'SELECT 1 FROM committee_member WHERE person_id = ? AND left_at IS NULL').get(id) !== undefined;
}

/** The person must sit on the election committee now: its decisions (reassignments, proxies, rulings, reopening, later rounds). Returns their name. */
export function requireSittingCommitteeMember(db: Db, id: number): string {
  const name = personName(db, id);
  if (!isSittingCommitteeMember(db, id)) {
    throw refused(
      says('error.people.sittingElectionCommitteeMember2', { name }),
    );
  }
  return name;
}

/** The person holds one of these official roles now. Returns their name. */
export function requireRole(db: Db, id: number, roles: readonly OfficialRole[], what: { zh: string; en: string }): string {
  const name = personName(db, id);
  const held = activeRoles(db, id);
  if (!roles.some((r) => held.includes(r))) {
    throw refused(says('error.people.lacksRole', { name, roles: roles.map((r) => OFFICIAL_ROLE_NAMES[r]), what }));
  }
  return name;
}
