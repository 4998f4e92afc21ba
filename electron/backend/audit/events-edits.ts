import type { AuditEventMeaning } from './catalogue';

/**
 * Audit events of corrections and removals made during set-up, before round 1 opens (services/setup-edit-places.ts,
 * setup-edit-people.ts, roll-changes.ts): each holds the values before and after, and the reason.
 */
export const EDIT_AUDIT_EVENTS = {
  'venue.changed': { zh: '更正会场/投票站（附原因，前后值）', en: 'venue corrected, with reason and old/new values' },
  'venue.removed': { zh: '删除会场/投票站（附原因）', en: 'venue removed, with reason' },
  'box.changed': { zh: '更正票箱（附原因，前后值）', en: 'ballot box corrected, with reason and old/new values' },
  'box.removed': { zh: '删除票箱（附原因）', en: 'ballot box removed, with reason' },
  'desk.changed': { zh: '更正验证发票处（附原因，前后值）', en: 'issuance desk corrected, with reason and old/new values' },
  'desk.removed': { zh: '删除验证发票处（附原因）', en: 'issuance desk removed, with reason' },
  'person.changed': { zh: '更正工作人员或选委会成员信息（附原因，前后值）', en: "an official's or committee member's details corrected, with reason and old/new values" },
  'committee.member-removed': { zh: '投票开始前删除误录的选委会成员（附原因）', en: 'election committee member removed before voting opened, with reason' },
  'official.removed': { zh: '投票开始前删除误录的工作人员（附原因）', en: 'official removed before voting opened (all roles), with reason' },
  'voter.reinstated': { zh: '选委会决定撤销除名（附原因）', en: "voter's removal undone by a committee decision, with reason" },
} as const satisfies Record<string, AuditEventMeaning>;
