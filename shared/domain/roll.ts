import { checkCertificateNumber } from './certificate';
import { checkHousehold, HOUSEHOLD_MAX } from './household';
import { normalizeName } from './names';
import { describeTextIssue, findTextIssue, TEXT_LIMITS, type TextIssue } from './text';

/**
 * The voter roll (选民名单): its columns, registration categories (DOMAIN.md §4), ID number and age rules, and the
 * validation of a whole file's rows, collecting every error. Pure: the file reading lives in electron/backend/roll.
 */

export const REGISTRATION_CATEGORIES = [
  { id: 'resident', zh: '户籍在本社区并在本社区居住', short: '户在人在', aliases: ['户籍在本社区且居住'] },
  { id: 'resident-away', zh: '户籍在本社区、不在本社区居住，本人表示参加选举', short: '户在人不在', aliases: ['户籍在本社区不居住'] },
  {
    id: 'incomer',
    zh: '户籍不在本社区、在本社区居住一年以上，经申请同意参加选举',
    short: '人在户不在',
    aliases: ['人户分离', '人户分离（申请登记）', '人户分离(申请登记)'],
  },
  { id: 'community-worker', zh: '在本社区工作的社区工作者', short: '社区工作者', aliases: ['驻社区工作者'] },
] as const;
/** A Party roll's member status: probationary members (预备党员) have no vote. */
export const PARTY_STATUSES = [
  { id: 'full', zh: '正式党员' },
  { id: 'probationary', zh: '预备党员' },
] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number]['id'];

export function parsePartyStatus(text: string): PartyStatus | null {
  const t = text.normalize('NFKC').replace(/\s/gu, '');
  if (t === '') return 'full';
  return PARTY_STATUSES.find((s) => s.zh === t || s.id === t.toLowerCase())?.id ?? null;
}

/** A roll without a category column (or an empty cell) registers the voter in the usual category. */
export const DEFAULT_CATEGORY = 'resident';
export type RegistrationCategory = (typeof REGISTRATION_CATEGORIES)[number]['id'];
export const CATEGORY_IDS = REGISTRATION_CATEGORIES.map((c) => c.id) as [RegistrationCategory, ...RegistrationCategory[]];

/** Largest roll file read (CSV or XLSX): 100,000 voters in CSV are about 10 MB. */
export const ROLL_MAX_BYTES = 32 * 1024 * 1024;

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const ROLL_FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'group', 'category', 'certificate', 'station', 'address', 'proofNote', 'household', 'partyStatus'] as const;
export type RollField = (typeof ROLL_FIELDS)[number];
export interface RollColumn {
  field: RollField;
  /** The header the template writes and messages name the column by. */
  zh: string;
  en: string;
  required: boolean;
  /** Header texts accepted, compared after NFKC, whitespace removal and lower-casing; the first is the template's. */
  aliases: readonly string[];
  /** What a cell may hold, for the import screen and the template's notes, in words of each language ... */
  accepts: { zh: string; en: string };
  /** ... and the cell values it takes or examples of them, as they are written in a file (either language's screen). */
  values?: readonly string[];
}

/**
 * The roll's columns: the one definition the importer reads headers by and the import screen and the templates
 * (CSV, XLSX) are made from.
 */
