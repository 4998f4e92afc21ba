import { useEffect, useState } from 'react';
import { isClientError } from '../../api';
import { useApi } from '../../app/api-context';
import { useLang } from '../../app/i18n';
import type { ImportRollOutput, RollErrorView } from '../../../shared/api/issuance';
import { hasShell, requireShell } from '../../api/shell';
import type { Overview } from './overview';
import { base64ToBytes, bytesToBase64 } from '../../api/base64';
import { previewRoll, type RollPreview } from './roll-file';
import { ErrorNote, Field, OkNote, useAction, useLoad } from '../../ui';
import { RollColumns } from './RollColumns';

export const PREFIX_STORAGE_KEY = 'station.certificatePrefix';

interface Chosen {
  name: string;
  base64: string;
  size: number;
  preview: RollPreview;
}

type Opened = { canceled: true } | { canceled: false; name: string; size: number; contentBase64?: string };

/**
 * Importing the roll (CSV or XLSX): choose the file, look at its first rows, import. The backend takes the whole file
 * or nothing; when it refuses, every bad row is listed with its line, column and reason.
 */
export function RollTab({ overview }: { overview: Overview }) {
  const api = useApi();
  const { t, lang } = useLang();
  const summary = useLoad(() => api.call('rollSummary', {}), [api]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [encoding, setEncoding] = useState<'auto' | 'utf8' | 'gbk'>('auto');
  const [prefix, setPrefix] = useState(() => localStorage.getItem(PREFIX_STORAGE_KEY) ?? '');
  const [result, setResult] = useState<ImportRollOutput | null>(null);
  const [rowErrors, setRowErrors] = useState<RollErrorView[] | null>(null);
  /** The backend's dry run of the chosen file: every row checked, nothing written. */
  const [checked, setChecked] = useState<ImportRollOutput | null>(null);
  const action = useAction();

  const callImport = async (file: Chosen, dryRun: boolean) => {
    try {
      return await api.call('importRoll', {
        contentBase64: file.base64,
        fileName: file.name,
        encoding,
        dryRun,
        ...(prefix ? { certificatePrefix: prefix } : {}),
      });
    } catch (err) {
      const details = isClientError(err) ? (err.details as { errors?: RollErrorView[] } | undefined) : undefined;
      if (details?.errors) setRowErrors(details.errors);
      throw err;
    }
  };

  // Check the whole file as soon as it is chosen (and again when the encoding changes), before anything is imported.
  useEffect(() => {
    if (!chosen) return;
    setChecked(null);
    setRowErrors(null);
    void action.run(() => callImport(chosen, true)).then((out) => {
      if (out) setChecked(out);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, encoding]);

  const take = (name: string, bytes: Uint8Array) => {
    setResult(null);
    setRowErrors(null);
    setChecked(null);
    action.clear();
    setChosen({ name, size: bytes.length, base64: bytesToBase64(bytes), preview: previewRoll(bytes) });
  };

  const chooseInShell = async () => {
    const opened = await action.run(() =>
      requireShell().call('shell:openFile', {
        title: t('setup.roll.choose'),
        filters: [{ name: t('setup.roll.fileKind'), extensions: ['csv', 'xlsx'] }],
        read: true,
      }),
    );
    if (opened && !opened.canceled && opened.contentBase64) take(opened.name, base64ToBytes(opened.contentBase64));
  };

  const chooseInBrowser = async (file: File | undefined) => {
    if (file) take(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const doImport = async () => {
    if (!chosen) return;
    setRowErrors(null);
    setResult(null);
    const out = await action.run(() => callImport(chosen, false));
    if (out) {
      setResult(out);
      setChecked(null);
      setChosen(null);
      if (prefix) localStorage.setItem(PREFIX_STORAGE_KEY, prefix);
      summary.reload();
    }
  };

  return (
    <div data-testid="setup-roll">
      <section className="ui-card">
        <h2>{t('setup.roll.title')}</h2>
        <p className="ui-muted">{t('setup.roll.columns')}</p>
        <p className="ui-muted">{t('voters.rollStationHint')}</p>
        {!chosen && <RollColumns overview={overview} />}
        <div className="ui-grid">
          {hasShell() ? (
            <button type="button" onClick={() => void chooseInShell()}>
              {t('setup.roll.choose')}
            </button>
          ) : (
            <Field label={t('setup.roll.choose')}>
              <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => void chooseInBrowser(e.target.files?.[0])} data-testid="roll-file" />
            </Field>
          )}
          <Field label={t('setup.roll.encoding')}>
            <select value={encoding} onChange={(e) => setEncoding(e.target.value as typeof encoding)}>
              <option value="auto">{t('setup.roll.encoding.auto')}</option>
              <option value="utf8">UTF-8</option>
              <option value="gbk">GBK</option>
            </select>
          </Field>
          <Field label={t('setup.roll.prefix')} hint={t('setup.roll.prefixHint')}>
            <input value={prefix} onChange={(e) => setPrefix(e.target.value)} inputMode="numeric" maxLength={3} size={4} />
          </Field>
        </div>
        {chosen && <Preview chosen={chosen} />}
        {checked && (
          <OkNote testId="roll-checked">{t('setup.roll.checked', { n: checked.imported, generated: checked.generatedCertificates })}</OkNote>
        )}
        {chosen && (
          <button
            type="button"
            className="ui-primary"
            onClick={() => void doImport()}
            disabled={action.busy || rowErrors !== null}
            data-testid="roll-import"
          >
            {t('setup.roll.import', { file: chosen.name })}
          </button>
        )}
        {action.busy && (
          <p className="setup-progress" role="status" data-testid="roll-progress">
            <progress /> {t('setup.roll.importing', { kb: Math.ceil((chosen?.size ?? 0) / 1024) })}
          </p>
        )}
        {result && (
          <OkNote testId="roll-result">
            {t('setup.roll.done', {
              n: result.imported,
              generated: result.generatedCertificates,
              format: result.format.toUpperCase(),
              encoding: result.encoding ?? '—',
            })}
            {result.ignoredColumns.length > 0 && ` ${t('setup.roll.ignored', { columns: result.ignoredColumns.join('、') })}`}
          </OkNote>
        )}
        <ErrorNote error={action.error} testId="roll-error" />
        {rowErrors && (
          <div data-testid="roll-errors">
            <p className="setup-error-strong">{t('setup.roll.nothingImported', { n: rowErrors.length })}</p>
            <div className="ui-scroll" tabIndex={0} aria-label={t('setup.roll.errorsLabel')}>
              <table className="ui-table">
                <thead>
                  <tr>
                    <th>{t('setup.roll.line')}</th>
                    <th>{t('setup.roll.column')}</th>
                    <th>{t('setup.roll.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((e, i) => (
                    <tr key={i} data-line={e.line}>
                      <td>{e.line}</td>
                      <td>{e.column || '—'}</td>
                      <td>{lang === 'en' ? e.en : e.zh}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>
      <section className="ui-card" data-testid="roll-summary">
        <h3>{t('setup.roll.summary')}</h3>
        <ErrorNote error={summary.error} />
        {summary.data && (
          <>
            <p className="ui-big">{t('setup.roll.voters', { n: summary.data.voters })}</p>
            <ul className="ui-list">
              {summary.data.byAssignment.map((a) => (
                <li key={`${a.assignment.kind}-${a.assignment.id}`}>
                  {a.assignment.name}：{a.voters}
                </li>
              ))}
            </ul>
          </>
        )}
        {overview.venues.length > 1 && <p className="ui-muted">{t('setup.roll.assignHint')}</p>}
      </section>
    </div>
  );
}

function Preview({ chosen }: { chosen: Chosen }) {
  const { t } = useLang();
  const p = chosen.preview;
  if (p.kind === 'xlsx') return <p data-testid="roll-preview">{t('setup.roll.previewXlsx', { file: chosen.name })}</p>;
  return (
    <div data-testid="roll-preview">
      <p>{t('setup.roll.preview', { file: chosen.name, lines: p.lines, encoding: p.encoding === 'gbk' ? 'GBK' : 'UTF-8' })}</p>
      <div className="ui-scroll ui-scroll-short">
        <table className="ui-table">
          <thead>
            <tr>
              {p.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
