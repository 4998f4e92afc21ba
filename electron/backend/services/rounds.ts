import { normalizeName } from '../../../shared/domain/names';
import type { NextStep, RoundKind } from '../../../shared/record';
import { appendAudit } from '../audit';
import { refused, says, type BackendContext } from '../context';
import { type Db, inTransaction } from '../db';
import { answerOnce } from './request-receipts';
import { q } from './counting-store';
import { decidingMembers } from './committee-decision';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { storedResult } from './results';
import { readOffices, requireElection } from './setup-read';
import type { RoundView } from '../../../shared/api/setup';
import { createRoundTx, listRounds, type LaterRoundOffice } from './setup-rounds';
import { carriedFacts } from './round-candidates';
import type { StandingView } from '../../../shared/api/results';

/**
 * Later rounds (DOMAIN.md §7.4) and the election's standing across rounds: who is elected to what, vacancies, the
 * committee minimum, the acting chair and the women warning over the whole committee.
 */

export type LaterRoundKind = Exclude<RoundKind, 'regular'>;

interface OriginRow {
  round_number: number;
  from_round: number;
  kind: LaterRoundKind;
}

function origins(db: Db): OriginRow[] {
  return db.prepare('SELECT round_number, from_round, kind FROM round_origin ORDER BY round_number').all() as OriginRow[];
}

/** Gender of a person by name: from the formal candidates, else from any later round's ballot. */
function genderOf(db: Db, name: string): 'female' | 'male' | null {
  const key = normalizeName(name);
  const c = q(db, 'SELECT gender FROM candidate WHERE name_key = ? AND gender IS NOT NULL LIMIT 1').get(key) as { gender: 'female' | 'male' } | undefined;
  if (c) return c.gender;
  const r = q(db, 'SELECT gender FROM round_candidate WHERE name_key = ? AND gender IS NOT NULL LIMIT 1').get(key) as
    | { gender: 'female' | 'male' }
    | undefined;
  return r?.gender ?? null;
}

/** The id a person keeps on a later ballot: their formal candidate id for that office, when they have one. */
function candidateIdFor(db: Db, office: string, name: string): string | undefined {
  const r = q(db, 'SELECT id FROM candidate WHERE office_id = ? AND name_key = ?').get(office, normalizeName(name)) as { id: string } | undefined;
  return r?.id;
}

/**
 * Creates the next round from the `kind` next steps of a round's stored result: its offices, seats and persons are
 * filled in from the result. A supplementary election that is not required (the committee minimum is met) is the
 * committee's decision: a committee member approves it with their PIN (`approval`, checked before the write).
 */
