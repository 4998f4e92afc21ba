import ExcelJS from 'exceljs';
import { PARTY_STATUSES, REGISTRATION_CATEGORIES, rollColumnsFor } from '../../../shared/domain/roll';

type RollKind = Parameters<typeof rollColumnsFor>[0];

/**
 * The roll templates: the header row of the importer's columns (ROLL_COLUMNS, the definition mapRollHeader reads by)
 * and nothing else, so a filled-in template imports as it is.
 */


/** CSV in UTF-8 with a byte-order mark, which Excel needs to open it as UTF-8 rather than the system's code page. */
export function rollTemplateCsv(kind: RollKind = 'residents'): Uint8Array {
  const headers = rollColumnsFor(kind).map((c) => c.aliases[0]!);
  return new TextEncoder().encode(`\uFEFF${headers.join(',')}\r\n`);
}

const XLSX_ROWS = 1000;

/**
 * XLSX: the header on the first sheet (the one the importer reads), every column formatted as text so Excel keeps
 * ID numbers whole, drop-downs for 性别 and 登记类别, and a second sheet describing each column.
 */
export async function rollTemplateXlsx(kind: RollKind = 'residents'): Promise<Uint8Array> {
  const columns = rollColumnsFor(kind);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind === 'party' ? '党员名册' : '选民名单');
  sheet.columns = columns.map((c) => ({ header: c.aliases[0], key: c.field, width: c.field === 'idNumber' ? 22 : 14, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const lists: Partial<Record<string, string[]>> = {
    gender: ['男', '女'],
    category: REGISTRATION_CATEGORIES.map((c) => c.short),
    partyStatus: PARTY_STATUSES.map((s) => s.zh),
  };
  columns.forEach((c, i) => {
    const list = lists[c.field];
    if (!list) return;
    const letter = String.fromCharCode(65 + i);
    for (let row = 2; row <= XLSX_ROWS; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.zh,
        error: `${c.zh}：${list.join('、')}`,
      };
    }
  });
  const notes = book.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'name', width: 12 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '可填写的内容', key: 'accepts', width: 90 },
    { header: '也可用的列名', key: 'aliases', width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) {
    notes.addRow({ name: c.aliases[0], required: c.required ? '必填' : '可不填', accepts: [c.accepts.zh, ...(c.values ?? [])].join(' '), aliases: c.aliases.slice(1).join('、') });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
