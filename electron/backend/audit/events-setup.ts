import type { AuditEventMeaning } from './catalogue';

/** Audit events of set-up changes made after the election was created (electron/backend/services/setup-rules). */
export const SETUP_AUDIT_EVENTS = {
  'election.rules-changed': { zh: '投票开始前更改计票规则', en: 'rule profile changed before voting started (old and new values)' },
  'election.rules-refused': { zh: '拒绝更改计票规则', en: 'rule profile change refused (voting started, or approved proxies over the new limit)' },
} as const satisfies Record<string, AuditEventMeaning>;
