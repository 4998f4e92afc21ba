import type { AuditEventMeaning } from './catalogue';

/** Audit events of nomination to formal candidates (electron/backend/services/nomination*.ts). */
export const NOMINATION_AUDIT_EVENTS = {
  'nomination.rule-set': { zh: '选委会设定联名推荐的最少人数', en: 'fewest nominators of a joint nomination set by the committee' },
  'nomination.recorded': { zh: '登记报名或联名推荐（被提名人、推荐人）', en: 'application or joint nomination recorded (nominee, nominators)' },
  'nomination.preliminary-set': { zh: '确定初步候选人名单（前后值）', en: 'preliminary list of an office set, with old and new values' },
  'nomination.vote-recorded': { zh: '录入居民代表会议提名投票结果', en: "representatives' meeting nomination vote entered for an office" },
  'nomination.tie-decided': { zh: '选委会决定提名投票的同票', en: 'tie at the edge of the nomination vote decided by the committee' },
  'nomination.formal-list-confirmed': { zh: '选委会确认正式候选人名单，成为本次选举的候选人', en: "formal list confirmed by the committee; it became the election's candidates" },
  'nomination.withdrawn': { zh: '撤回一项提名（被提名人、推荐人、原因）', en: 'nomination withdrawn (nominee, nominators, reason)' },
} as const satisfies Record<string, AuditEventMeaning>;
