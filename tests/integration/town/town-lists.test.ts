import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ApiError } from '../../../shared/api/envelope';
import { createTownFile } from '../../../electron/backend/town/context';
import { importCommunities, townBoard } from '../../../electron/backend/town/office';
import { parseKeyRegistry } from '../../../electron/backend/town/registry';

const dir = mkdtempSync(join(tmpdir(), 'station-town-lists-'));

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('社区');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the community list from XLSX and from a GBK CSV: added once each, all or nothing', async () => {
  const ctx = createTownFile(join(dir, 'lists.town.sqlite'), { name: '城南街道', followUpDays: 30 });
  try {
    const book = join(dir, 'communities.xlsx');
    writeFileSync(book, await xlsx([['序号', '社区名称'], [1, '幸福里社区'], [2, '光明社区'], [3, ' 幸福里社区 ']]));
    assert.deepEqual(await importCommunities(ctx, book), { added: ['幸福里社区', '光明社区'], known: 0 });
    const gbk = join(dir, 'communities-gbk.csv');
    writeFileSync(gbk, iconv.encode('社区\r\n光明社区\r\n和平社区\r\n', 'gbk'));
    assert.deepEqual(await importCommunities(ctx, gbk), { added: ['和平社区'], known: 1 });

    const noHeader = join(dir, 'no-header.csv');
    writeFileSync(noHeader, '名称\n新华社区\n');
    await assert.rejects(importCommunities(ctx, noHeader), (e: unknown) => e instanceof ApiError && /line 1: .*社区/.test(e.message));
    const tooLong = join(dir, 'too-long.csv');
    writeFileSync(tooLong, `社区\n新华社区\n${'长'.repeat(201)}\n`);
    await assert.rejects(importCommunities(ctx, tooLong), (e: unknown) => e instanceof ApiError && /line 3: .*at most 200 characters/.test(e.message));
    const rows = townBoard(ctx, { missing: true });
    assert.deepEqual([...new Set(rows.map((r) => r.community))].sort(), ['光明社区', '和平社区', '幸福里社区'].sort(), 'nothing of the refused files was added');
    assert.equal(rows.length, 9);
  } finally {
    ctx.db.close();
  }
});

test('a key registry as XLSX; a community listed twice keeps both keys', async () => {
  const registry = await parseKeyRegistry(await xlsx([['社区', '站点密钥指纹'], ['幸福里社区', 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111'], ['幸福里社区', '2222-3333-4444-5555-6666-7777-8888-9999']]));
  assert.deepEqual(registry.get('幸福里社区')?.fingerprints, ['aaaabbbbccccddddeeeeffff00001111', '22223333444455556666777788889999']);
});
