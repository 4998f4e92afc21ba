import type { AuditEventMeaning } from './catalogue';

/** Audit events of the candidates' optional record facts (electron/backend/services/person-key.ts). */
export const CANDIDATE_FIELDS_AUDIT_EVENTS = {
  'election.person-key-salt-set': {
    zh: '录入街道（镇）下发的人员识别码盐值（不记录盐值本身）',
    en: "the town's salt for the candidates' person keys entered (the salt itself is not logged)",
  },
  'round-candidate.changed': {
    zh: '录入或更正后续轮次新候选人的性别、出生年份、学历、政治面貌或身份证号（不记录身份证号）',
    en: "gender, birth year, education, political status or ID number of a person first standing in a later round entered or corrected (the ID number is not logged)",
  },
} as const satisfies Record<string, AuditEventMeaning>;
