import { idNumberCheckChar, isAdultOn } from '../../../shared/domain/roll';
import { randomName, type Gender } from './names';
import type { Rng } from './prng';
import { csvCell } from '../files/csv-cell';

/** A generated roll row, as a roll file would carry it. */
export interface DrillVoterRow {
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  group: string;
  category: 'resident' | 'resident-away' | 'incomer' | 'community-worker';
}

export const DRILL_GROUPS = ['第一居民小组', '第二居民小组', '第三居民小组', '第四居民小组', '第五居民小组', '第六居民小组', '第七居民小组', '第八居民小组'] as const;

const CATEGORY_LABELS: Record<DrillVoterRow['category'], string> = {
  resident: '户在人在',
  'resident-away': '户在人不在',
  incomer: '人在户不在',
  'community-worker': '社区工作者',
};

/** Address codes of real districts (the first six digits of an ID number); the community is in the first. */
const AREA_CODES = ['330106', '330105', '330102', '330110', '340104', '360102', '410105', '420106'] as const;

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Ages 18–95, most between 30 and 75, as on a residential roll. */
function drawAge(rng: Rng): number {
  return rng.weighted([
    [rng.int(18, 29), 16],
    [rng.int(30, 44), 24],
    [rng.int(45, 59), 27],
    [rng.int(60, 74), 23],
    [rng.int(75, 95), 10],
  ]);
}

/**
 * `count` voters with valid, distinct ID numbers (GB 11643 check character; the 17th digit odd for men), birth dates
 * matching the ID numbers, all 18 or older on `electionDate`.
 */
export function generateRollRows(rng: Rng, count: number, electionDate: string): DrillVoterRow[] {
  const dayOf = Date.parse(`${electionDate}T00:00:00Z`);
  const taken = new Set<string>();
  const rows: DrillVoterRow[] = [];
  while (rows.length < count) {
    const gender: Gender = rng.chance(0.51) ? 'female' : 'male';
    const age = drawAge(rng);
    const birthMs = dayOf - (age * 365.25 + rng.int(0, 364)) * DAY_MS;
    const birthDate = isoDay(birthMs);
    if (!isAdultOn(birthDate, electionDate)) continue;
    const area = rng.weighted(AREA_CODES.map((a, i) => [a, i === 0 ? 70 : 4] as const));
    let serial = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    if (serial === 0) serial = 2;
    const first17 = `${area}${birthDate.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    if (taken.has(idNumber)) continue;
    taken.add(idNumber);
    rows.push({
      name: randomName(rng, gender),
      idNumber,
      gender,
      birthDate,
      group: rng.weighted(DRILL_GROUPS.map((g, i) => [g, 10 + ((i * 7) % 5)] as const)),
      category: rng.weighted([['resident', 85], ['resident-away', 4], ['incomer', 9], ['community-worker', 2]] as const),
    });
  }
  return rows;
}

/** The rows as a UTF-8 CSV roll file, with the Chinese headers a community office would use. */
export function rollCsv(rows: readonly DrillVoterRow[]): Buffer {
  const lines = ['序号,姓名,身份证号,性别,出生日期,居民小组,登记类别'];
  rows.forEach((r, i) => {
    lines.push(
      [String(i + 1), r.name, r.idNumber, r.gender === 'male' ? '男' : '女', r.birthDate, r.group, CATEGORY_LABELS[r.category]]
        .map(csvCell)
        .join(','),
    );
  });
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
