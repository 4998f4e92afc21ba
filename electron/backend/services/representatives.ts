import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { RepresentativesContract } from '../../../shared/api/representatives';
import { checkRepresentatives, representativeMinimum } from '../../../shared/domain/representatives';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { notFound, refused, says, type BackendContext } from '../context';
import type { Db } from '../db';
import { rollChangesOpen, storedVoter, type StoredVoter } from './roll-changes';
import { decided } from './roll-life';
import { byRepresentatives, householdCount, isRepresentative, representativeCount } from './representatives-store';
import { stmt } from './roll-store';
import { certificateArg } from './voters';

/**
 * The representatives list (居民代表名单) of an election held by residents' representatives: voters on the roll
 * entered one by one per residents' group or imported from a file (representatives-import.ts), and the household
 * count that sets the minimum. Every change is a committee decision, audited, until round 1 opens.
 */

type In<M extends keyof RepresentativesContract> = InputOf<RepresentativesContract, M>;
type Out<M extends keyof RepresentativesContract> = OutputOf<RepresentativesContract, M>;

export function requireByRepresentatives(db: Db): void {
  if (!byRepresentatives(db)) throw refused(says('error.reps.notMethod'), { reason: 'not-representative-election' });
}

export function requireListOpen(db: Db): void {
  if (!rollChangesOpen(db)) throw refused(says('error.reps.locked'), { reason: 'reps-locked' });
}

export function approversJson(approvers: readonly Approver[]): string | null {
  return approvers.length === 0 ? null : JSON.stringify(approvers.map((a) => a.name));
}

function requireOnRoll(db: Db, certificateText: string): StoredVoter {
  const certificate = certificateArg(certificateText);
  const v = storedVoter(db, certificate);
  if (!v) throw notFound(says('error.reps.notOnRoll', { certificate }));
  if (v.removed_at !== null) throw refused(says('error.reps.removed', { name: v.name, certificate }), { reason: 'removed-from-roll' });
  return v;
}

export function representativesStatus(ctx: BackendContext): Out<'representativesStatus'> {
  const db = ctx.db;
  const households = householdCount(db);
  const check = checkRepresentatives(representativeCount(db), households);
  const groups = db
    .prepare(
      `SELECT v.group_name AS "group", count(r.voter_id) AS representatives, count(*) AS voters
       FROM voter v LEFT JOIN representative r ON r.voter_id = v.id
       WHERE v.removed_at IS NULL GROUP BY v.group_name ORDER BY min(v.import_id IS NULL), min(v.import_id), min(v.line), min(v.id)`,
    )
    .all() as { group: string; representatives: number; voters: number }[];
  return {
    applies: byRepresentatives(db),
    count: check.count,
    households,
    minimum: check.known ? check.minimum : null,
    ok: check.known ? check.ok : null,
    groups,
    open: rollChangesOpen(db),
  };
}

export function listRepresentatives(ctx: BackendContext, input: In<'listRepresentatives'>): Out<'listRepresentatives'> {
  const group = input.group?.normalize('NFKC');
  const rows = ctx.db
    .prepare(
      `SELECT v.certificate, v.name, v.group_name AS "group", v.gender, r.source
       FROM representative r JOIN voter v ON v.id = r.voter_id
       WHERE v.removed_at IS NULL AND (? IS NULL OR v.group_name = ?)
       ORDER BY v.import_id IS NULL, v.import_id, v.line, v.id`,
    )
    .all(group ?? null, group ?? null);
  return rows as Out<'listRepresentatives'>;
}

export function addRepresentative(ctx: BackendContext, input: In<'addRepresentative'>, requestKey?: string): Out<'addRepresentative'> {
  return decided(ctx, 'addRepresentative', input, requestKey, { zh: '列入居民代表', en: 'adding a representative' }, (approvers) => {
    const db = ctx.db;
    requireByRepresentatives(db);
    requireListOpen(db);
    const v = requireOnRoll(db, input.certificate);
    if (isRepresentative(db, v.id)) {
      throw refused(says('error.reps.already', { name: v.name, certificate: v.certificate }), { reason: 'already-listed' });
    }
    const at = ctx.now().toISOString();
    db.prepare("INSERT INTO representative (voter_id, source, decided_by, at) VALUES (?, 'screen', ?, ?)").run(v.id, approversJson(approvers), at);
    appendAudit(db, { type: 'representative.added', at, actor: ctx.actor, subject: `certificate:${v.certificate}`, detail: { group: v.group_name, decidedBy: approvers } });
    return { certificate: v.certificate, name: v.name, group: v.group_name };
  });
}

export function removeRepresentative(ctx: BackendContext, input: In<'removeRepresentative'>, requestKey?: string): Out<'removeRepresentative'> {
  return decided(ctx, 'removeRepresentative', input, requestKey, { zh: '移出居民代表名单', en: 'taking a representative off the list' }, (approvers) => {
    const db = ctx.db;
    requireByRepresentatives(db);
    requireListOpen(db);
    const certificate = certificateArg(input.certificate);
    const v = storedVoter(db, certificate);
    if (!v) throw notFound(says('error.reps.notOnRoll', { certificate }));
    if (!isRepresentative(db, v.id)) {
      throw refused(says('error.reps.notListed', { name: v.name, certificate }), { reason: 'not-listed' });
    }
    const at = ctx.now().toISOString();
    const was = stmt(db, 'SELECT source, file_name, line FROM representative WHERE voter_id = ?').get(v.id) as { source: string; file_name: string | null; line: number | null };
    db.prepare('DELETE FROM representative WHERE voter_id = ?').run(v.id);
    appendAudit(db, {
      type: 'representative.removed',
      at,
      actor: ctx.actor,
      subject: `certificate:${v.certificate}`,
      detail: { group: v.group_name, before: { source: was.source, fileName: was.file_name, line: was.line }, decidedBy: approvers },
    });
    return { certificate: v.certificate, name: v.name, group: v.group_name };
  });
}

export function setHouseholdCount(ctx: BackendContext, input: In<'setHouseholdCount'>, requestKey?: string): Out<'setHouseholdCount'> {
  return decided(ctx, 'setHouseholdCount', input, requestKey, { zh: '录入社区户数', en: 'the household count' }, (approvers) =>
    setHouseholdCountTx(ctx, input.households, approvers),
  );
}

/** The household count, from the election definition or the committee's decision, inside the caller's transaction. */
export function setHouseholdCountTx(ctx: BackendContext, households: number, approvers: readonly Approver[]): Out<'setHouseholdCount'> {
  const db = ctx.db;
  const at = ctx.now().toISOString();
  const before = householdCount(db);
  db.prepare(
    'INSERT INTO community_households (id, households, decided_by, at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET households = excluded.households, decided_by = excluded.decided_by, at = excluded.at',
  ).run(households, approversJson(approvers), at);
  const minimum = representativeMinimum(households);
  appendAudit(db, { type: 'community.households-set', at, actor: ctx.actor, subject: 'community', detail: { households, before, minimum, decidedBy: approvers } });
  return { households, minimum };
}
