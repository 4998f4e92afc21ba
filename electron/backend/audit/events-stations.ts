import type { AuditEventMeaning } from './catalogue';

/** Audit events of station packages and returns (electron/backend/stations, docs/stations.md). */
export const STATION_AUDIT_EVENTS = {
  'station.package-exported': { zh: '导出投票站数据包', en: 'station package exported' },
  'station.package-opened': { zh: '在投票站电脑上打开数据包', en: 'station package opened on this station laptop' },
  'station.return-written': { zh: '投票站写出回执', en: 'station return written' },
  'station.key-registered': { zh: '登记投票站密钥（第一份回执）', en: "station's key registered at its first return" },
  'station.return-imported': { zh: '导入投票站回执', en: 'station return imported' },
  'station.anomaly': { zh: '导入回执时发现异常（已标记，未合并）', en: 'anomaly found importing a station return (flagged, not merged)' },
} as const satisfies Record<string, AuditEventMeaning>;