export const ROLL_COLUMNS: readonly RollColumn[] = [
  { field: 'name', zh: '姓名', en: 'name', required: true, aliases: ['姓名', 'name'],
    accepts: { zh: '选民姓名', en: "the voter's name" } },
  { field: 'idNumber', zh: '身份证号', en: 'idNumber', required: true,
    aliases: ['身份证号', '身份证号码', '公民身份号码', '身份证', 'idnumber', 'id'],
    accepts: { zh: '18 位公民身份号码（末位可为 X），校验位须正确；电子表格中请设为文本格式', en: '18-character ID number (last may be X) with a correct check character; text format in a spreadsheet' } },
  { field: 'gender', zh: '性别', en: 'gender', required: true, aliases: ['性别', 'gender', 'sex'],
    accepts: { zh: '须与身份证号一致', en: 'female or male, matching the ID number' }, values: ['女', '男'] },
  { field: 'birthDate', zh: '出生日期', en: 'birthDate', required: true,
    aliases: ['出生日期', '出生年月日', '出生年月', 'birthdate', 'dateofbirth'],
    accepts: { zh: '须与身份证号一致，选举日年满 18 周岁；写法如', en: 'matching the ID number; 18 or older on election day; written e.g.' },
    values: ['1980年5月17日', '1980-05-17', '1980/5/17'] },
  { field: 'group', zh: '居民小组', en: 'group', required: true, aliases: ['居民小组', '所属居民小组', '小组', 'group', '党小组', '所属党小组'],
    accepts: { zh: '所属居民小组的名称，如', en: "the residents' group's name, e.g." }, values: ['第一居民小组'] },
  { field: 'category', zh: '登记类别', en: 'category', required: false, aliases: ['登记类别', '选民类别', '类别', 'category'],
    accepts: { zh: '以下之一（或其英文编号）；不填为“户在人在”', en: 'one of these (or its English id); empty: the first' },
    values: [...REGISTRATION_CATEGORIES.map((c) => c.short), ...CATEGORY_IDS] },
  { field: 'certificate', zh: '选民证号', en: 'certificate', required: false,
    aliases: ['选民证号', '选民证编号', '选民证', 'certificate', 'certificatenumber'],
    accepts: { zh: '8 位选民证号；不填则导入时自动编号', en: '8-digit certificate number; numbered at import when empty' } },
  { field: 'station', zh: '投票地点', en: 'station', required: false,
    aliases: ['投票地点', '投票站', '投票点', '投票会场', 'station', 'pollingstation', 'votesat'],
    accepts: { zh: '本选举的中心会场、投票站或流动票箱（名称或编号）；不填则在中心会场投票', en: "this election's central venue, a polling station or a mobile box (name or id); empty: the central venue" } },
  { field: 'address', zh: '住址', en: 'address', required: false, aliases: ['住址', '家庭住址', '现住址', 'address'],
    accepts: { zh: '住址，至多 200 字', en: 'the address, at most 200 characters' } },
  { field: 'proofNote', zh: '证明材料', en: 'proofNote', required: false, aliases: ['证明材料', '证明', 'proof', 'proofnote'],
    accepts: { zh: '人户分离申请登记时委员会查验的证明，至多 500 字', en: 'for a registration by application (living here, registered elsewhere): the proof the committee saw, at most 500 characters' } },
  { field: 'household', zh: '户号', en: 'household', required: false, aliases: ['户号', '户编号', '家庭户号', 'household', 'householdnumber'],
    accepts: { zh: `户口簿上的户号（字母、数字，可用“-”连接），至多 ${HOUSEHOLD_MAX} 个字符；同户选民填同一户号，户代表选举时必填，如`, en: `the household number (letters and digits, parts joined by "-"), at most ${HOUSEHOLD_MAX} characters; the same for everyone of one household; required for a household election, e.g.` },
    values: ['320102001', '3-2-101'] },
  { field: 'partyStatus', zh: '党员类别', en: 'partyStatus', required: false, aliases: ['党员类别', '党员身份', 'partystatus'],
    accepts: { zh: '仅党员大会的党员名册：预备党员填“预备党员”（不参加表决和选举），正式党员可不填', en: "Party members' meeting roll only: mark probationary members (they do not vote); empty: a full member" },
    values: [...PARTY_STATUSES.map((s) => s.zh), ...PARTY_STATUSES.map((s) => s.id)] },
];

/** Fields only a residents' roll carries, and the one only a Party roll carries. */
const RESIDENTS_ONLY: readonly RollField[] = ['category', 'address', 'proofNote'];
const PARTY_ONLY: readonly RollField[] = ['partyStatus'];

/** The columns a roll of this kind shows and its template holds (the importer reads every column either way). */
export function rollColumnsFor(kind: 'residents' | 'party'): readonly RollColumn[] {
  const left = kind === 'party' ? RESIDENTS_ONLY : PARTY_ONLY;
  return ROLL_COLUMNS.filter((c) => !left.includes(c.field));
}

export const REQUIRED_ROLL_FIELDS: readonly RollField[] = ROLL_COLUMNS.filter((c) => c.required).map((c) => c.field);

function columnOf(field: RollField): RollColumn {
  return ROLL_COLUMNS.find((c) => c.field === field)!;
}

