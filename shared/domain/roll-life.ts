import type { Method } from '../record/cer';

/**
 * The roll between its import and round 1 (DOMAIN.md §3–4): removals and their reasons, the 30% check of a direct
 * election, and the deadlines counted from the publication (objections within 5 days, each decided within 3).
 * Pure: the services in electron/backend/services/roll-life*.ts store and audit.
 */

export const REMOVAL_REASONS = ['deceased', 'moved', 'registered-elsewhere', 'objection-upheld', 'other'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** Days after the publication within which an objection may be filed (申诉期). */
export const OBJECTION_FILING_DAYS = 5;
/** Days after an objection is filed within which the committee decides it. */
export const OBJECTION_DECISION_DAYS = 3;
/** The roll is published at least this many days before the election day. */
export const PUBLICATION_DAYS_BEFORE = 20;
/** In a direct election the registered voters are at least this share (percent) of those eligible. */
export const REGISTERED_SHARE_PERCENT = 30;

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type RegisteredShare =
  | { applies: false }
  | { applies: true; eligible: null; registered: number }
  | { applies: true; eligible: number; registered: number; percent: number; ok: boolean };

/**
 * 登记参加选举的选民 ≥ 30% of those eligible, in a direct election only (household and representative elections and
 * Party meetings count otherwise). The committee enters the eligible count; until then the check cannot be made.
 * Compared in integers: registered × 100 ≥ eligible × 30.
 */
export function registeredShare(method: Method, registered: number, eligible: number | null): RegisteredShare {
  if (method !== 'direct') return { applies: false };
  if (eligible === null) return { applies: true, eligible: null, registered };
  const percent = eligible === 0 ? 100 : Math.floor((registered * 1000) / eligible) / 10;
  return { applies: true, eligible, registered, percent, ok: registered * 100 >= eligible * REGISTERED_SHARE_PERCENT };
}

export interface PublicationTiming {
  publishedOn: string;
  /** Latest publication date for the election day. */
  latest: string;
  /** Published later than 20 days before the election day. */
  late: boolean;
  /** Last day an objection may be filed. */
  filingUntil: string;
}

export function publicationTiming(publishedOn: string, electionDate: string): PublicationTiming {
  const latest = addDays(electionDate, -PUBLICATION_DAYS_BEFORE);
  return { publishedOn, latest, late: publishedOn > latest, filingUntil: addDays(publishedOn, OBJECTION_FILING_DAYS) };
}

export interface ObjectionTiming {
  /** Filed after the filing period (or before the roll was published: null publication). */
  filedLate: boolean;
  /** Last day for the committee's decision. */
  decideBy: string;
  /** Days left to decide, from `today` (negative: overdue); null once decided. */
  daysLeft: number | null;
  /** Decided after the deadline, or still open past it. */
  decisionLate: boolean;
}

export function objectionTiming(
  o: { filedOn: string; decidedOn: string | null },
  publishedOn: string | null,
  today: string,
): ObjectionTiming {
  const filedLate = publishedOn === null || o.filedOn > addDays(publishedOn, OBJECTION_FILING_DAYS);
  const decideBy = addDays(o.filedOn, OBJECTION_DECISION_DAYS);
  const daysLeft = o.decidedOn === null ? daysBetween(today, decideBy) : null;
  const decisionLate = o.decidedOn === null ? today > decideBy : o.decidedOn > decideBy;
  return { filedLate, decideBy, daysLeft, decisionLate };
}
