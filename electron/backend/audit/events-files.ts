import type { AuditEventMeaning } from './catalogue';

/** Audit events of switching between the data folder's election files (electron/backend/election-files). */
export const FILE_AUDIT_EVENTS = {
  'election-file.left': { zh: '切换到另一个选举文件（离开本文件；进行中的投票或计票须选委会成员确认）', en: 'switched to another election file (left this one; open voting or counting confirmed by a committee member)' },
  'election-file.entered': { zh: '由另一个选举文件切换到本文件', en: 'switched to this election file from another' },
} as const satisfies Record<string, AuditEventMeaning>;