const FIELD_LABELS = Object.fromEntries(ROLL_FIELDS.map((f) => [f, { zh: columnOf(f).zh, en: columnOf(f).en }])) as Record<
  RollField,
  { zh: string; en: string }
>;

/** Header texts accepted for each field. */
const HEADER_ALIASES = Object.fromEntries(ROLL_FIELDS.map((f) => [f, columnOf(f).aliases])) as Record<RollField, readonly string[]>;

/** Columns a roll commonly carries that are not needed here; they are ignored without complaint. */
const KNOWN_EXTRA_HEADERS = ['序号', '编号', '备注', '联系电话', '电话', 'no', 'remark', 'phone'];

export type RollErrorCode =
  | 'missing-column'
  | 'duplicate-column'
  | 'missing-field'
  | 'bad-id-number'
  | 'birth-date-invalid'
  | 'birth-date-mismatch'
  | 'gender-mismatch'
  | 'under-18'
  | 'unknown-category'
  | 'unknown-party-status'
  | 'party-status-outside-party'
  | 'unknown-gender'
  | 'duplicate-id-number'
  | 'duplicate-certificate'
  | 'bad-certificate'
  | 'bad-household'
  | 'unknown-station'
  | 'empty-roll'
  | 'bad-text'
  | 'encoding-loss'
  // file-level problems, reported by the reader before any row is looked at
  | 'encoding'
  | 'csv-syntax'
  | 'unreadable-file';

export interface RollError {
  /** 1-based line of the file (CSV: where the record starts; XLSX: the sheet row). */
  line: number;
  /** The column's header text as written in the file, or the field's Chinese label when the column is missing. */
  column: string;
  field: RollField | null;
  code: RollErrorCode;
  zh: string;
  en: string;
}

export interface RollHeader {
  /** For each column of the file, the field it holds (null: ignored). */
  fields: (RollField | null)[];
  /** Header text of each field's column, for messages. */
  labels: Partial<Record<RollField, string>>;
  ignored: string[];
}

function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s_\-]/gu, '').toLowerCase();
}

