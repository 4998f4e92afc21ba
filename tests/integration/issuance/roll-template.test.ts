import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { importRoll } from '../../../electron/backend/services/roll';
import { templatesApi } from '../../../electron/backend/services/templates-api';
import { listVoters } from '../../../electron/backend/services/voters';
import { mapRollHeader, rollColumnsFor } from '../../../shared/domain/roll';

const ROLL_COLUMNS = rollColumnsFor('residents');
import { makeVoter } from '../../unit/roll/make-roll';
import { election } from './helpers';

/** The roll templates are made from the importer's own columns: filled in with two voters, each imports as it is. */

const two = [makeVoter(1), makeVoter(2)];
const cells = (v: ReturnType<typeof makeVoter>): Record<string, string> => ({
  name: v.name,
  idNumber: v.idNumber,
  gender: v.gender,
  birthDate: v.birthDate,
  group: v.group,
  category: v.category,
  certificate: '',
  station: '',
  partyStatus: '',
});

async function template(format: 'csv' | 'xlsx', roll?: 'party') {
  const t = await templatesApi(election().ctx).rollTemplate({ format, ...(roll ? { roll } : {}) });
  return { ...t, bytes: Buffer.from(t.contentBase64, 'base64') };
}

test('the CSV template is UTF-8 with a BOM, every column of the importer in its header, and imports when filled', async () => {
  const t = await template('csv');
  assert.equal(t.fileName, '选民名单模板.csv');
  assert.deepEqual([...t.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const header = t.bytes.subarray(3).toString('utf8').trimEnd().split(',');
  assert.deepEqual(header, ROLL_COLUMNS.map((c) => c.zh));
  assert.deepEqual(mapRollHeader(header).header.fields, ROLL_COLUMNS.map((c) => c.field));

  const filled = Buffer.concat([t.bytes, Buffer.from(two.map((v) => ROLL_COLUMNS.map((c) => cells(v)[c.field]).join(',')).join('\r\n'), 'utf8')]);
  const { ctx } = election();
  const out = await importRoll(ctx, { bytes: filled, fileName: t.fileName });
  assert.equal(out.imported, 2);
  assert.equal(out.encoding, 'utf8');
  assert.deepEqual(out.ignoredColumns, []);
  assert.deepEqual(listVoters(ctx.db, { offset: 0, limit: 10 }).voters.map((v) => v.name), two.map((v) => v.name));
});

test('the XLSX template keeps ID numbers as text, offers the categories, explains each column, and imports when filled', async () => {
  const t = await template('xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(t.bytes as never);
  const [sheet, notes] = book.worksheets;
  assert.deepEqual((sheet!.getRow(1).values as unknown[]).slice(1), ROLL_COLUMNS.map((c) => c.zh));
  const categoryColumn = ROLL_COLUMNS.findIndex((c) => c.field === 'category') + 1;
  assert.match(String(sheet!.getRow(2).getCell(categoryColumn).dataValidation.formulae?.[0]), /户在人在/);
  assert.equal(notes!.rowCount, ROLL_COLUMNS.length + 1);

  // Typed in as a person would: into the cells under the header (text cells, so the ID number stays whole).
  two.forEach((v, i) => {
    ROLL_COLUMNS.forEach((c, j) => {
      const value = cells(v)[c.field]!;
      if (value) sheet!.getRow(i + 2).getCell(j + 1).value = value;
    });
  });
  const filled = new Uint8Array(await book.xlsx.writeBuffer());
  const { ctx } = election();
  const out = await importRoll(ctx, { bytes: filled, fileName: t.fileName });
  assert.equal(out.imported, 2);
  assert.equal(out.format, 'xlsx');
  assert.deepEqual(listVoters(ctx.db, { offset: 0, limit: 10 }).voters.map((v) => v.name), two.map((v) => v.name));
});

test('the Party roll template has the Party status column and none of the residents-only ones; filled, it imports into a Party meeting', async () => {
  const t = await template('csv', 'party');
  assert.equal(t.fileName, '党员名册模板.csv');
  const columns = rollColumnsFor('party');
  const header = t.bytes.subarray(3).toString('utf8').trimEnd().split(',');
  assert.deepEqual(header, columns.map((c) => c.zh));
  assert.ok(header.includes('党员类别') && !header.includes('登记类别'));
  const row = (v: ReturnType<typeof makeVoter>, status: string) => columns.map((c) => (c.field === 'partyStatus' ? status : cells(v)[c.field])).join(',');
  const filled = Buffer.concat([t.bytes, Buffer.from(`${row(two[0]!, '')}\r\n${row(two[1]!, '预备党员')}`, 'utf8')]);
  const { ctx } = election({ body: 'party', method: 'meeting' });
  assert.equal((await importRoll(ctx, { bytes: filled, fileName: t.fileName })).imported, 2);
  assert.deepEqual(ctx.db.prepare('SELECT probationary FROM voter ORDER BY id').pluck().all(), [0, 1]);
});
