import type { AuditEventMeaning } from './catalogue';

/** Audit events of station packages and returns (electron/backend/stations, docs/stations.md). */
export const STATION_AUDIT_EVENTS = {
  'station.package-exported': { zh: '导出投票站数据包', en: 'station package exported' },
  'station.package-opened': { zh: '在投票站电脑上打开数据包', en: 'station package opened on this station laptop' },
  'station.return-written': { zh: '投票站写出回执', en: 'station return written' },
  'station.key-registered': { zh: '登记投票站密钥（第一份回执）', en: "station's key registered at its first return" },
  'station.return-imported': { zh: '导入投票站回执', en: 'station return imported' },
  'station.anomaly': { zh: '导入回执时发现异常（已标记，未合并）', en: 'anomaly found importing a station return (flagged, not merged)' },
  'station.taken-over': { zh: '替换电脑由数据包和第二份副本接替投票站（旧、新密钥指纹）', en: 'a replacement laptop took over the station from its package and second copy (old and new key)' },
  'station.key-replaced': { zh: '接受投票站电脑的接替，启用新密钥', en: "station takeover accepted: the station's new key replaces the old" },
  'station.turnout-phoned': { zh: '录入投票站电话报告的投票人数（临时）', en: 'turnout phoned in from a station entered (provisional)' },
  'copy.folder-chosen': { zh: '选定第二份副本的文件夹（U 盘）', en: "the second copy's folder (USB stick) chosen" },
  'copy.restored': { zh: '由第二份副本恢复选举数据文件', en: 'election file rebuilt from its second copy' },
} as const satisfies Record<string, AuditEventMeaning>;
