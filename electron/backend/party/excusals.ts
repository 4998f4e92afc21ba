import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { ExcusalView, PartyContract } from '../../../shared/api/party';
import type { ExcusalReason } from '../../../shared/domain/party';
import { says } from '../../../shared/i18n/says';
import { appendAudit } from '../audit';
import { invalid, notFound, refused, type BackendContext } from '../context';
import type { Db } from '../db';
import { participantsNeeded } from '../services/turnout';
import { decidedBy, rollChangesOpen } from '../services/roll-changes';
import { decided } from '../services/roll-life';
import { requireElection } from '../services/setup-read';
import { certificateArg } from '../services/voters';
import { isExcused, isPartyRoll, partyCounts } from './counts';
import { partyRegistered } from '../../../shared/domain/party';

type In<M extends keyof PartyContract> = InputOf<PartyContract, M>;
type Out<M extends keyof PartyContract> = OutputOf<PartyContract, M>;

interface ExcusalRow {
  id: number;
  certificate: string;
  name: string;
  group_name: string;
  reason: ExcusalReason;
  note: string | null;
  town_approved_by: string;
  town_approved_on: string;
  meeting_approved_on: string;
  decided_by: string | null;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
  undone_reason: string | null;
}

const EXCUSAL_SELECT = `SELECT x.id, v.certificate, v.name, v.group_name, x.reason, x.note, x.town_approved_by, x.town_approved_on,
  x.meeting_approved_on, x.decided_by, x.at, x.undone_at, x.undone_by, x.undone_reason
  FROM party_excusal x JOIN voter v ON v.id = x.voter_id`;

function names(json: string | null): string[] {
  return json === null ? [] : (JSON.parse(json) as string[]);
}

function viewOf(r: ExcusalRow): ExcusalView {
  return {
    id: r.id,
    certificate: r.certificate,
    name: r.name,
    group: r.group_name,
    reason: r.reason,
    note: r.note,
    townApprovedBy: r.town_approved_by,
    townApprovedOn: r.town_approved_on,
    meetingApprovedOn: r.meeting_approved_on,
    decidedBy: names(r.decided_by),
    at: r.at,
    undone: r.undone_at === null ? null : { at: r.undone_at, by: names(r.undone_by), reason: r.undone_reason ?? '' },
  };
}

/** Excusals change only in a Party meeting with a roll, and only until round 1 opens for voting. */
function requireExcusalsOpen(db: Db): void {
  if (!isPartyRoll(requireElection(db))) throw refused(says('error.party.notPartyMeeting'));
  if (!rollChangesOpen(db)) throw refused(says('error.party.closed'), { reason: 'roll-locked' });
}

export function excuseMember(ctx: BackendContext, input: In<'excuseMember'>, requestKey?: string): Out<'excuseMember'> {
  const certificate = certificateArg(input.certificate);
  return decided(ctx, 'excuseMember', input, requestKey, { zh: '党员不计入应到会人数', en: "a member's excusal from the registered count" }, (approvers) => {
    const db = ctx.db;
    requireExcusalsOpen(db);
    const v = db.prepare('SELECT id, name, probationary, removed_at FROM voter WHERE certificate = ?').get(certificate) as
      | { id: number; name: string; probationary: 0 | 1; removed_at: string | null }
      | undefined;
    if (!v) throw invalid('certificate', says('error.party.unknownMember', { certificate }));
    if (v.removed_at !== null) throw invalid('certificate', says('error.party.removedMember', { name: v.name, certificate }));
    if (v.probationary === 1) throw invalid('certificate', says('error.party.probationaryExcused', { name: v.name }));
    if (isExcused(db, v.id)) {
      throw refused(says('error.party.alreadyExcused', { name: v.name }));
    }
    const at = ctx.now().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO party_excusal (voter_id, reason, note, town_approved_by, town_approved_on, meeting_approved_on, decided_by, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(v.id, input.reason, input.note || null, input.townApprovedBy, input.townApprovedOn, input.meetingApprovedOn, decidedBy(approvers), at).lastInsertRowid,
    );
    appendAudit(db, {
      type: 'party.member-excused',
      at,
      actor: ctx.actor,
      subject: `certificate:${certificate}`,
      detail: {
        excusal: id,
        name: v.name,
        reason: input.reason,
        note: input.note || null,
        townApprovedBy: input.townApprovedBy,
        townApprovedOn: input.townApprovedOn,
        meetingApprovedOn: input.meetingApprovedOn,
        decidedBy: approvers,
      },
    });
    return { id, certificate, name: v.name };
  });
}

export function undoExcusal(ctx: BackendContext, input: In<'undoExcusal'>, requestKey?: string): Out<'undoExcusal'> {
  return decided(ctx, 'undoExcusal', input, requestKey, { zh: '撤销不计入应到会人数', en: 'undoing an excusal' }, (approvers) => {
    const db = ctx.db;
    requireExcusalsOpen(db);
    const row = db.prepare(`${EXCUSAL_SELECT} WHERE x.id = ?`).get(input.id) as ExcusalRow | undefined;
    if (!row) throw notFound(says('error.party.unknownExcusal', { id: input.id }));
    if (row.undone_at !== null) throw refused(says('error.party.alreadyUndone', { name: row.name }));
    const at = ctx.now().toISOString();
    db.prepare('UPDATE party_excusal SET undone_at = ?, undone_by = ?, undone_reason = ? WHERE id = ?').run(at, decidedBy(approvers), input.reason, input.id);
    appendAudit(db, {
      type: 'party.excusal-undone',
      at,
      actor: ctx.actor,
      subject: `certificate:${row.certificate}`,
      detail: { excusal: row.id, name: row.name, reason: input.reason, decidedBy: approvers },
    });
    return { id: row.id, certificate: row.certificate, name: row.name };
  });
}

export function partyMeeting(ctx: BackendContext): Out<'partyMeeting'> {
  const db = ctx.db;
  const e = requireElection(db);
  const applies = isPartyRoll(e);
  const counts = partyCounts(db);
  const registered = partyRegistered(counts);
  return {
    applies,
    ...counts,
    registered,
    needed: participantsNeeded('party', e.method, registered),
    open: rollChangesOpen(db),
    excusals: (db.prepare(`${EXCUSAL_SELECT} ORDER BY x.id`).all() as ExcusalRow[]).map(viewOf),
    probationaryMembers: db
      .prepare('SELECT certificate, name, group_name AS "group" FROM voter WHERE probationary = 1 AND removed_at IS NULL ORDER BY group_name, id')
      .all() as { certificate: string; name: string; group: string }[],
  };
}
