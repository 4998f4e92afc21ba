import { useEffect, useRef, useState } from 'react';
import type { FilingOutcomeName, ImportJobView } from '../../../shared/api/town';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { hasShell, requireShell } from '../../api/shell';
import { ErrorNote, Field, useAction } from '../../ui';
import { bytesToBase64 } from '../../api/base64';
import { bodyName } from './board-text';

type Progress = Omit<ImportJobView, 'job'>;

const POLL_MS = 300;

/**
 * Receiving sealed files: a file or folder tree on this computer (typed, or the folder dialog in Electron), imported
 * by the backend file by file with progress; or files uploaded from the browser one after another. Every file gets
 * its line: new / same / superseding / superseded / refused with the reason.
 */
export function ImportPanel() {
  const api = useApi();
  const t = useT();
  const action = useAction();
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);

  const follow = async (job: ImportJobView) => {
    let now = job;
    setProgress(now);
    while (now.running && live.current) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      now = await api.call('townImportProgress', { job: job.job });
      if (live.current) setProgress(now);
    }
  };
  const importPath = async (p: string) => {
    setProgress(null);
    await action.run(async () => follow(await api.call('townImportStart', { paths: [p] })));
  };
  const chooseFolder = async () => {
    const r = await action.run(() => requireShell().call('shell:chooseFolder', { title: t('town.import.chooseFolder') }));
    if (r && !r.canceled) {
      setPath(r.path);
      await importPath(r.path);
    }
  };
  const upload = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    const state: Progress = { total: files.length, done: 0, running: true, files: [], unreadable: [], skipped: 0 };
    setProgress({ ...state });
    await action.run(async () => {
      for (const file of files) {
        const filed = await api.call('townUploadSealed', { name: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
        state.files.push(filed);
        state.done++;
        if (live.current) setProgress({ ...state, files: [...state.files] });
      }
    });
    state.running = false;
    if (live.current) setProgress({ ...state, files: [...state.files] });
  };

  return (
    <div className="ui-screen ui-stack" data-testid="town-import">
      <h2>{t('town.import.title')}</h2>
      <p className="ui-muted">{t('town.import.explain')}</p>
      <section className="ui-card ui-stack">
        <form className="ui-row" onSubmit={(e) => { e.preventDefault(); void importPath(path.trim()); }}>
          <Field label={t('town.import.path')}>
            <input className="town-path" value={path} onChange={(e) => setPath(e.target.value)} data-testid="town-import-path" />
          </Field>
          <button type="submit" disabled={action.busy || path.trim() === ''} data-testid="town-import-go">
            {t('town.import.go')}
          </button>
          {hasShell() && (
            <button type="button" onClick={() => void chooseFolder()} disabled={action.busy}>
              {t('town.import.chooseFolder')}
            </button>
          )}
        </form>
        {!hasShell() && (
          <Field label={t('town.import.upload')}>
            <input type="file" multiple accept=".json" disabled={action.busy} onChange={(e) => void upload(e.target.files)} data-testid="town-import-upload" />
          </Field>
        )}
        <ErrorNote error={action.error} />
      </section>
      {progress && <ImportResults progress={progress} />}
    </div>
  );
}

function ImportResults({ progress }: { progress: Progress }) {
  const t = useT();
  const count = (o: FilingOutcomeName) => progress.files.filter((f) => f.outcome === o).length;
  return (
    <section className="ui-card ui-stack" data-testid="town-import-results">
      <div className="ui-row">
        <progress max={Math.max(progress.total, 1)} value={progress.done} />
        <span data-testid="town-import-progress">{t('town.import.progress', { done: progress.done, total: progress.total })}</span>
      </div>
      {!progress.running && (
        <p className="ui-lead" data-testid="town-import-summary">
          {t('town.import.summary', {
            n: progress.files.length + progress.unreadable.length,
            new: count('new'),
            same: count('same'),
            superseding: count('superseding'),
            superseded: count('superseded'),
            refused: count('refused') + progress.unreadable.length,
            skipped: progress.skipped,
          })}
        </p>
      )}
      <h3>{t('town.import.results')}</h3>
      <div className="ui-scroll town-results">
        <table className="ui-table">
          <thead>
            <tr>
              <th>{t('town.import.col.file')}</th>
              <th>{t('town.import.col.outcome')}</th>
              <th>{t('town.import.col.election')}</th>
              <th>{t('town.import.col.line')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.files.map((f, i) => (
              <tr key={i} className={`town-outcome-${f.outcome}`} data-testid="town-import-row" data-outcome={f.outcome}>
                <td className="town-source">{f.source}</td>
                <td className="ui-nowrap">{t(`town.outcome.${f.outcome}`)}</td>
                <td>{f.community === null ? '—' : `${f.community} · ${bodyName(f.body, t)} · ${t('town.board.fileNo', { n: f.sequence ?? 0 })}`}</td>
                <td>{f.line}</td>
              </tr>
            ))}
            {progress.unreadable.map((u, i) => (
              <tr key={`u${i}`} className="town-outcome-refused" data-testid="town-import-row" data-outcome="unreadable">
                <td className="town-source">{u.path}</td>
                <td className="ui-nowrap">{t('town.outcome.unreadable')}</td>
                <td>—</td>
                <td>{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
