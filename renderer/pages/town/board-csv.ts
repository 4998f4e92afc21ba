import type { BoardRowView } from '../../../shared/api/town';
import type { Translate } from '../../../shared/i18n';
import { BOARD_COLUMNS, boardCells } from './board-text';

/** More rows than any town's board (communities × 3 bodies): a longer board is cut, and the file says so. */
export const BOARD_CSV_MAX_ROWS = 20_000;
/** A cell longer than this (a very long list of names) is cut with "…". */
export const BOARD_CSV_MAX_CELL = 2_000;

/**
 * A cell as CSV: quoted when it holds a comma, quote or line break; a text a spreadsheet would take for a formula
 * (=, +, -, @ first) gets a leading apostrophe, so opening the file never runs anything.
 */
export function csvCell(value: string): string {
  const chars = [...value];
  let text = chars.length > BOARD_CSV_MAX_CELL ? `${chars.slice(0, BOARD_CSV_MAX_CELL - 1).join('')}…` : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The board's rows as a CSV file (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese), with the
 * same columns and words as the screen, and the payload hash of the file each row was made from.
 */
export function boardCsv(office: string, rows: readonly BoardRowView[], t: Translate): string {
  const header = [...BOARD_COLUMNS.map((c) => t(`town.board.col.${c}`)), 'SHA-256'];
  const lines = [[office].map(csvCell).join(','), header.map(csvCell).join(',')];
  for (const row of rows.slice(0, BOARD_CSV_MAX_ROWS)) {
    const cells = boardCells(row, t);
    lines.push([...BOARD_COLUMNS.map((c) => cells[c]), row.payloadHash ?? ''].map(csvCell).join(','));
  }
  if (rows.length > BOARD_CSV_MAX_ROWS) lines.push(csvCell(`… ${rows.length - BOARD_CSV_MAX_ROWS}`));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
