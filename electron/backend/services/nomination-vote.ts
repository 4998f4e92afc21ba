import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import type { NominationContract } from '../../../shared/api/nomination';
import { addDays } from '../../../shared/domain/roll-life';
import { checkFormalCount, formalMargin } from '../../../shared/rules/nomination';
import { appendAudit } from '../audit';
import { invalid, refused, says, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { approvedWrite } from './approved-write';
import { FORMAL_LIST_DAYS_BEFORE, nominationsOf, officeById, officeNominationsView, officeOutcome, voteOf, type NominationRow } from './nomination-read';
import { requireNominationOpen } from './nomination';
import { addCandidateTx } from './setup';
import { removeCandidateTx } from './setup-edit';
import { readCandidates, readOffices, requireElection, type OfficeRow } from './setup-read';

type In<M extends keyof NominationContract> = InputOf<NominationContract, M>;
type Out<M extends keyof NominationContract> = OutputOf<NominationContract, M>;

/**
 * The nomination vote of the residents' representatives' meeting, entered from its tally sheet per office (the
 * election's ballot entry records ballots of a round, and this vote is no round of the election), counted by the
 * seat rule of the rules engine; edge ties decided by the committee; the formal list confirmed as the candidates.
 */

function marginRefusal(db: Db, office: OfficeRow, count: number): void {
  const margin = formalMargin(requireElection(db).body, office);
  const verdict = checkFormalCount(margin, count);
  if (verdict === 'too-few') throw refused(says('error.nomination.formalTooFew', { title: office.title, seats: office.seats, min: margin.min, count }), { reason: 'too-few' });
  if (verdict === 'too-many') throw refused(says('error.nomination.formalTooMany', { title: office.title, seats: office.seats, max: margin.max ?? count, count }), { reason: 'too-many' });
}

export function recordNominationVote(ctx: BackendContext, input: In<'recordNominationVote'>): Out<'recordNominationVote'> {
  const e = requireElection(ctx.db);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    requireNominationOpen(db);
    const office = officeById(db, input.office);
    const formalCount = input.formalCount ?? formalMargin(e.body, office).min;
    marginRefusal(db, office, formalCount);
    if (input.ballots > input.present) throw invalid('ballots', says('error.nomination.ballotsOverPresent', { ballots: input.ballots, present: input.present }));
    const standing = new Map(nominationsOf(db, office.id).filter((r) => r.preliminary === 1).map((r) => [r.id, r]));
    if (standing.size < formalCount) {
      throw refused(says('error.nomination.preliminaryTooFew', { title: office.title, count: standing.size, formal: formalCount }), { reason: 'too-few' });
    }
    const given = new Map<number, number>();
    input.votes.forEach((v, i) => {
      const field = `votes[${i}]`;
      const r = standing.get(v.nomination);
      if (!r) throw invalid(`${field}.nomination`, says('error.nomination.notPreliminary', { field: `${field}.nomination`, id: v.nomination, title: office.title }));
      if (given.has(r.id)) throw invalid(`${field}.nomination`, says('error.nomination.voteTwice', { field: `${field}.nomination`, name: r.name }));
      if (v.votes > input.ballots) throw invalid(`${field}.votes`, says('error.nomination.votesOverBallots', { field: `${field}.votes`, name: r.name, votes: v.votes, ballots: input.ballots }));
      given.set(r.id, v.votes);
    });
    for (const r of standing.values()) {
      if (!given.has(r.id)) throw invalid('votes', says('error.nomination.voteMissing', { name: r.name }));
    }
    const before = voteOf(db, office.id);
    const at = ctx.now().toISOString();
    const setVotes = db.prepare('UPDATE nomination SET votes = ? WHERE id = ?');
    for (const [id, votes] of given) setVotes.run(votes, id);
    db.prepare(
      `INSERT INTO nomination_vote (office_id, held_on, present, ballots, formal_count, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (office_id) DO UPDATE SET held_on = excluded.held_on, present = excluded.present, ballots = excluded.ballots,
         formal_count = excluded.formal_count, recorded_at = excluded.recorded_at, tie_chosen = NULL, tie_reason = NULL, tie_decided_by = NULL`,
    ).run(office.id, input.heldOn, input.present, input.ballots, formalCount, at);
    const view = officeNominationsView(db, office);
    appendAudit(db, {
      type: 'nomination.vote-recorded',
      at,
      actor: ctx.actor,
      subject: `office:${office.id}`,
      detail: {
        before: before ? { heldOn: before.held_on, present: before.present, ballots: before.ballots, formalCount: before.formal_count } : null,
        after: { heldOn: input.heldOn, present: input.present, ballots: input.ballots, formalCount },
        votes: [...standing.values()].map((r) => ({ certificate: r.certificate, votes: given.get(r.id)! })),
        formal: view.outcome!.formal,
        tied: view.outcome!.tied,
      },
    });
    return view;
  });
}

