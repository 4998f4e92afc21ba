import type { BoardRowView } from '../../../shared/api/town';
import { BODIES } from '../../../shared/record/cer';
import type { Translate } from '../../../shared/i18n';

/**
 * The board's cells as text in the screen's language: one formatter for the table and its CSV. `dateIn` says a due
 * date: the screen gives its language's form (2026年8月14日 / 14 Aug 2026); the CSV keeps ISO dates for machines.
 */
export function boardCells(row: BoardRowView, t: Translate, dateIn: (isoDate: string) => string = (d) => d): Record<BoardColumn, string> {
  const none = '—';
  const owed = row.owed.map((o) => {
    const where = [o.officeTitle, o.seats > 0 && o.kind !== 'rerun' ? t('town.board.seats', { n: o.seats }) : null, o.names.length > 0 ? o.names.join('、') : null]
      .filter((x) => x !== null)
      .join(' ');
    const what = `${t(`town.owed.${o.kind}`)}${where ? ` ${where}` : ''}`;
    return t('town.board.owedItem', { what, due: dateIn(o.due) });
  });
  return {
    community: row.community,
    body: t(`town.body.${row.body}`) + (row.drill ? ` 【${t('town.board.drill')}】` : ''),
    file: row.received ? t('town.board.fileNo', { n: row.sequence ?? 0 }) : t('town.board.notReceived'),
    rounds: row.rounds.map((r) => `${r.number}${r.valid ? '✓' : '✗'}`).join(' ') || none,
    valid: row.valid === null ? none : row.valid ? t('town.board.valid') : t('town.board.invalid'),
    elected: row.received ? `${row.elected}/${row.seats}` : none,
    vacancies: row.received ? String(row.vacancies) : none,
    minimum: row.minCommittee === null ? none : `${row.minCommittee}${row.belowMinimum ? t('town.board.below') : ''}`,
    acting: row.acting ? `${row.acting.name}（${row.acting.officeTitle}）` : none,
    women: row.received ? String(row.women) : none,
    signoffs: row.signoffs === null ? none : t(`town.signoffs.${row.signoffs}`),
    owed: owed.join('；') || none,
    warnings: row.warnings.join(', ') || none,
  };
}

export const BOARD_COLUMNS = [
  'community',
  'body',
  'file',
  'rounds',
  'valid',
  'elected',
  'vacancies',
  'minimum',
  'acting',
  'women',
  'signoffs',
  'owed',
  'warnings',
] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/** A body's name in the screen's language (a file's body as reported by an import; — when none). */
export function bodyName(body: string | null, t: Translate): string {
  const known = BODIES.find((b) => b === body);
  return known === undefined ? (body ?? '—') : t(`town.body.${known}`);
}
