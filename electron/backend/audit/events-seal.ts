import type { AuditEventMeaning } from './catalogue';

/** Audit events of sealed result files and drills (electron/backend/services/seal*, electron/backend/drill). */
export const SEAL_AUDIT_EVENTS = {
  'seal.written': { zh: '写出封存结果文件', en: 'sealed result file written (file name, payload hash)' },
  'seal.refused': { zh: '拒绝封存结果', en: 'sealing refused (a round without a stored result, or a broken audit log)' },
  'drill.started': { zh: '开始演练（随机种子与选民人数）', en: 'drill started (seed and number of voters)' },
} as const satisfies Record<string, AuditEventMeaning>;
