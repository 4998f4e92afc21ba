import ExcelJS from 'exceljs';

export interface SheetRecord {
  /** The sheet's row number (1-based), shown to the user as the line. */
  line: number;
  cells: string[];
  /** Columns (0-based) whose cell held a number rather than text (an ID number there has lost digits). */
  numeric: Set<number>;
}

export type SheetResult = { ok: true; records: SheetRecord[]; sheet: string } | { ok: false; zh: string; en: string };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel stores dates as a day count; exceljs gives them as Date objects at UTC midnight. */
function cellText(value: ExcelJS.CellValue): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? value.toFixed(0) : String(value), numeric: true };
  if (typeof value === 'boolean') return { text: String(value), numeric: false };
  if (value instanceof Date) {
    return { text: `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`, numeric: false };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return { text: value.richText.map((r) => r.text).join(''), numeric: false };
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
        ? { text: '', numeric: false }
        : cellText(result);
    }
    if ('text' in value && typeof value.text === 'string') return { text: value.text, numeric: false };
    if ('error' in value) return { text: '', numeric: false };
  }
  return { text: String(value), numeric: false };
}

/** Reads the first worksheet of an XLSX file into rows of text. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    return {
      ok: false,
      zh: `无法读取该 XLSX 文件（${(err as Error).message}）。请确认是 Excel 2007 及以后的 .xlsx 文件。`,
      en: `cannot read this XLSX file (${(err as Error).message}); it must be an Excel 2007+ .xlsx workbook`,
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, zh: 'XLSX 文件中没有工作表', en: 'the XLSX file has no worksheet' };
  const records: SheetRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const numeric = new Set<number>();
    for (let col = 1; col <= row.cellCount; col++) {
      const { text, numeric: isNumber } = cellText(row.getCell(col).value);
      cells.push(text);
      if (isNumber) numeric.add(col - 1);
    }
    if (cells.some((c) => c.trim() !== '')) records.push({ line: rowNumber, cells, numeric });
  });
  return { ok: true, records, sheet: sheet.name };
}
