import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { EditsContract } from '../../../shared/api/edits';
import type { RollLifeContract } from '../../../shared/api/roll-life';
import { publicationTiming, registeredShare, PUBLICATION_DAYS_BEFORE, addDays, objectionTiming } from '../../../shared/domain/roll-life';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { notFound, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import { approvedWrite } from './approved-write';
import { addVoterTx, correctVoterTx, reinstateVoterTx, removeVoterTx, rollChangesOpen, storedVoter, type StoredVoter } from './roll-changes';
import { ON_ROLL, ON_ROLL_COUNT, REMOVED, stmt } from './roll-store';
import { requireElection } from './setup-read';
import { certificateArg } from './voters';

type In<M extends keyof RollLifeContract> = InputOf<RollLifeContract, M>;
type Out<M extends keyof RollLifeContract> = OutputOf<RollLifeContract, M>;

/** The station's calendar day (the laptop's own time zone), YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function requireStoredVoter(db: Db, certificateText: string, path = 'certificate'): StoredVoter {
  const certificate = certificateArg(certificateText, path);
  const v = storedVoter(db, certificate);
  if (!v) throw notFound(says('error.roll.certificateRoll', { certificate }));
  return v;
}

/** A committee decision on the roll: one member's PIN (none while the election is being set up), answered once per key. */
export function decided<T>(ctx: BackendContext, method: string, input: { approval?: In<'addVoter'>['approval'] }, requestKey: string | undefined, what: { zh: string; en: string }, write: (approvers: Approver[]) => T): T {
  const call = { method, input: input as Record<string, unknown>, requestKey };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, (approvers) =>
    inTransaction(ctx.db, () => write(approvers)),
  );
}

export function addVoter(ctx: BackendContext, input: In<'addVoter'>, requestKey?: string): Out<'addVoter'> {
  return decided(ctx, 'addVoter', input, requestKey, { zh: '增补选民', en: 'adding a voter' }, (approvers) => {
    const v = addVoterTx(ctx, input.voter, { reason: input.reason, objection: null, approvers });
    return { certificate: v.certificate, name: v.name };
  });
}

export function removeVoter(ctx: BackendContext, input: In<'removeVoter'>, requestKey?: string): Out<'removeVoter'> {
  return decided(ctx, 'removeVoter', input, requestKey, { zh: '选民除名', en: "a voter's removal" }, (approvers) => {
    const v = requireStoredVoter(ctx.db, input.certificate);
    removeVoterTx(ctx, v, input.removal.reason, input.removal.note, { objection: null, approvers });
    return { certificate: v.certificate, name: v.name };
  });
}

export function reinstateVoter(ctx: BackendContext, input: InputOf<EditsContract, 'reinstateVoter'>, requestKey?: string): OutputOf<EditsContract, 'reinstateVoter'> {
  return decided(ctx, 'reinstateVoter', input, requestKey, { zh: '撤销除名', en: "undoing a voter's removal" }, (approvers) => {
    const v = requireStoredVoter(ctx.db, input.certificate);
    reinstateVoterTx(ctx, v, { reason: input.reason, objection: null, approvers });
    return { certificate: v.certificate, name: v.name };
  });
}

export function correctVoter(ctx: BackendContext, input: In<'correctVoter'>, requestKey?: string): Out<'correctVoter'> {
  return decided(ctx, 'correctVoter', input, requestKey, { zh: '更正选民信息', en: "a voter's correction" }, (approvers) => {
    const v = requireStoredVoter(ctx.db, input.certificate);
    const { before, after } = correctVoterTx(ctx, v, input.change, { reason: input.reason, objection: null, approvers });
    return { certificate: v.certificate, name: after.name, before, after };
  });
}

export function setEligibleCount(ctx: BackendContext, input: In<'setEligibleCount'>, requestKey?: string): Out<'setEligibleCount'> {
  return decided(ctx, 'setEligibleCount', input, requestKey, { zh: '录入应登记选民数', en: 'the eligible count' }, (approvers) => {
    const at = ctx.now().toISOString();
    const by = approvers.length === 0 ? null : JSON.stringify(approvers.map((a) => a.name));
    ctx.db
      .prepare('INSERT INTO roll_eligible (id, eligible, decided_by, at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET eligible = excluded.eligible, decided_by = excluded.decided_by, at = excluded.at')
      .run(input.eligible, by, at);
    appendAudit(ctx.db, { type: 'roll.eligible-set', at, actor: ctx.actor, subject: 'roll', detail: { eligible: input.eligible, decidedBy: approvers } });
    return { eligible: input.eligible };
  });
}

export function publishedOn(db: Db): string | null {
  return (stmt(db, 'SELECT published_on FROM roll_publication WHERE id = 1').get() as { published_on: string } | undefined)?.published_on ?? null;
}

/** Marking the roll published sets the date the deadlines count from; it may be set again (a re-publication). */
export function publishRoll(ctx: BackendContext, input: In<'publishRoll'>, requestKey?: string): Out<'publishRoll'> {
  return decided(ctx, 'publishRoll', input, requestKey, { zh: '公布选民名单', en: "the roll's publication" }, (approvers) => {
    const at = ctx.now().toISOString();
    const before = publishedOn(ctx.db);
    const by = approvers.length === 0 ? null : JSON.stringify(approvers.map((a) => a.name));
    ctx.db
      .prepare('INSERT INTO roll_publication (id, published_on, decided_by, at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET published_on = excluded.published_on, decided_by = excluded.decided_by, at = excluded.at')
      .run(input.publishedOn, by, at);
    const timing = publicationTiming(input.publishedOn, requireElection(ctx.db).date);
    appendAudit(ctx.db, { type: 'roll.published', at, actor: ctx.actor, subject: 'roll', detail: { publishedOn: input.publishedOn, before, late: timing.late, decidedBy: approvers } });
    return timing;
  });
}

export function rollStatus(ctx: BackendContext): Out<'rollStatus'> {
  const db = ctx.db;
  const election = requireElection(db);
  const today = localDay(ctx.now());
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const registered = n(`SELECT ${ON_ROLL_COUNT} AS n`);
  const removed = n(`SELECT count(*) AS n FROM voter WHERE ${REMOVED}`);
  const eligible = (db.prepare('SELECT eligible FROM roll_eligible WHERE id = 1').get() as { eligible: number } | undefined)?.eligible ?? null;
  const published = publishedOn(db);
  const open = db.prepare('SELECT filed_on FROM objection WHERE decision IS NULL').all() as { filed_on: string }[];
  const overdue = open.filter((o) => objectionTiming({ filedOn: o.filed_on, decidedOn: null }, published, today).decisionLate).length;
  return {
    electionDate: election.date,
    today,
    registered,
    removed,
    share: registeredShare(election.method, registered, eligible),
    latestPublication: addDays(election.date, -PUBLICATION_DAYS_BEFORE),
    publication: published === null ? null : publicationTiming(published, election.date),
    objections: { open: open.length, overdue },
    open: rollChangesOpen(db),
    incomersWithoutProof: n(`SELECT count(*) AS n FROM voter WHERE category = 'incomer' AND ${ON_ROLL} AND proof_note IS NULL`),
  };
}
