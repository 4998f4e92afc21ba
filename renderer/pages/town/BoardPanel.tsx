import { useState } from 'react';
import type { BoardRowView } from '../../../shared/api/town';
import { useApi } from '../../app/api-context';
import { useLang, useT } from '../../app/i18n';
import { formatDate } from '../../../shared/domain/when';
import { saveMadeFile, type MadeFile } from '../../api/save-file';
import { ErrorNote, Loading, OkNote, useAction, useLoad } from '../../ui';
import { boardCsv } from './board-csv';
import { BOARD_COLUMNS, boardCells } from './board-text';

/**
 * The status board: one row per community and body, filtered to what is owed and/or not yet received, 演练 files
 * marked; and its export area (the CSV of these very rows; the PDF/XLSX reports join it there).
 */
export function BoardPanel() {
  const api = useApi();
  const t = useT();
  const [owed, setOwed] = useState(false);
  const [missing, setMissing] = useState(false);
  const board = useLoad(() => api.call('townBoard', { owed, missing }), [api, owed, missing]);
  const rows = board.data?.rows ?? [];
  return (
    <div className="ui-screen ui-stack" data-testid="town-board">
      <h2>{t('town.board.title')}</h2>
      <fieldset className="ui-fieldset">
        <legend>{t('town.board.filters')}</legend>
        <label className="ui-check">
          <input type="checkbox" checked={owed} onChange={(e) => setOwed(e.target.checked)} data-testid="town-board-owed" />
          {t('town.board.owed')}
        </label>
        <label className="ui-check">
          <input type="checkbox" checked={missing} onChange={(e) => setMissing(e.target.checked)} data-testid="town-board-missing" />
          {t('town.board.missing')}
        </label>
        {board.data && <span data-testid="town-board-count">{t('town.board.count', { n: rows.length })}</span>}
      </fieldset>
      <ErrorNote error={board.error} />
      {board.loading && !board.data && <Loading />}
      {board.data && rows.length === 0 && <p>{t('town.board.empty')}</p>}
      {rows.length > 0 && <BoardTable rows={rows} />}
      {board.data && <BoardExport office={board.data.office} rows={rows} />}
    </div>
  );
}

function BoardTable({ rows }: { rows: BoardRowView[] }) {
  const { t, lang } = useLang();
  return (
    <div className="ui-scroll town-board-scroll">
      <table className="ui-table town-board-table" data-testid="town-board-table">
        <thead>
          <tr>
            {BOARD_COLUMNS.map((c) => (
              <th key={c}>{t(`town.board.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cells = boardCells(row, t, (d) => formatDate(d, lang));
            const state = !row.received ? 'missing' : row.owed.length > 0 ? 'owed' : 'done';
            return (
              <tr key={`${row.community}\u0000${row.body}`} className={`town-row-${state}${row.drill ? ' town-row-drill' : ''}`} data-testid="town-board-row" data-community={row.community} data-body={row.body}>
                {BOARD_COLUMNS.map((c) => (
                  <td key={c} className={`town-col-${c}`}>
                    {cells[c]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The export area: the board's rows shown, as CSV in the screen's language; and the town reports made by the backend
 * from the files filed — the status board or the structure report (一肩挑, 交叉任职, make-up) as A4 PDF, XLSX or CSV,
 * each naming the files it was made from.
 */
function BoardExport({ office, rows }: { office: string; rows: BoardRowView[] }) {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const keep = async (made: () => Promise<MadeFile>) => {
    setSaved(null);
    const path = await action.run(async () => saveMadeFile(await made()));
    if (path) setSaved(path);
  };
  const csv = () =>
    keep(async () => ({ fileName: `${t('town.export.fileName')}.csv`, mimeType: 'text/csv;charset=utf-8', content: { text: boardCsv(office, rows, t) } }));
  const report = (format: 'pdf' | 'xlsx' | 'csv', structure: boolean) =>
    keep(async () => {
      const r = await api.call('townReport', { format, structure });
      return { fileName: r.fileName, mimeType: r.mime, content: { base64: r.contentBase64 } };
    });
  return (
    <section className="ui-card" data-testid="town-export">
      <h3>{t('town.export.title')}</h3>
      <p className="ui-muted">{t('town.export.explain')}</p>
      <div className="ui-actions" data-testid="town-export-actions">
        <button type="button" onClick={() => void csv()} disabled={action.busy} data-testid="town-export-csv">
          {t('town.export.csv')}
        </button>
        <button type="button" onClick={() => void report('pdf', false)} disabled={action.busy} data-testid="town-export-board-pdf">
          {t('town.export.boardPdf')}
        </button>
        <button type="button" onClick={() => void report('xlsx', false)} disabled={action.busy} data-testid="town-export-board-xlsx">
          {t('town.export.boardXlsx')}
        </button>
      </div>
      <p className="ui-muted">{t('town.export.structureExplain')}</p>
      <div className="ui-actions">
        <button type="button" onClick={() => void report('pdf', true)} disabled={action.busy} data-testid="town-export-structure-pdf">
          {t('town.export.structurePdf')}
        </button>
        <button type="button" onClick={() => void report('xlsx', true)} disabled={action.busy} data-testid="town-export-structure-xlsx">
          {t('town.export.structureXlsx')}
        </button>
        <button type="button" onClick={() => void report('csv', true)} disabled={action.busy} data-testid="town-export-structure-csv">
          {t('town.export.structureCsv')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      {saved && <OkNote testId="town-export-saved">{t('town.export.saved', { path: saved })}</OkNote>}
    </section>
  );
}
