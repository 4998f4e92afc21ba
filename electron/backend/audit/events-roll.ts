import type { AuditEventMeaning } from './catalogue';

/** Audit events of the roll's life before round 1 (electron/backend/services/roll-changes.ts, roll-life.ts). */
export const ROLL_AUDIT_EVENTS = {
  'voter.added': { zh: '选委会决定增补选民', en: 'voter added to the roll by a committee decision' },
  'voter.removed': { zh: '选委会决定将选民除名（附原因，保留记录）', en: 'voter removed from the roll by a committee decision, with reason (kept for history)' },
  'voter.corrected': { zh: '选委会决定更正选民信息（前后值）', en: "voter's entry corrected by a committee decision, with old and new values" },
  'roll.eligible-set': { zh: '选委会录入应登记选民数（30% 核查）', en: 'eligible count entered by the committee (30% check)' },
  'roll.published': { zh: '选民名单张榜公布', en: 'roll marked published (deadlines count from the date)' },
  'objection.filed': { zh: '登记选民名单申诉', en: 'objection to the roll recorded' },
  'objection.decided': { zh: '选委会对申诉作出决定', en: 'objection decided by the committee' },
} as const satisfies Record<string, AuditEventMeaning>;
