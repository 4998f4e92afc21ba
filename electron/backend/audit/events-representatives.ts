import type { AuditEventMeaning } from './catalogue';

/** Audit events of the representatives list (electron/backend/services/representatives.ts). */
export const REPRESENTATIVE_AUDIT_EVENTS = {
  'representative.added': { zh: '选委会决定列入居民代表', en: "voter added to the residents' representatives list by a committee decision" },
  'representative.removed': { zh: '选委会决定移出居民代表名单', en: "voter taken off the residents' representatives list by a committee decision" },
  'representatives.imported': { zh: '导入居民代表名单', en: "residents' representatives list imported from a file" },
  'community.households-set': { zh: '选委会录入社区户数（居民代表最低人数）', en: 'household count entered by the committee (minimum number of representatives)' },
} as const satisfies Record<string, AuditEventMeaning>;
