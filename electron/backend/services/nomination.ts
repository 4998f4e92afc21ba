import type { RoundStatus } from '../../../shared/domain/round';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { NominationContract } from '../../../shared/api/nomination';
import { appendAudit } from '../audit';
import { invalid, refused, says, type BackendContext, statusWords } from '../context';
import { type Db, inTransaction } from '../db';
import { storedVoter, type StoredVoter } from './roll-changes';
import { nominationsOf, officeById, officeNominationsView, jointNominators, voteOf } from './nomination-read';
import { requireElection } from './setup-read';
import { certificateArg } from './voters';

type In<M extends keyof NominationContract> = InputOf<NominationContract, M>;
type Out<M extends keyof NominationContract> = OutputOf<NominationContract, M>;

/**
 * Applications and joint nominations, and the preliminary list. Each write is one transaction, refused once round 1
 * has opened (the formal list can no longer change then), and audited.
 */

export function requireNominationOpen(db: Db): void {
  const first = db.prepare('SELECT status FROM round WHERE number = 1').get() as { status: RoundStatus } | undefined;
  if (first && first.status !== 'prepared') throw refused(says('error.nomination.votingStarted', { status: statusWords(first.status) }), { reason: 'voting-started' });
}

/** A voter on the roll and not removed, named by certificate; `field` says where in the input (nominators[3]). */
export function rollVoter(db: Db, certificateText: string, field: string): StoredVoter {
  const certificate = certificateArg(certificateText, field);
  const v = storedVoter(db, certificate);
  if (!v) throw invalid(field, says('error.nomination.notOnRoll', { field, certificate }));
  if (v.removed_at !== null) throw invalid(field, says('error.nomination.removed', { field, certificate, name: v.name }));
  return v;
}

export function setJointNominators(ctx: BackendContext, input: In<'setJointNominators'>): Out<'setJointNominators'> {
  requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    requireNominationOpen(ctx.db);
    const before = jointNominators(ctx.db);
    ctx.db.prepare('UPDATE nomination_rule SET joint_nominators = ? WHERE id = 1').run(input.jointNominators);
    appendAudit(ctx.db, { type: 'nomination.rule-set', at: ctx.now(), actor: ctx.actor, subject: 'nomination', detail: { before, after: input.jointNominators } });
    return { jointNominators: input.jointNominators };
  });
}

/** How many nominations of this office a voter has joined as a nominator. */
function nominationsJoined(db: Db, office: string, voterId: number): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM nominator r JOIN nomination n ON n.id = r.nomination_id WHERE n.office_id = ? AND r.voter_id = ?')
      .get(office, voterId) as { n: number }
  ).n;
}

/** A withdrawn nomination's number is never given again (the audit log names nominations by it). */
function nextNominationId(db: Db): number {
  return (db.prepare('SELECT max(coalesce((SELECT max(id) FROM nomination), 0), coalesce((SELECT max(id) FROM nomination_withdrawn), 0)) + 1').pluck().get() as number);
}

export function recordNomination(ctx: BackendContext, input: In<'recordNomination'>): Out<'recordNomination'> {
  requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireNominationOpen(db);
    const office = officeById(db, input.office);
    const nominee = rollVoter(db, input.nominee, 'nominee');
    if (office.womenOnly && nominee.gender !== 'female') {
      throw refused(says('error.nomination.womenOnly', { name: nominee.name, title: office.title }));
    }
    if (db.prepare('SELECT 1 FROM nomination WHERE office_id = ? AND voter_id = ?').get(office.id, nominee.id)) {
      throw refused(says('error.nomination.alreadyNominated', { name: nominee.name, title: office.title }));
    }
    if (input.kind === 'application' && input.nominators.length > 0) {
      throw invalid('nominators', says('error.nomination.applicationNominators'));
    }
    const nominators = new Map<number, StoredVoter>();
    input.nominators.forEach((c, i) => {
      const field = `nominators[${i}]`;
      const v = rollVoter(db, c, field);
      if (nominators.has(v.id)) throw invalid(field, says('error.nomination.nominatorTwice', { field, name: v.name, certificate: v.certificate }));
      const joined = nominationsJoined(db, office.id, v.id);
      if (joined >= office.seats) {
        throw refused(says('error.nomination.nominatorOverSeats', { field, name: v.name, joined, title: office.title, seats: office.seats }));
      }
      nominators.set(v.id, v);
    });
    const required = jointNominators(db);
    if (input.kind === 'joint' && nominators.size < required) {
      throw invalid('nominators', says('error.nomination.tooFewNominators', { required, given: nominators.size }));
    }
    const at = ctx.now().toISOString();
    const id = nextNominationId(db);
    db.prepare('INSERT INTO nomination (id, office_id, kind, voter_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)').run(id, office.id, input.kind, nominee.id, at, ctx.actor);
    const add = db.prepare('INSERT INTO nominator (nomination_id, voter_id) VALUES (?, ?)');
    for (const v of nominators.values()) add.run(id, v.id);
    appendAudit(db, {
      type: 'nomination.recorded',
      at,
      actor: ctx.actor,
      subject: `nomination:${id}`,
      detail: { office: office.id, kind: input.kind, nominee: { name: nominee.name, certificate: nominee.certificate }, nominators: [...nominators.values()].map((v) => v.certificate) },
    });
    return { id };
  });
}

export function setPreliminaryList(ctx: BackendContext, input: In<'setPreliminaryList'>): Out<'setPreliminaryList'> {
  requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireNominationOpen(db);
    const office = officeById(db, input.office);
    if (voteOf(db, office.id)) throw refused(says('error.nomination.voteRecorded', { title: office.title }));
    const rows = new Map(nominationsOf(db, office.id).map((r) => [r.id, r]));
    const chosen = new Set<number>();
    input.nominations.forEach((id, i) => {
      if (!rows.has(id)) throw invalid(`nominations[${i}]`, says('error.nomination.notFound', { field: `nominations[${i}]`, id, title: office.title }));
      chosen.add(id);
    });
    const before = [...rows.values()].filter((r) => r.preliminary === 1).map((r) => r.certificate);
    const mark = db.prepare('UPDATE nomination SET preliminary = ? WHERE id = ?');
    for (const r of rows.values()) mark.run(chosen.has(r.id) ? 1 : 0, r.id);
    appendAudit(db, {
      type: 'nomination.preliminary-set',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `office:${office.id}`,
      detail: { before, after: [...rows.values()].filter((r) => chosen.has(r.id)).map((r) => r.certificate) },
    });
    return officeNominationsView(db, office);
  });
}
