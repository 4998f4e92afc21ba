import type { AuditEventMeaning } from './catalogue';

/** Audit events of sealed result files and drills (electron/backend/services/seal*, electron/backend/drill). */
export const SEAL_AUDIT_EVENTS = {
  'seal.started': { zh: '开始写出封存结果文件（文件名、临时文件、文件哈希）', en: 'sealing started: the file about to be written (name, temp file, file and payload hashes)' },
  'seal.written': { zh: '写出封存结果文件', en: 'sealed result file written (file name, payload hash)' },
  'seal.abandoned': { zh: '封存结果文件未写成（写入失败或程序中断），未留下文件', en: 'sealing abandoned: the file was not written (a write failure, or the app stopped midway); nothing left behind' },
  'seal.refused': { zh: '拒绝封存结果', en: 'sealing refused (a round without a stored result, missing sign-offs, a file that exists)' },
  'seal.override': {
    zh: '两名选委会成员决定在签名不全时封存（原因、确认人、缺少的签名）',
    en: 'two committee members decided to seal although sign-offs were missing (reason, approvers, what was missing)',
  },
  'export.folder-set': { zh: '设定导出文件夹', en: 'export folder set (where sealed files are written)' },
  'drill.started': { zh: '开始演练（随机种子与选民人数）', en: 'drill started (seed and number of voters)' },
  'drill.finished': { zh: '演练完成', en: 'drill played to its end' },
} as const satisfies Record<string, AuditEventMeaning>;
