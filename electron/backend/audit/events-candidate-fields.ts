import type { AuditEventMeaning } from './catalogue';

/** Audit events of the candidates' optional record facts (electron/backend/services/person-key.ts). */
export const CANDIDATE_FIELDS_AUDIT_EVENTS = {
  'election.person-key-salt-set': {
    zh: '录入街道（镇）下发的人员识别码盐值（不记录盐值本身）',
    en: "the town's salt for the candidates' person keys entered (the salt itself is not logged)",
  },
} as const satisfies Record<string, AuditEventMeaning>;
