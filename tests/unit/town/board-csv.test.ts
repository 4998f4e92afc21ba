import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BoardRowView } from '../../../shared/api/town';
import { translator } from '../../../shared/i18n';
import { BOARD_CSV_MAX_CELL, BOARD_CSV_MAX_ROWS, boardCsv, csvCell } from '../../../renderer/pages/town/board-csv';
import { boardCells } from '../../../renderer/pages/town/board-text';
import { formatDate } from '../../../shared/domain/when';

const received: BoardRowView = {
  community: '幸福里社区',
  body: 'residents',
  received: true,
  drill: true,
  payloadHash: 'ab'.repeat(32),
  sequence: 2,
  rounds: [{ number: 1, kind: 'regular', valid: true }],
  valid: true,
  elected: 4,
  seats: 5,
  vacancies: 1,
  minCommittee: 5,
  belowMinimum: true,
  acting: null,
  women: 2,
  warnings: [],
  signoffs: 'complete',
  owed: [{ kind: 'tie-revote', office: 'member', officeTitle: '委员', seats: 1, names: ['张伟', '刘洋'], due: '2026-08-14' }],
};
const missing: BoardRowView = { ...received, community: '光明社区, 东区', received: false, drill: false, payloadHash: null, sequence: null, rounds: [], valid: null, minCommittee: null, belowMinimum: false, signoffs: null, owed: [] };

test('a CSV cell is quoted when it must be, and a spreadsheet formula is never left to run', () => {
  assert.equal(csvCell('幸福里社区'), '幸福里社区');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal([...csvCell('字'.repeat(BOARD_CSV_MAX_CELL + 10))].length, BOARD_CSV_MAX_CELL);
});

test("the board's CSV has the screen's headers and words, office titles (not ids), a row per board row and the hash of each row's file", () => {
  const zh = boardCsv('城南街道', [received, missing], translator('zh-CN'));
  assert.ok(zh.startsWith('\uFEFF城南街道\r\n社区,组织,文件,'), zh.slice(0, 40));
  const lines = zh.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 4);
  assert.match(lines[2]!, /^幸福里社区,居民委员会 【演练】,第 2 份,1✓,有效,4\/5,1,5（不足）,—,2,齐全,再次投票 委员 1 席 张伟、刘洋，截止 2026-08-14,—,(ab){32}$/);
  assert.match(lines[3]!, /^"光明社区, 东区",居民委员会,未收到,—,—,—,—,—,—,—,—,—,—,$/);
  const en = boardCsv('Chengnan', [received], translator('en'));
  assert.match(en, /\r\nCommunity,Body,File,Rounds,Valid,Elected\/seats,/);
  assert.match(en, /tie re-vote 委员 1 seat\(s\) 张伟、刘洋, by 2026-08-14/);
  assert.doesNotMatch(en, /[再次投票齐全]/, 'no Chinese words of the table in the English file');
});

test('a board longer than the limit is cut, and the file says how many rows were left out', () => {
  const rows = Array.from({ length: BOARD_CSV_MAX_ROWS + 3 }, () => missing);
  const lines = boardCsv('x', rows, translator('en')).trimEnd().split('\r\n');
  assert.equal(lines.length, BOARD_CSV_MAX_ROWS + 3);
  assert.equal(lines.at(-1), '… 3');
});

test("the screen says a due date in its own language; the CSV keeps the ISO date for machines", () => {
  const zh = boardCells(received, translator('zh-CN'), (d) => formatDate(d, 'zh-CN')).owed;
  assert.equal(zh, '再次投票 委员 1 席 张伟、刘洋，截止 2026年8月14日');
  const en = boardCells(received, translator('en'), (d) => formatDate(d, 'en')).owed;
  assert.match(en, /, by 14 Aug 2026$/);
  assert.match(boardCsv('x', [received], translator('zh-CN')), /截止 2026-08-14/);
});
