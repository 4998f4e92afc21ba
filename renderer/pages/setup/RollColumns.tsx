import { useState } from 'react';
import { rollColumnsFor } from '../../../shared/domain/roll';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import { saveMadeFile } from '../../api/save-file';
import { ErrorNote, OkNote, useAction } from '../../ui';
import type { Overview } from './overview';

/**
 * What a roll file must hold, shown before one is chosen: each column the importer reads (ROLL_COLUMNS, the same
 * definition), whether it is required, what it may hold, and this election's places to vote; with the CSV and XLSX
 * templates made from those columns.
 */
export function RollColumns({ overview }: { overview: Overview }) {
  const api = useApi();
  const { t, lang } = useLang();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const roll = overview.election?.body === 'party' ? 'party' : 'residents';
  const places = [...overview.venues.map((v) => v.name), ...overview.boxes.filter((b) => b.kind === 'mobile').map((b) => b.name)];

  const download = (format: 'csv' | 'xlsx') =>
    action.run(async () => {
      setSaved(null);
      const file = await api.call('rollTemplate', { format, roll });
      const path = await saveMadeFile({ fileName: file.fileName, mimeType: file.mimeType, content: { base64: file.contentBase64 } });
      if (path !== null) setSaved(t('templates.roll.saved', { path }));
    });

  return (
    <section className="setup-roll-columns" data-testid="roll-columns">
      <h3>{t('templates.roll.title')}</h3>
      <p className="ui-muted">{t('templates.roll.explain')}</p>
      <table className="ui-table">
        <thead>
          <tr>
            <th>{t('templates.roll.col.column')}</th>
            <th>{t('templates.roll.col.required')}</th>
            <th>{t('templates.roll.col.accepts')}</th>
            <th>{t('templates.roll.col.aliases')}</th>
          </tr>
        </thead>
        <tbody>
          {rollColumnsFor(roll).map((c) => (
            <tr key={c.field} data-field={c.field}>
              <th scope="row">
                <code className="ui-code">{c.aliases[0]}</code>
                {lang === 'en' && ` (${t(`templates.field.${c.field}`)})`}
              </th>
              <td>{c.required ? t('templates.roll.required') : t('templates.roll.optional')}</td>
              <td>
                {lang === 'en' ? c.accepts.en : c.accepts.zh}
                {c.values?.map((v) => (
                  <code key={v} className="ui-code setup-roll-value">
                    {v}
                  </code>
                ))}
                {c.field === 'station' && (
                  <div data-testid="roll-places">
                    {t('templates.roll.stations', { names: places.length > 0 ? places.join(lang === 'en' ? ', ' : '、') : t('templates.roll.noStations') })}
                  </div>
                )}
              </td>
              <td>
                {c.aliases.slice(1).map((a) => (
                  <code key={a} className="ui-code setup-roll-value">
                    {a}
                  </code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ui-row">
        <span>{t('templates.roll.download')}</span>
        <button type="button" onClick={() => void download('csv')} disabled={action.busy} data-testid="roll-template-csv">
          {t('templates.roll.csv')}
        </button>
        <button type="button" onClick={() => void download('xlsx')} disabled={action.busy} data-testid="roll-template-xlsx">
          {t('templates.roll.xlsx')}
        </button>
      </div>
      <ErrorNote error={action.error} />
      <OkNote>{saved}</OkNote>
    </section>
  );
}
