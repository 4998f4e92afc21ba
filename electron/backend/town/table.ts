import { bilingual } from '../context';
import { parseCsv } from '../roll/csv';
import { decodeRollText } from '../roll/decode';
import { isZip } from '../roll/read';
import { readXlsx } from '../roll/xlsx';

/** A table the town office is given (community list, key registry): CSV (UTF-8 or GBK) or the first sheet of an XLSX. */
export interface TableRow {
  line: number;
  cells: string[];
}

export class TableError extends Error {}

/** Reads the non-empty rows of a CSV or XLSX file, told apart by its bytes; a bad file throws TableError. */
export async function readTable(bytes: Uint8Array): Promise<TableRow[]> {
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    if (!sheet.ok) throw new TableError(bilingual(sheet.zh, sheet.en));
    return sheet.records.map((r) => ({ line: r.line, cells: r.cells }));
  }
  const decoded = decodeRollText(bytes, 'auto');
  if (!decoded.ok) throw new TableError(`line ${decoded.error.line}: ${bilingual(decoded.error.zh, decoded.error.en)}`);
  const csv = parseCsv(decoded.text);
  if (!csv.ok) throw new TableError(`line ${csv.line}: ${bilingual(csv.zh, csv.en)}`);
  return csv.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** The column whose header is one of `names` (case and spaces ignored), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map((n) => n.replace(/\s+/g, '').toLowerCase()));
  return header.findIndex((h) => wanted.has(h.replace(/\s+/g, '').toLowerCase()));
}

export const COMMUNITY_HEADERS = ['社区', '社区名称', '社区(居委会)', 'community'] as const;