/** Maps a header row to fields. Every required column must be present once; unknown columns are ignored. */
export function mapRollHeader(cells: readonly string[], line = 1): { header: RollHeader; errors: RollError[] } {
  const fields: (RollField | null)[] = [];
  const labels: Partial<Record<RollField, string>> = {};
  const ignored: string[] = [];
  const errors: RollError[] = [];
  cells.forEach((cell, i) => {
    const problem = cellTextProblem(cell, line, `第 ${i + 1} 列表头 / header of column ${i + 1}`);
    if (problem) {
      errors.push({ line, column: `${i + 1}`, field: null, code: 'bad-text', ...problem });
      fields.push(null);
      return;
    }
    const key = headerKey(cell);
    const field = ROLL_FIELDS.find((f) => HEADER_ALIASES[f].includes(key)) ?? null;
    if (field && labels[field] !== undefined) {
      errors.push({
        line,
        column: cell,
        field,
        code: 'duplicate-column',
        zh: `表头中“${FIELD_LABELS[field].zh}”列出现了两次（“${labels[field]}”和“${cell}”）`,
        en: `the header has two ${FIELD_LABELS[field].en} columns ("${labels[field]}" and "${cell}")`,
      });
      fields.push(null);
      return;
    }
    if (field) labels[field] = cell.trim();
    else if (key !== '' && !KNOWN_EXTRA_HEADERS.includes(key)) ignored.push(cell.trim());
    fields.push(field);
  });
  for (const field of REQUIRED_ROLL_FIELDS) {
    if (labels[field] === undefined) {
      errors.push({
        line,
        column: FIELD_LABELS[field].zh,
        field,
        code: 'missing-column',
        zh: `表头缺少“${FIELD_LABELS[field].zh}”列（可用列名：${HEADER_ALIASES[field].join('、')}）`,
        en: `the header has no ${FIELD_LABELS[field].en} column (accepted names: ${HEADER_ALIASES[field].join(', ')})`,
      });
    }
  }
  return { header: { fields, labels, ignored }, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// ID numbers (GB 11643-1999): 17 digits, then a check character from ISO 7064 MOD 11-2.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

export function normalizeIdNumber(text: string): string {
  return text.normalize('NFKC').replace(/\s/gu, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; gender: Gender }
  | { ok: false; zh: string; en: string };

export function checkIdNumber(text: string): IdNumberCheck {
  const id = normalizeIdNumber(text);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      zh: `身份证号应为 18 位（前 17 位数字，末位数字或 X），收到“${text}”`,
      en: `an ID number has 18 characters (17 digits, then a digit or X), got "${text}"`,
    };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate)) {
    return {
      ok: false,
      zh: `身份证号 ${id} 中的出生日期 ${birthDate} 不是有效日期`,
      en: `ID number ${id} holds ${birthDate}, which is not a real date`,
    };
  }
  const expected = idNumberCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return {
      ok: false,
      zh: `身份证号 ${id} 校验位不符（应为 ${expected}），请核对`,
      en: `ID number ${id} fails its check character (expected ${expected}); it was probably mistyped`,
    };
  }
  return { ok: true, idNumber: id, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Accepts 1990-03-07, 1990/3/7, 1990.3.7, 19900307 and 1990年3月7日; returns YYYY-MM-DD or null. */
export function parseRollDate(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/**
 * 年满十八周岁: a voter is eligible on the day of their 18th birthday. Someone born on 29 February turns 18 on
 * 1 March in a common year, which the plain date comparison below gives without a special case.
 */
export function isAdultOn(birthDate: string, onDate: string): boolean {
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return eighteenth <= onDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values

export function parseGender(text: string): Gender | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (['男', 'male', 'm'].includes(t)) return 'male';
  if (['女', 'female', 'f'].includes(t)) return 'female';
  return null;
}

export function parseCategory(text: string): RegistrationCategory | null {
  const t = text.normalize('NFKC').replace(/\s/gu, '');
  const key = (s: string) => s.normalize('NFKC').replace(/\s/gu, '');
  const found = REGISTRATION_CATEGORIES.find(
    (c) => c.id === t.toLowerCase() || key(c.zh) === t || c.short === t || c.aliases.some((a) => key(a) === t),
  );
  return found ? found.id : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

export interface RawRollRow {
  line: number;
  values: Partial<Record<RollField, string>>;
}

export interface RollRow {
  line: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  group: string;
  category: RegistrationCategory;
  /** Null when the file has none; one is generated at import. */
  certificate: string | null;
  /** The station column's text (a venue or mobile box id or name), when the file has one and the cell is not empty. */
  station?: string;
  address?: string;
  proofNote?: string;
  /** The household number (户号), normalised (shared/domain/household.ts). */
  household?: string;
  /** Party members' meeting rolls: a probationary member, who has no vote. */
  probationary?: true;
}

export type RollValidation = { ok: true; rows: RollRow[] } | { ok: false; errors: RollError[] };

export interface RollValidationOptions {
  /** Election day, YYYY-MM-DD: voters must be 18 on that day. */
  electionDate: string;
  labels?: Partial<Record<RollField, string>>;
  /** A Party members' meeting roll, the only kind that may mark probationary members. */
  partyRoll?: boolean;
}

const TEXT_ISSUE_ZH: Record<Exclude<TextIssue['kind'], 'too-long'>, string> = {
  'lone-surrogate': '含有残缺的 Unicode 字符',
  control: '含有控制字符',
  bidi: '含有改变文字方向的控制字符',
};

/** Why a cell may not be stored (length, control and bidi characters, broken Unicode), in both languages. */
function cellTextProblem(value: string, line: number, column: string, max: number = TEXT_LIMITS.name): { zh: string; en: string } | null {
  const issue = findTextIssue(value, max);
  if (issue === null) return null;
  const what = issue.kind === 'too-long' ? `超过 ${max} 个字符` : `${TEXT_ISSUE_ZH[issue.kind]} ${issue.codePoint}（第 ${issue.at} 个字符）`;
  return { zh: `第 ${line} 行“${column}”${what}`, en: `line ${line}: ${column}: ${describeTextIssue(issue)}` };
}

/** Longer texts a roll may carry: an address, the proof seen for a registration by application. */
const CELL_LIMITS: Partial<Record<RollField, number>> = { address: TEXT_LIMITS.title, proofNote: TEXT_LIMITS.note };

/**
 * A "?" (or U+FFFD) among Chinese characters is what a GBK export leaves of a character GBK cannot hold (𠮷 and other
 * rare characters in names): the name is already lost, so it is refused rather than stored wrong.
 */
export function looksLikeEncodingLoss(name: string): boolean {
  return /[?？\uFFFD]/u.test(name) && /\p{Script=Han}/u.test(name);
}

/** Validates every row and collects every error; a roll is accepted only when there is none. */
export function validateRollRows(raw: readonly RawRollRow[], opts: RollValidationOptions): RollValidation {
  const errors: RollError[] = [];
  const rows: RollRow[] = [];
  const firstLineOfId = new Map<string, number>();
  const firstLineOfCertificate = new Map<string, number>();
  const label = (f: RollField) => opts.labels?.[f] ?? FIELD_LABELS[f].zh;

  for (const { line, values } of raw) {
    const before = errors.length;
    const fail = (field: RollField, code: RollErrorCode, zh: string, en: string) =>
      errors.push({ line, column: label(field), field, code, zh, en });
    const text = (f: RollField) => (values[f] ?? '').trim();

    for (const f of ROLL_FIELDS) {
      const problem = cellTextProblem(values[f] ?? '', line, label(f), CELL_LIMITS[f]);
      if (problem) fail(f, 'bad-text', problem.zh, problem.en);
    }
    if (errors.length > before) continue;
    if (looksLikeEncodingLoss(text('name'))) {
      fail('name', 'encoding-loss',
        `第 ${line} 行：姓名“${text('name')}”中的问号多半是编码丢失的字（GBK 编码无法保存的生僻字，如“𠮷”）。请核对原始名单，用 XLSX 或“CSV UTF-8”重新导出后导入`,
        `line ${line}: the "?" in the name "${text('name')}" is most likely a character lost in a GBK export (rare characters such as 𠮷 do not exist in GBK). Check the source and export it again as XLSX or "CSV UTF-8"`);
    }

    for (const f of REQUIRED_ROLL_FIELDS) {
      if (text(f) === '') {
        fail(f, 'missing-field', `第 ${line} 行缺少“${label(f)}”`, `line ${line}: ${FIELD_LABELS[f].en} is missing`);
      }
    }

    const name = normalizeName(text('name'));
    const group = text('group').normalize('NFKC');

    let id: IdNumberCheck | null = null;
    if (text('idNumber') !== '') {
      id = checkIdNumber(text('idNumber'));
      if (!id.ok) fail('idNumber', 'bad-id-number', `第 ${line} 行：${id.zh}`, `line ${line}: ${id.en}`);
      else {
        const first = firstLineOfId.get(id.idNumber);
        if (first !== undefined) {
          fail(
            'idNumber',
            'duplicate-id-number',
            `第 ${line} 行：身份证号 ${id.idNumber} 与第 ${first} 行重复（一人只能登记一次）`,
            `line ${line}: ID number ${id.idNumber} already appears on line ${first} (a voter is registered once)`,
          );
        } else firstLineOfId.set(id.idNumber, line);
      }
    }

    let gender: Gender | null = null;
    if (text('gender') !== '') {
      gender = parseGender(text('gender'));
      if (gender === null) {
        fail('gender', 'unknown-gender', `第 ${line} 行：性别“${text('gender')}”无法识别（应为 男 或 女）`,
          `line ${line}: unknown gender "${text('gender')}" (expected 男/女 or male/female)`);
      } else if (id?.ok && id.gender !== gender) {
        fail('gender', 'gender-mismatch',
          `第 ${line} 行：性别“${text('gender')}”与身份证号（第 17 位）不符`,
          `line ${line}: gender "${text('gender')}" does not match the ID number (17th digit)`);
      }
    }

    let birthDate: string | null = null;
    if (text('birthDate') !== '') {
      birthDate = parseRollDate(text('birthDate'));
      if (birthDate === null) {
        fail('birthDate', 'birth-date-invalid', `第 ${line} 行：出生日期“${text('birthDate')}”无法识别（例：1980-05-17）`,
          `line ${line}: birth date "${text('birthDate')}" is not a date (e.g. 1980-05-17)`);
      } else if (id?.ok && id.birthDate !== birthDate) {
        fail('birthDate', 'birth-date-mismatch',
          `第 ${line} 行：出生日期 ${birthDate} 与身份证号中的 ${id.birthDate} 不符`,
          `line ${line}: birth date ${birthDate} does not match ${id.birthDate} in the ID number`);
      } else if (!isAdultOn(birthDate, opts.electionDate)) {
        fail('birthDate', 'under-18',
          `第 ${line} 行：出生于 ${birthDate}，选举日 ${opts.electionDate} 未满十八周岁`,
          `line ${line}: born ${birthDate}, under 18 on election day ${opts.electionDate}`);
      }
    }

    let category: RegistrationCategory | null = text('category') === '' ? DEFAULT_CATEGORY : null;
    if (text('category') !== '') {
      category = parseCategory(text('category'));
      if (category === null) {
        fail('category', 'unknown-category',
          `第 ${line} 行：登记类别“${text('category')}”无法识别（可用：${REGISTRATION_CATEGORIES.map((c) => c.short).join('、')}）`,
          `line ${line}: unknown category "${text('category')}" (accepted: ${CATEGORY_IDS.join(', ')} or the Chinese labels)`);
      }
    }

    const partyStatus = parsePartyStatus(text('partyStatus'));
    if (partyStatus === null) {
      fail('partyStatus', 'unknown-party-status',
        `第 ${line} 行：党员类别“${text('partyStatus')}”无法识别（可用：${PARTY_STATUSES.map((s) => s.zh).join('、')}）`,
        `line ${line}: unknown Party status "${text('partyStatus')}" (accepted: ${PARTY_STATUSES.map((s) => s.id).join(', ')} or the Chinese labels)`);
    } else if (partyStatus === 'probationary' && opts.partyRoll !== true) {
      fail('partyStatus', 'party-status-outside-party',
        `第 ${line} 行：只有党员大会的党员名册才能标注预备党员，本选举不是党员大会`,
        `line ${line}: only a Party members' meeting roll marks probationary members, and this election is not one`);
    }

    let certificate: string | null = null;
    if (text('certificate') !== '') {
      const check = checkCertificateNumber(text('certificate'));
      if (!check.ok) {
        fail('certificate', 'bad-certificate', `第 ${line} 行：${check.zh}`, `line ${line}: ${check.en}`);
      } else {
        certificate = check.number;
        const first = firstLineOfCertificate.get(certificate);
        if (first !== undefined) {
          fail('certificate', 'duplicate-certificate',
            `第 ${line} 行：选民证号 ${certificate} 与第 ${first} 行重复`,
            `line ${line}: certificate ${certificate} already appears on line ${first}`);
        } else firstLineOfCertificate.set(certificate, line);
      }
    }

    let household: string | null = null;
    if (text('household') !== '') {
      const check = checkHousehold(text('household'));
      if (check.ok) household = check.number;
      else {
        fail('household', 'bad-household',
          check.problem === 'too-long'
            ? `第 ${line} 行“${label('household')}”：户号“${text('household')}”超过 ${HOUSEHOLD_MAX} 个字符`
            : `第 ${line} 行“${label('household')}”：户号“${text('household')}”只能由字母、数字组成，可用“-”连接（如 3-2-101）`,
          check.problem === 'too-long'
            ? `line ${line}: ${label('household')}: household number "${text('household')}" is longer than ${HOUSEHOLD_MAX} characters`
            : `line ${line}: ${label('household')}: household number "${text('household')}" may hold only letters and digits, parts joined by "-" (e.g. 3-2-101)`);
      }
    }

    if (errors.length === before && id?.ok && gender && birthDate && category) {
      const station = text('station').normalize('NFKC');
      const optional = {
        ...(station ? { station } : {}),
        ...(text('address') ? { address: text('address') } : {}),
        ...(text('proofNote') ? { proofNote: text('proofNote') } : {}),
        ...(household !== null ? { household } : {}),
        ...(partyStatus === 'probationary' ? { probationary: true as const } : {}),
      };
      rows.push({ line, name, idNumber: id.idNumber, gender, birthDate, group, category, certificate, ...optional });
    }
  }

  if (raw.length === 0) {
    errors.push({ line: 1, column: '', field: null, code: 'empty-roll', zh: '选民名单中没有任何选民', en: 'the roll has no voters' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