export function decideNominationTie(ctx: BackendContext, input: In<'decideNominationTie'>, requestKey?: string): Out<'decideNominationTie'> {
  requireElection(ctx.db);
  const call = { method: 'decideNominationTie', input: input as Record<string, unknown>, requestKey };
  const what = { zh: '决定提名投票的同票', en: 'deciding a tie in the nomination vote' };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, (approvers) =>
    inTransaction(ctx.db, () => {
      const db = ctx.db;
      requireNominationOpen(db);
      const office = officeById(db, input.office);
      const vote = voteOf(db, office.id);
      if (!vote) throw refused(says('error.nomination.noVote', { title: office.title }));
      const rows = nominationsOf(db, office.id);
      const outcome = officeOutcome(rows, { ...vote, tie_chosen: null })!;
      if (outcome.tieSeats === 0) throw refused(says('error.nomination.noTie', { title: office.title }));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const tied = new Set(outcome.tied);
      const chosen = new Set(input.chosen);
      const names = outcome.tied.map((id) => byId.get(id)!.name).join('、');
      if (chosen.size !== input.chosen.length || chosen.size !== outcome.tieSeats || input.chosen.some((id) => !tied.has(id))) {
        throw invalid('chosen', says('error.nomination.tieChoice', { seats: outcome.tieSeats, tied: names }));
      }
      db.prepare('UPDATE nomination_vote SET tie_chosen = ?, tie_reason = ?, tie_decided_by = ? WHERE office_id = ?').run(
        JSON.stringify(input.chosen),
        input.reason,
        JSON.stringify(approvers.map((a) => a.name)),
        office.id,
      );
      appendAudit(db, {
        type: 'nomination.tie-decided',
        at: ctx.now(),
        actor: ctx.actor,
        subject: `office:${office.id}`,
        detail: { tied: outcome.tied.map((id) => byId.get(id)!.certificate), chosen: input.chosen.map((id) => byId.get(id)!.certificate), reason: input.reason, decidedBy: approvers },
      });
      return officeNominationsView(db, office);
    }),
  );
}

/** The formal candidates of every office with a nomination vote, each checked: counted, tie decided, within the margin. */
function formalCandidates(db: Db): { office: OfficeRow; formal: NominationRow[] }[] {
  const out: { office: OfficeRow; formal: NominationRow[] }[] = [];
  for (const office of readOffices(db)) {
    const vote = voteOf(db, office.id);
    if (!vote) continue;
    const rows = nominationsOf(db, office.id);
    const outcome = officeOutcome(rows, vote)!;
    if (!outcome.tieDecided) throw refused(says('error.nomination.tieOpen', { title: office.title }), { reason: 'tie-open' });
    marginRefusal(db, office, outcome.formal.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const formal = outcome.formal.map((id) => byId.get(id)!);
    const removed = formal.find((r) => r.removed_at !== null);
    if (removed) throw refused(says('error.nomination.nomineeRemoved', { name: removed.name, certificate: removed.certificate, title: office.title }), { reason: 'removed-from-roll' });
    out.push({ office, formal });
  }
  return out;
}

export function confirmFormalList(ctx: BackendContext, input: In<'confirmFormalList'>, requestKey?: string): Out<'confirmFormalList'> {
  const e = requireElection(ctx.db);
  const call = { method: 'confirmFormalList', input: input as Record<string, unknown>, requestKey };
  const what = { zh: '确认正式候选人名单', en: 'confirming the formal list of candidates' };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, (approvers) =>
    inTransaction(ctx.db, () => {
      const db = ctx.db;
      requireNominationOpen(db);
      const latest = addDays(e.date, -FORMAL_LIST_DAYS_BEFORE);
      if (input.publishedOn > latest) {
        throw invalid('publishedOn', says('error.nomination.publishedLate', { publishedOn: input.publishedOn, latest, days: FORMAL_LIST_DAYS_BEFORE }));
      }
      const lists = formalCandidates(db);
      if (lists.length === 0) throw refused(says('error.nomination.nothingToConfirm'));
      const at = ctx.now().toISOString();
      let added = 0;
      for (const { office, formal } of lists) {
        for (const c of readCandidates(db).filter((c) => c.office === office.id)) {
          removeCandidateTx(ctx, c, 'replaced by the formal list / 由正式候选人名单取代', at);
        }
        formal.forEach((r, i) => {
          addCandidateTx(ctx, { name: r.name, gender: r.gender, office: office.id, idNumber: r.id_number }, `formal.${office.id}[${i}]`);
          added += 1;
        });
      }
      db.prepare(
        `INSERT INTO formal_list (id, published_on, confirmed_at, confirmed_by) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET published_on = excluded.published_on, confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by`,
      ).run(input.publishedOn, at, JSON.stringify(approvers.map((a) => a.name)));
      appendAudit(db, {
        type: 'nomination.formal-list-confirmed',
        at,
        actor: ctx.actor,
        subject: 'nomination',
        detail: {
          publishedOn: input.publishedOn,
          offices: lists.map(({ office, formal }) => ({ office: office.id, formal: formal.map((r) => r.certificate) })),
          confirmedBy: approvers,
        },
      });
      return { candidates: added, offices: lists.length };
    }),
  );
}
