import { addDays, OBJECTION_DECISION_DAYS, OBJECTION_FILING_DAYS, PUBLICATION_DAYS_BEFORE } from './roll-life';

/**
 * The weeks before the vote (DOMAIN.md §3–4, issue 12): each step's legal date counted from the election day, and
 * whether it is done. The roll is published 20 days before; objections are filed within 5 days of the publication
 * and each decided within 3, so the last decision falls 8 days after it; the formal candidate list is published 5
 * days before. Until the roll is published the objection dates count from the latest lawful publication day.
 * Pure: electron/backend/services/vote-timeline.ts reads what is done.
 */

export const FORMAL_LIST_DAYS_BEFORE = 5;

export const TIMELINE_STEPS = ['roll-published', 'objections-filed', 'objections-decided', 'formal-list', 'election-day'] as const;
export type TimelineStepId = (typeof TIMELINE_STEPS)[number];

export interface TimelineFacts {
  electionDate: string;
  /** YYYY-MM-DD, the station's calendar day. */
  today: string;
  publishedOn: string | null;
  objections: { filed: number; open: number };
  /** Every office has candidates and the margin rule is met. */
  candidatesSet: boolean;
}

export interface TimelineStep {
  step: TimelineStepId;
  /** The legal date: "by" this day for publication, decisions and the formal list; "until" for filing. */
  due: string;
  done: boolean;
  /** Not done and the date has passed (or the roll was published after its date). */
  late: boolean;
}

export function voteTimeline(f: TimelineFacts): TimelineStep[] {
  const latestPublication = addDays(f.electionDate, -PUBLICATION_DAYS_BEFORE);
  const countFrom = f.publishedOn ?? latestPublication;
  const filingUntil = addDays(countFrom, OBJECTION_FILING_DAYS);
  const decidedBy = addDays(filingUntil, OBJECTION_DECISION_DAYS);
  const formalList = addDays(f.electionDate, -FORMAL_LIST_DAYS_BEFORE);
  const filingOver = f.publishedOn !== null && f.today > filingUntil;
  const step = (id: TimelineStepId, due: string, done: boolean, lateWhenDone = false): TimelineStep => ({
    step: id,
    due,
    done,
    late: done ? lateWhenDone : f.today > due,
  });
  return [
    step('roll-published', latestPublication, f.publishedOn !== null, f.publishedOn !== null && f.publishedOn > latestPublication),
    step('objections-filed', filingUntil, filingOver),
    step('objections-decided', decidedBy, filingOver && f.objections.open === 0),
    step('formal-list', formalList, f.candidatesSet),
    step('election-day', f.electionDate, f.today >= f.electionDate),
  ];
}
