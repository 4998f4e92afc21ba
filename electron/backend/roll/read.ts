import {
  mapRollHeader,
  validateRollRows,
  type RawRollRow,
  type RollError,
  type RollField,
  type RollRow,
} from '../../../shared/domain/roll';
import { parseCsv } from './csv';
import { decodeRollText, type RollEncoding, type RollEncodingChoice } from './decode';
import { readXlsx } from './xlsx';

export type RollFormat = 'csv' | 'xlsx';

export interface ReadRollOptions {
  /** Election day (YYYY-MM-DD), for the age check. */
  electionDate: string;
  /** CSV only; XLSX files carry their own encoding. */
  encoding?: RollEncodingChoice;
  /** A Party members' meeting roll (probationary members may be marked). */
  partyRoll?: boolean;
}

export type ReadRollResult =
  | {
      ok: true;
      rows: RollRow[];
      format: RollFormat;
      encoding: RollEncoding | null;
      ignoredColumns: string[];
      /** Each field's column header as written in the file, for messages naming the column. */
      columns: Partial<Record<RollField, string>>;
    }
  | { ok: false; errors: RollError[]; format: RollFormat | null; encoding: RollEncoding | null };

export interface Grid {
  line: number;
  cells: string[];
  numeric?: Set<number>;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function fileError(code: RollError['code'], zh: string, en: string, line = 1): RollError {
  return { line, column: '', field: null, code, zh, en };
}

export type GridResult =
  | { ok: true; grid: Grid[]; format: RollFormat; encoding: RollEncoding | null }
  | { ok: false; errors: RollError[]; format: RollFormat | null; encoding: RollEncoding | null };

/** The rows of a CSV or XLSX file (told apart by its bytes), blank CSV rows left out; also read for other lists of voters. */
export async function readGrid(bytes: Uint8Array, encodingChoice: RollEncodingChoice = 'auto'): Promise<GridResult> {
  let encoding: RollEncoding | null = null;
  if (isOldExcel(bytes)) {
    return {
      ok: false,
      format: null,
      encoding,
      errors: [fileError('unreadable-file', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后导入',
        'old .xls workbooks are not supported; save the roll as .xlsx or CSV in Excel and import that')],
    };
  }
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    if (!sheet.ok) return { ok: false, format: 'xlsx', encoding, errors: [fileError('unreadable-file', sheet.zh, sheet.en)] };
    return { ok: true, grid: sheet.records, format: 'xlsx', encoding };
  }
  const decoded = decodeRollText(bytes, encodingChoice);
  if (!decoded.ok) return { ok: false, format: 'csv', encoding, errors: [decoded.error] };
  encoding = decoded.encoding;
  const csv = parseCsv(decoded.text);
  if (!csv.ok) return { ok: false, format: 'csv', encoding, errors: [fileError('csv-syntax', csv.zh, csv.en, csv.line)] };
  return { ok: true, grid: csv.records.filter((r) => r.cells.some((c) => c.trim() !== '')), format: 'csv', encoding };
}

/** Reads a roll file (CSV or XLSX, told apart by its bytes) and validates every row, collecting every error. */
export async function readRollFile(bytes: Uint8Array, opts: ReadRollOptions): Promise<ReadRollResult> {
  const read = await readGrid(bytes, opts.encoding ?? 'auto');
  if (!read.ok) return read;
  const { grid, format, encoding } = read;

  const headerRow = grid[0];
  if (!headerRow) {
    return { ok: false, format, encoding, errors: [fileError('empty-roll', '文件是空的', 'the file is empty')] };
  }
  const { header, errors: headerErrors } = mapRollHeader(headerRow.cells, headerRow.line);
  if (headerErrors.length > 0) return { ok: false, format, encoding, errors: headerErrors };

  const numericIdErrors: RollError[] = [];
  const idColumn = header.fields.indexOf('idNumber');
  const raw: RawRollRow[] = grid.slice(1).map((record) => {
    const values: Partial<Record<RollField, string>> = {};
    header.fields.forEach((field, col) => {
      if (field) values[field] = record.cells[col] ?? '';
    });
    if (record.numeric?.has(idColumn)) {
      numericIdErrors.push({
        line: record.line,
        column: header.labels.idNumber ?? '身份证号',
        field: 'idNumber',
        code: 'bad-id-number',
        zh: `第 ${record.line} 行：身份证号在 Excel 中存成了数字，已丢失末几位。请把该列设为“文本”格式后重新录入`,
        en: `line ${record.line}: the ID number is stored as a number in Excel, which drops its last digits; format the column as text and enter it again`,
      });
      values.idNumber = '';
    }
    return { line: record.line, values };
  });

  const result = validateRollRows(raw, { electionDate: opts.electionDate, labels: header.labels, partyRoll: opts.partyRoll === true });
  if (numericIdErrors.length > 0) {
    // The numeric cell was blanked above, so drop the "missing" report for it in favour of the precise one.
    const numericLines = new Set(numericIdErrors.map((e) => e.line));
    const others = result.ok
      ? []
      : result.errors.filter((e) => !(e.code === 'missing-field' && e.field === 'idNumber' && numericLines.has(e.line)));
    const errors = [...others, ...numericIdErrors].sort((a, b) => a.line - b.line);
    return { ok: false, format, encoding, errors };
  }
  if (!result.ok) return { ok: false, format, encoding, errors: result.errors };
  return { ok: true, rows: result.rows, format, encoding, ignoredColumns: header.ignored, columns: header.labels };
}
