import { z } from 'zod';
import { text, TEXT_LIMITS } from './text';
import type { BoxKind } from './venue';
import { committeeApproval } from './authority';

/** The custody trail of a box in one round (DOMAIN.md §6). A central box is never carried. */
export const CUSTODY_STEPS = [
  'sealed-empty',
  'voting',
  'sealed-closed',
  'carried',
  'received',
  'seal-checked',
  'committee-decision',
  'opened',
] as const;
export type CustodyStep = (typeof CUSTODY_STEPS)[number];
/** The steps a person records in order; 'committee-decision' only follows a flagged seal check. */
export type TrailStep = Exclude<CustodyStep, 'committee-decision'>;

export const CUSTODY_STEP_NAMES: Record<CustodyStep, { zh: string; en: string }> = {
  'sealed-empty': { zh: '空箱查验并封箱', en: 'shown empty and sealed' },
  voting: { zh: '开始投票', en: 'voting open' },
  'sealed-closed': { zh: '投票结束封箱', en: 'closed and sealed' },
  carried: { zh: '送往中心会场', en: 'carried to the central venue' },
  received: { zh: '中心会场接收', en: 'received at the central venue' },
  'seal-checked': { zh: '查验封条', en: 'seal checked' },
  'committee-decision': { zh: '选委会决定', en: 'committee decision' },
  opened: { zh: '开箱', en: 'opened' },
};

export const COMMITTEE_DECISIONS = ['open', 'set-aside'] as const;
export type CommitteeDecision = (typeof COMMITTEE_DECISIONS)[number];

export function trailFor(kind: BoxKind): TrailStep[] {
  return kind === 'central'
    ? ['sealed-empty', 'voting', 'sealed-closed', 'seal-checked', 'opened']
    : ['sealed-empty', 'voting', 'sealed-closed', 'carried', 'received', 'seal-checked', 'opened'];
}

export interface CustodyFact {
  step: CustodyStep;
  flagged?: boolean;
  decision?: CommitteeDecision | null;
}

/** Where a box's trail stands: the next step expected, or waiting for the committee, set aside, or done. */
export const custodyPositionShape = z.union([
  z.strictObject({ state: z.literal('next'), next: z.enum(CUSTODY_STEPS).exclude(['committee-decision']) }),
  z.strictObject({ state: z.enum(['needs-decision', 'set-aside', 'done']) }),
]);
export type CustodyPosition = z.infer<typeof custodyPositionShape>;

/** Where a box's trail stands, from its recorded events in order. */
export function custodyPosition(kind: BoxKind, events: readonly CustodyFact[]): CustodyPosition {
  const trail = trailFor(kind);
  let i = 0;
  let awaitingDecision = false;
  for (const e of events) {
    if (e.step === 'committee-decision') {
      if (e.decision === 'set-aside') return { state: 'set-aside' };
      awaitingDecision = false;
      continue;
    }
    i += 1;
    if (e.step === 'seal-checked' && e.flagged) awaitingDecision = true;
  }
  if (awaitingDecision) return { state: 'needs-decision' };
  const next = trail[i];
  return next === undefined ? { state: 'done' } : { state: 'next', next };
}

/** Seal numbers are compared after NFKC, trimming and upper-casing ("ａ-0１" = "A-01"). */
export function normalizeSeal(seal: string): string {
  return seal.normalize('NFKC').trim().toUpperCase();
}

export function sameSeals(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a.map(normalizeSeal));
  const sb = new Set(b.map(normalizeSeal));
  return sa.size === sb.size && [...sa].every((s) => sb.has(s));
}

/**
 * The seals found at a check against the seals put on: which match, which were put on but not (yet) typed, and
 * which were typed but never put on this box. Compared after normalisation; each list holds normalised numbers.
 */
export function compareSeals(found: readonly string[], expected: readonly string[]): { matching: string[]; missing: string[]; unexpected: string[] } {
  const f = [...new Set(found.map(normalizeSeal))];
  const e = [...new Set(expected.map(normalizeSeal))];
  return {
    matching: e.filter((s) => f.includes(s)),
    missing: e.filter((s) => !f.includes(s)),
    unexpected: f.filter((s) => !e.includes(s)),
  };
}

const seal = text(40).trim().min(1, 'seal number must not be empty');

/** One custody step as recorded (the API's input). Step-specific fields are checked by the service. */
export const custodyStepInput = z.strictObject({
  box: text(TEXT_LIMITS.name).min(1),
  round: z.int().positive(),
  step: z.enum(['sealed-empty', 'voting', 'sealed-closed', 'carried', 'received', 'seal-checked', 'opened']),
  /** sealed-empty, sealed-closed: the seals put on; seal-checked: the seals found. */
  seals: z.array(seal).optional(),
  /** seal-checked: whether every seal was found unbroken. */
  intact: z.boolean().optional(),
  /** carried: who carries it (at least one name). */
  carriers: z.array(text(TEXT_LIMITS.name).trim().min(1)).optional(),
  note: text(TEXT_LIMITS.note, { lines: true }).optional(),
});
export type CustodyStepInput = z.infer<typeof custodyStepInput>;

export const custodyDecisionInput = z.strictObject({
  box: text(TEXT_LIMITS.name).min(1),
  round: z.int().positive(),
  decision: z.enum(COMMITTEE_DECISIONS),
  /** The committee members taking the decision, each with their PIN (at least one once the election is established). */
  approvals: z.array(committeeApproval).max(20).optional(),
  note: text(TEXT_LIMITS.note, { lines: true }).trim().min(1, 'the decision needs its reason'),
});
export type CustodyDecisionInput = z.infer<typeof custodyDecisionInput>;
