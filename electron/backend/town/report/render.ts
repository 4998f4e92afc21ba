import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { formatDateTime } from '../../../../shared/domain/when';
import { a4Document } from '../../certificates/a4-document';
import { csvCell } from '../../files/csv-cell';
import { SOURCES_HEADER, SOURCES_TITLE, type ReportTable, type TownReport } from './tables';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A text a spreadsheet would take for a formula (a community name is input) is kept as text. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function sourcesTable(r: TownReport): ReportTable {
  return { title: SOURCES_TITLE, header: SOURCES_HEADER, rows: r.sources.map((s) => [...s]) };
}

function heading(r: TownReport): string[] {
  return [r.tables[0]!.title, `制表时间 / made: ${formatDateTime(r.made, 'zh-CN')}`];
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese; tables one after another. */
export function reportCsv(r: TownReport): Buffer {
  const lines: string[] = heading(r).map(csvCell);
  for (const t of [...r.tables, sourcesTable(r)]) {
    lines.push('', csvCell(t.title), t.header.map(csvCell).join(','));
    for (const row of t.rows) lines.push(row.map((c) => csvCell(inert(c))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** One sheet per table, and a sheet of the files the report was made from. */
export async function reportXlsx(r: TownReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'community-election-station';
  const tables = [...r.tables, sourcesTable(r)];
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(i === tables.length - 1 ? '来源 sources' : `${i + 1}`);
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow([`制表时间 / made: ${formatDateTime(r.made, 'zh-CN')}`]);
    ws.addRow(t.header).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map(inert));
    ws.columns.forEach((c, k) => {
      c.width = Math.min(60, Math.max(10, ...[t.header[k] ?? '', ...t.rows.map((x) => x[k] ?? '')].map((x) => x.length * 1.6)));
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MM = 72 / 25.4;

/**
 * A4 landscape, Chinese: each table with its header repeated on every page it runs over, the files it was made from,
 * and a signature block kept whole on one page (制表人, 审核人, 日期).
 */
export async function reportPdf(r: TownReport): Promise<Buffer> {
  const { doc, finish } = await a4Document({ title: r.tables[0]!.title, marginMm: 12, landscape: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.fontSize(14).text(heading(r)[0]!, left, doc.y, { width, align: 'center' });
  doc.fontSize(9).text(heading(r)[1]!, left, doc.y + 2, { width, align: 'center' });
  doc.y += 6;
  for (const t of [...r.tables, sourcesTable(r)]) drawTable(doc, t, left, width, bottom);

  const blockHeight = 22 * MM;
  if (doc.y + blockHeight > bottom()) doc.addPage();
  doc.fontSize(11);
  const y = doc.y + 8 * MM;
  ['制表人 / prepared by', '审核人 / checked by', '日期 / date'].forEach((label, i) => {
    const x = left + (i * width) / 3;
    doc.text(`${label}: ____________`, x, y, { width: width / 3 - 4 * MM, lineBreak: false });
  });
  return finish();
}

function drawTable(doc: PDFDocument, t: ReportTable, left: number, width: number, bottom: () => number): void {
  const size = t.header.length > 8 ? 7 : 9;
  const widths = columnWidths(t, width);
  const rowHeight = (cells: readonly string[]): number =>
    Math.max(...cells.map((c, i) => doc.fontSize(size).heightOfString(c || ' ', { width: widths[i]! - 3 }))) + 3;
  const drawRow = (cells: readonly string[], shade: boolean): void => {
    const h = rowHeight(cells);
    const y = doc.y;
    if (shade) doc.save().rect(left, y, width, h).fill('#eeeeee').restore();
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor('black').fontSize(size).text(c, x + 1.5, y + 1.5, { width: widths[i]! - 3 });
      x += widths[i]!;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.3).stroke();
    doc.x = left;
    doc.y = y + h;
  };
  if (doc.y + 3 * rowHeight(t.header) > bottom()) doc.addPage();
  doc.fontSize(11).text(t.title, left, doc.y + 4, { width });
  doc.y += 3;
  drawRow(t.header, true);
  for (const row of t.rows) {
    if (doc.y + rowHeight(row) > bottom()) {
      doc.addPage();
      drawRow(t.header, true);
    }
    drawRow(row, false);
  }
  doc.y += 8;
}

/** Columns share the width by the longest text in each (within bounds), so long hashes and owed lists get room. */
function columnWidths(t: ReportTable, width: number): number[] {
  const want = t.header.map((h, i) => Math.min(40, Math.max(4, h.length, ...t.rows.map((r) => (r[i] ?? '').length))));
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w / total) * width);
}