export function createNextRound(
  ctx: BackendContext,
  input: { fromRound: number; kind: LaterRoundKind; approval?: CommitteeApproval | undefined; note?: string | undefined },
  requestKey?: string,
): RoundView {
  const decidedBeforehand = input.approval !== undefined || needsCommitteeDecision(ctx.db, input.fromRound, input.kind);
  const decider = decidedBeforehand
    ? decidingMembers(ctx, input.approval ? [input.approval] : [], {
        atLeast: 1,
        path: 'approval',
        what: { zh: '决定另行选举', en: 'the decision on a supplementary election' },
      })[0]!
    : null;
  return answerOnce(ctx.db, 'createNextRound', requestKey, input, () => inTransaction(ctx.db, () => {
    const db = ctx.db;
    const stored = storedResult(db, input.fromRound);
    if (!stored) {
      throw refused(says('error.setup.roundNoComputedResult', { fromRound: input.fromRound }));
    }
    const steps = stored.result.nextSteps.filter((s) => s.kind === input.kind);
    if (steps.length === 0) {
      throw refused(says(input.kind === 'tie-revote' ? 'error.rounds.noTieRevote' : 'error.rounds.noRerun', { round: input.fromRound }));
    }
    const done = origins(db).find((o) => o.from_round === input.fromRound && o.kind === input.kind);
    if (done) {
      throw refused(
        says('error.setup.roundAlreadyCreatedFrom', { fromRound: input.fromRound, round_number: done.round_number }),
      );
    }
    if (decider === null && needsCommitteeDecision(db, input.fromRound, input.kind)) {
      throw refused(
        says('error.rounds.committeeMinimumMetSo'),
        { reason: 'approvals-needed', atLeast: 1 },
      );
    }
    const offices: LaterRoundOffice[] = steps.map((s: NextStep) => ({
      office: s.office,
      seats: s.seats,
      candidates: s.names.map((name) => {
        const id = candidateIdFor(db, s.office, name);
        // A set-up candidate of the office keeps the candidates form's facts; anyone else brings what is known of them.
        return { id, name, gender: genderOf(db, name) ?? undefined, facts: id === undefined ? carriedFacts(db, name) : null };
      }),
    }));
    const round = createRoundTx(ctx, { kind: input.kind, offices });
    db.prepare('INSERT INTO round_origin (round_number, from_round, kind, offices_json, decided_by, note) VALUES (?, ?, ?, ?, ?, ?)').run(
      round.number,
      input.fromRound,
      input.kind,
      JSON.stringify(steps),
      decider?.id ?? null,
      input.note ?? null,
    );
    appendAudit(db, {
      type: 'round.created-from-result',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `round:${round.number}`,
      detail: {
        fromRound: input.fromRound,
        kind: input.kind,
        fromResultHash: stored.resultHash,
        steps,
        ...(decider !== null ? { decidedBy: decider.id, decidedByName: decider.name } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      },
    });
    return round;
  }));
}

/**
 * Whether creating this round is the committee's decision: a supplementary election that no step requires while the
 * committee minimum is met. False when there is nothing to create (createNextRound then refuses with the reason).
 */
function needsCommitteeDecision(db: Db, fromRound: number, kind: LaterRoundKind): boolean {
  if (kind === 'tie-revote') return false;
  const stored = storedResult(db, fromRound);
  const steps = stored?.result.nextSteps.filter((s) => s.kind === kind) ?? [];
  if (steps.length === 0) return false;
  return !steps.some((s) => s.required) && electionStanding(db).minimumMet;
}

/**
 * The election's state across rounds, from the stored results: a later round's winners are added to their office;
 * the minimum, the acting chair and the women warning are judged over the whole committee. Acting chair: the first
 * elected person of the next office (by rank) that has anyone elected, earlier rounds first, then most votes.
 */
export function electionStanding(db: Db, resultOf: (round: number) => ReturnType<typeof storedResult> = (round) => storedResult(db, round)): StandingView {
  const e = requireElection(db);
  const offices = readOffices(db);
  const rounds = listRounds(db);
  const byOffice = new Map<string, StandingView['offices'][number]>(
    offices.map((o) => [o.id, { office: o.id, title: o.title, rank: o.rank, seats: o.seats, elected: [], vacant: o.seats }]),
  );
  const createdFrom = origins(db);
  const nextSteps: StandingView['nextSteps'] = [];
  const roundViews: StandingView['rounds'] = [];
  const electedKeys = new Set<string>();
  let outstanding = 0;
  for (const r of rounds) {
    const s = resultOf(r.number);
    roundViews.push({ number: r.number, kind: r.kind, status: r.status, resultHash: s?.resultHash ?? null, valid: s?.result.valid ?? null });
    if (!s) {
      if (r.number > 1) outstanding += 1;
      continue;
    }
    for (const o of s.result.offices) {
      const target = byOffice.get(o.office);
      if (!target) continue;
      for (const name of o.elected) {
        target.elected.push({ name, round: r.number, gender: genderOf(db, name) });
        electedKeys.add(normalizeName(name));
      }
    }
    for (const step of s.result.nextSteps) {
      const made = createdFrom.find((x) => x.from_round === r.number && x.kind === step.kind);
      nextSteps.push({ ...step, fromRound: r.number, round: made?.round_number ?? null });
    }
  }
  for (const o of byOffice.values()) o.vacant = Math.max(0, o.seats - o.elected.length);
  // A committee cannot be required to have more members than it has seats.
  const totalSeats = offices.reduce((n, o) => n + o.seats, 0);
  const minimum = Math.min(e.rules.minCommittee, totalSeats);
  const minimumMet = electedKeys.size >= minimum;
  for (const step of nextSteps) {
    if (step.round === null && (step.required || (step.kind === 'supplementary' && !minimumMet))) outstanding += 1;
  }
  const ranked = [...byOffice.values()].sort((a, b) => a.rank - b.rank);
  let acting: StandingView['acting'] = null;
  if (e.body === 'residents' && ranked[0] && ranked[0].elected.length === 0) {
    const next = ranked.slice(1).find((o) => o.elected.length > 0);
    if (next) acting = { name: next.elected[0]!.name, office: next.office };
  }
  const womanElected = ranked.some((o) => o.elected.some((p) => p.gender === 'female'));
  return {
    rounds: roundViews,
    offices: ranked,
    electedTotal: electedKeys.size,
    minCommittee: minimum,
    minimumMet,
    acting,
    requireWoman: e.rules.requireWoman,
    womanElected,
    womenWarning: e.rules.requireWoman && !womanElected,
    nextSteps,
    outstanding,
  };
}
