import type { AssignmentView, IssuanceContract, VoterView } from '../../../shared/api/issuance';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import { checkCertificateNumber } from '../../../shared/domain/certificate';
import { CATEGORY_IDS } from '../../../shared/domain/roll';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { invalid, notFound, refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import {
  anyIssuance,
  ON_ROLL_COUNT,
  assignmentOf,
  describeAssignment,
  issuancesOf,
  requireVoter,
  ON_ROLL,
  stmt,
  voterById,
  voterFacts,
  type VoterRow,
} from './roll-store';
import { approvedWrite } from './approved-write';
import { electorsOnly } from './electors';
import { householdsOfGroup, requireHouseholdsTogether } from './household-places';
import { isHouseholdElection } from './households';

/** A typed or scanned certificate number, normalised; a malformed one is bad input naming the problem. */
export function certificateArg(text: string, path = 'certificate'): string {
  const c = checkCertificateNumber(text);
  if (!c.ok) throw invalid(path, c.zh, c.en);
  return c.number;
}

/** What the desk sees for a certificate. */
export function lookupVoter(db: Db, certificateText: string): VoterView {
  const v = requireVoter(db, certificateArg(certificateText));
  const proxy = stmt(db, 'SELECT trustee_id FROM proxy WHERE voter_id = ? AND revoked_at IS NULL').get(v.id) as
    | { trustee_id: number }
    | undefined;
  const trustee = proxy ? voterById(db, proxy.trustee_id) : null;
  const holds = stmt(db, 'SELECT count(*) AS n FROM proxy WHERE trustee_id = ? AND revoked_at IS NULL').get(v.id) as { n: number };
  return {
    ...voterFacts(db, v),
    proxyTo: trustee ? { name: trustee.name, group: trustee.group_name, certificate: trustee.certificate } : null,
    trusteeFor: holds.n,
    issued: issuancesOf(db, v.id),
  };
}

export { listVoters, rollGroups } from './voter-list';

export function rollSummary(db: Db): {
  voters: number;
  byCategory: Record<string, number>;
  byAssignment: { assignment: AssignmentView; voters: number }[];
} {
  const voters = (db.prepare(`SELECT ${ON_ROLL_COUNT} AS n`).get() as { n: number }).n;
  const byCategory = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<string, number>;
  for (const r of db.prepare(`SELECT category, count(*) AS n FROM voter WHERE ${ON_ROLL} GROUP BY category`).all() as { category: string; n: number }[]) {
    byCategory[r.category] = r.n;
  }
  const byAssignment = (
    db
      .prepare(`SELECT venue_id, mobile_box_id, count(*) AS n FROM voter WHERE ${ON_ROLL} GROUP BY venue_id, mobile_box_id ORDER BY venue_id, mobile_box_id`)
      .all() as { venue_id: string | null; mobile_box_id: string | null; n: number }[]
  ).map((r) => ({ assignment: assignmentOf(db, r), voters: r.n }));
  return { voters, byCategory, byAssignment };
}

function requireVenue(db: Db, id: string, path: string): { id: string; name: string } {
  const v = db.prepare('SELECT id, name FROM venue WHERE id = ?').get(id) as { id: string; name: string } | undefined;
  if (!v) throw invalid(path, says('error.voters.venue', { id }));
  return v;
}

/**
 * Where voters vote is settled before the day: once round 1 has opened for voting (or any ballot was issued), no
 * voter moves, by group or one by one, so every desk's list stays the one published.
 */
export function requireAssignmentOpen(db: Db): void {
  const first = stmt(db, 'SELECT status FROM round WHERE number = 1').get() as { status: string } | undefined;
  if ((first !== undefined && first.status !== 'prepared') || anyIssuance(db)) {
    throw refused(says('error.voters.roundOpenedVotingSo'));
  }
}

/** Set-up: every voter of a residents' group votes at `venue`. Only before round 1 opens for voting. */
export function assignGroup(ctx: BackendContext, input: InputOf<IssuanceContract, 'assignGroup'>): OutputOf<IssuanceContract, 'assignGroup'> {
  return inTransaction(ctx.db, () => {
    requireAssignmentOpen(ctx.db);
    requireVenue(ctx.db, input.venue, 'venue');
    const group = input.group.normalize('NFKC').trim();
    const moved = ctx.db
      .prepare('UPDATE voter SET venue_id = ?, mobile_box_id = NULL WHERE group_name = ? AND mobile_box_id IS NULL')
      .run(input.venue, group).changes;
    if (moved === 0 && ctx.db.prepare('SELECT 1 FROM voter WHERE group_name = ?').get(group) === undefined) {
      throw notFound(says('error.common.noGroup', { group }));
    }
    requireHouseholdsTogether(ctx.db, householdsOfGroup(ctx.db, group));
    appendAudit(ctx.db, { type: 'voter.assigned', at: ctx.now(), actor: ctx.actor, subject: `venue:${input.venue}`, detail: { group, venue: input.venue, voters: moved } });
    return { moved };
  });
}

/**
 * A committee decision moving one voter: to another venue, or onto a mobile box's approved list (or back off it).
 * Recorded with the deciding member and the reason.
 */
export function reassignVoter(
  ctx: BackendContext,
  input: InputOf<IssuanceContract, 'reassignVoter'>,
  requestKey?: string,
): OutputOf<IssuanceContract, 'reassignVoter'> {
  const certificate = certificateArg(input.certificate);
  const what = { zh: '变更选民投票地点', en: "a voter's reassignment" };
  const call = { method: 'reassignVoter', input, requestKey };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, ([member]) =>
    moveVoter(ctx, certificate, input, member ?? null),
  );
}

