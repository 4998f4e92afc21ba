import { formatDateTime } from '../../../../shared/domain/when';
import type { SlipFacts } from './facts';

/**
 * The words and figures of an A4 slip, in the order a committee member compares them by eye: Chinese labels with
 * English beside them, as on the command line's output. Pure: slips/render.ts lays them out on paper.
 */
export interface SlipLayout {
  title: string;
  fields: [label: string, value: string][];
  table: { title: string; header: string[]; rows: string[][] } | null;
  /** A decision the committee records on the paper (the takeover), with a line to write it on. */
  decision: string | null;
  signatures: string[];
}

/** 64 hex digits as 16 groups of 4, uppercase: what a person reads aloud. */
export function grouped(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}

const SIGN = ['选举委员会成员 / committee member', '交接人 / handed over by', '接收人 / received by'];

export function slipLayout(f: SlipFacts): SlipLayout {
  const common: [string, string][] = [
    ['选举 / election', f.electionTitle],
    ['投票站 / station', `${f.station.name} (${f.station.id})`],
    ['日期 / date', formatDateTime(f.at, 'zh-CN')],
  ];
  if (f.kind === 'package') {
    return {
      title: '投票站数据包凭条 / Station package slip',
      fields: [
        ...common,
        ['选民人数 / voters', String(f.voters)],
        ['票箱 / boxes', `${f.boxes.length}（${f.boxes.join('、')}）`],
        ['数据包哈希 / package hash', grouped(f.packageHash)],
        ['中心电脑密钥指纹 / central key fingerprint', f.central.short],
        ['完整指纹 / full fingerprint', f.central.full],
      ],
      table: null,
      decision: null,
      signatures: SIGN,
    };
  }
  if (f.kind === 'return') {
    return {
      title: `投票站回执凭条 / Station return slip — ${f.sequence}${f.closing ? '（结束时 / at the close）' : ''}`,
      fields: [
        ...common,
        ['回执序号 / return number', String(f.sequence)],
        ['发出选票记录 / issuances', String(f.issuances)],
        ['回执哈希 / return hash', grouped(f.returnHash)],
        ['日志末尾 / audit head', f.auditHead ? `${f.auditHead.count} · ${grouped(f.auditHead.hash)}` : '—'],
        ['本站密钥指纹 / station key fingerprint', f.stationKey.short],
        ['完整指纹 / full fingerprint', f.stationKey.full],
      ],
      table: {
        title: '各票箱已发选票 / issued per box',
        header: ['票箱 / box', '轮次 / round', '已发 / issued'],
        rows: f.boxes.map((b) => [b.box, String(b.round), String(b.issued)]),
      },
      decision: null,
      signatures: SIGN,
    };
  }
  return {
    title: '投票站电脑接替凭条 / Station takeover slip',
    fields: [
      ...common,
      ['数据包哈希 / package hash', grouped(f.packageHash)],
      ['发出选票记录 / issuances', f.issuances === null ? '—' : String(f.issuances)],
      ['原电脑密钥指纹 / old key fingerprint', grouped(f.oldKey.slice(0, 32))],
      ['新电脑密钥指纹 / new key fingerprint', f.newKey.short],
      ['新电脑完整指纹 / new full fingerprint', f.newKey.full],
    ],
    table: null,
    decision: '选举委员会决定接受新电脑接替本投票站（中心电脑导入回执时键入新指纹） / The election committee decides that the new laptop takes over this station (the central laptop types the new fingerprint when importing its return)',
    signatures: ['选举委员会成员 / committee member', '选举委员会成员 / committee member', '投票站负责人 / station lead'],
  };
}
