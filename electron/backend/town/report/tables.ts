import type { BoardRow } from '../board';
import { BODY_NAMES, owedText, SIGNOFF_NAMES } from '../labels';
import type { CommitteeProfile, StructureReport, StructureRow } from '../structure';

/** A report as plain tables of text: what the PDF, XLSX and CSV renderers draw, each the same. */
export interface ReportTable {
  title: string;
  header: string[];
  rows: string[][];
}

export interface TownReport {
  office: string;
  made: string;
  kind: 'board' | 'structure';
  tables: ReportTable[];
  /** The files the report was made from: community, body, payload hash. */
  sources: Array<[string, string, string]>;
}

const yesNo = (b: boolean): string => (b ? '是 yes' : '否 no');

function boardLine(r: BoardRow): string[] {
  if (!r.received) return [r.community, BODY_NAMES[r.body]!, '未收到 not yet received', '', '', '', '', '', '', '', '', '', ''];
  return [
    r.community + (r.drill ? ' 【演练 DRILL】' : ''),
    BODY_NAMES[r.body]!,
    String(r.sequence),
    r.rounds.map((x) => `${x.number}${x.valid ? '✓' : '✗'}`).join(' '),
    r.valid ? '有效 valid' : '无效 INVALID',
    `${r.elected}/${r.seats}`,
    String(r.vacancies),
    `${r.minCommittee}${r.belowMinimum ? ' 不足 below' : ''}`,
    String(r.women),
    r.acting === null ? '' : `${r.acting.name} (${r.acting.officeTitle})`,
    SIGNOFF_NAMES[r.signoffs!]!,
    r.owed.map(owedText).join('; '),
    r.warnings.join(', '),
  ];
}

/** The status board as a report. */
export function boardReport(office: string, made: string, rows: readonly BoardRow[]): TownReport {
  return {
    office,
    made,
    kind: 'board',
    tables: [{
      title: `${office} 备案情况一览 / status board`,
      header: ['社区 community', '组织 body', '第几份 file #', '轮次 rounds', '有效 valid', '当选/应选 elected/seats', '暂缺 vacant', '最低人数 minimum', '女性 women', '代理主任 acting', '签名 sign-offs', '待办 owed (截止 by)', '提示 warnings'],
      rows: rows.map(boardLine),
    }],
    sources: rows.filter((r) => r.payloadHash !== null).map((r) => [r.community, r.body, r.payloadHash!]),
  };
}

const PROFILE_HEADER = ['人数 members', '女性 women', '≤35', '36–45', '46–55', '>55', '年龄不详 age unknown', '大专及以上 college+', '党员 Party members'];

function profileCells(p: CommitteeProfile): string[] {
  return [p.members, p.women, p.ages.upTo35, p.ages['36to45'], p.ages['46to55'], p.ages.over55, p.ages.unknown, p.collegeOrAbove, p.partyMembers].map(String);
}

const matchText = (m: { name: string; by: 'key' | 'name' }): string => (m.by === 'key' ? m.name : `${m.name}（按姓名 by name）`);

function structureLine(r: StructureRow): string[] {
  return [
    r.community + (r.drill ? ' 【演练 DRILL】' : ''),
    r.oneShoulder === null ? yesNo(false) : `${yesNo(true)}: ${matchText(r.oneShoulder)}`,
    `${r.crossServing.length}${r.crossServing.length > 0 ? `: ${r.crossServing.map(matchText).join('、')}` : ''}`,
  ];
}

/** The structure report: 一肩挑 and 交叉任职 per community, then the make-up of both committees, with town totals. */
export function structureTables(office: string, made: string, s: StructureReport): TownReport {
  const t = s.totals;
  return {
    office,
    made,
    kind: 'structure',
    tables: [
      {
        title: `${office} 两委班子结构 / structure of the new committees`,
        header: ['社区 community', '一肩挑 secretary also chair', '交叉任职 on both committees'],
        rows: [
          ...s.rows.map(structureLine),
          [`合计 total (${t.communities})`, `${t.oneShoulder}（按姓名 by name ${t.oneShoulderByName}）`, `${t.crossServing}（按姓名 by name ${t.crossServingByName}）`],
        ],
      },
      {
        title: '居民委员会 / residents\' committees',
        header: ['社区 community', ...PROFILE_HEADER],
        rows: [...s.rows.map((r) => [r.community, ...profileCells(r.residents)]), ['合计 total', ...profileCells(t.residents)]],
      },
      {
        title: '党组织委员会 / Party committees',
        header: ['社区 community', ...PROFILE_HEADER],
        rows: [...s.rows.map((r) => [r.community, ...profileCells(r.party)]), ['合计 total', ...profileCells(t.party)]],
      },
      ...(s.incomplete.length === 0 ? [] : [{
        title: '尚未齐备（不计入合计）/ not yet complete (not in the totals)',
        header: ['社区 community', '未收到 missing'],
        rows: s.incomplete.map((i) => [i.community, BODY_NAMES[i.missing]!]),
      }]),
    ],
    sources: s.rows.flatMap((r): Array<[string, string, string]> => [[r.community, 'residents', r.residentsFile], [r.community, 'party', r.partyFile]]),
  };
}

export const SOURCES_HEADER = ['社区 community', '组织 body', '文件（载荷 SHA-256）file (payload SHA-256)'];
export const SOURCES_TITLE = '本报表依据的文件 / made from these files';