function moveVoter(
  ctx: BackendContext,
  certificate: string,
  input: InputOf<IssuanceContract, 'reassignVoter'>,
  member: Approver | null,
): OutputOf<IssuanceContract, 'reassignVoter'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireAssignmentOpen(db);
    const v = requireVoter(db, certificate);
    const from = assignmentOf(db, v);
    let toVenue: string | null = null;
    let toBox: string | null = null;
    if ('venue' in input.to) {
      toVenue = requireVenue(db, input.to.venue, 'to.venue').id;
    } else {
      const box = db.prepare('SELECT id, kind FROM box WHERE id = ?').get(input.to.mobileBox) as { id: string; kind: string } | undefined;
      if (!box) throw invalid('to.mobileBox', says('error.voters.box', { mobileBox: input.to.mobileBox }));
      if (box.kind !== 'mobile') {
        throw invalid('to.mobileBox', says('error.voters.boxMobileBoxVoters', { id: box.id }));
      }
      toBox = box.id;
    }
    if (toVenue === v.venue_id && toBox === v.mobile_box_id) {
      throw refused(says('error.voters.alreadyAssigned', { name: v.name, where: describeAssignment(from) }));
    }
    const at = ctx.now().toISOString();
    const to = assignmentOf(db, { venue_id: toVenue, mobile_box_id: toBox });
    const movers = input.wholeHousehold === true && v.household !== null && isHouseholdElection(db) ? householdMembersOnRoll(db, v.household) : [v];
    let moved = 0;
    for (const m of movers) {
      if (m.venue_id === toVenue && m.mobile_box_id === toBox) continue;
      db.prepare('UPDATE voter SET venue_id = ?, mobile_box_id = ? WHERE id = ?').run(toVenue, toBox, m.id);
      db.prepare(
        `INSERT INTO reassignment (voter_id, from_venue_id, from_box_id, to_venue_id, to_box_id, decided_by, reason, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(m.id, m.venue_id, m.mobile_box_id, toVenue, toBox, member?.id ?? null, input.reason, at);
      appendAudit(db, {
        type: 'voter.reassigned',
        at,
        actor: ctx.actor,
        subject: `certificate:${m.certificate}`,
        detail: { voter: m.name, from: assignmentOf(db, m), to, decidedBy: member, reason: input.reason, ...(movers.length > 1 ? { household: v.household } : {}) },
      });
      moved++;
    }
    requireHouseholdsTogether(db, [v.household]);
    return { from, to, moved };
  });
}

function householdMembersOnRoll(db: Db, household: string): VoterRow[] {
  return stmt(db, `SELECT * FROM voter WHERE household = ? AND ${ON_ROLL} ORDER BY id`).all(household) as VoterRow[];
}

/** The approved mobile-box lists, for publication: names and residents' groups of those to vote (electors.ts). */
export function mobileLists(db: Db, box?: string): { box: string; name: string; voters: { name: string; group: string }[] }[] {
  const boxes = db
    .prepare(`SELECT id, name FROM box WHERE kind = 'mobile' ${box ? 'AND id = ?' : ''} ORDER BY id`)
    .all(...(box ? [box] : [])) as { id: string; name: string }[];
  if (box && boxes.length === 0) throw notFound(says('error.common.noMobileBox', { box }));
  const voters = db.prepare(`SELECT name, group_name FROM voter WHERE mobile_box_id = ? AND ${electorsOnly(db)} ORDER BY group_name, name_key`);
  return boxes.map((b) => ({
    box: b.id,
    name: b.name,
    voters: (voters.all(b.id) as { name: string; group_name: string }[]).map((v) => ({ name: v.name, group: v.group_name })),
  }));
}
