import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import type { MissingSignoffView, SealSummaryView, SealWrittenView, VerifyOutcomeView } from '../../../shared/api/seal';
import { ErrorNote, errorText, useAction, useLoad } from '../../ui';
import { useRounds } from '../rounds';
import { hasShell, requireShell } from '../../api/shell';
import { downloadExport } from '../../api/download';
import { TallySheet, type TallySheetData } from '../signoff/TallySheet';
import { sheetFileName } from '../signoff/PrintBar';
import { SealSummary } from './SealSummary';
import { OverrideForm, type SealOverride } from './OverrideForm';
import { missingSignoffsOf, sealedFileName } from './paths';
import './export.css';
import { useMayCall } from '../../app/session/may-call';

type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';
const STEPS = ['seal', 'pdf', 'verify'] as const;
type Step = (typeof STEPS)[number];

/**
 * Export (导出): write the sealed result file (and in Electron the tally sheet PDF) to the export folder (on removable
 * media: chosen in the folder dialog in Electron, typed in browser mode), then read it back from there and verify it
 * completely. Missing sign-offs refuse the seal; the committee may override with two PINs and a reason.
 */
export function ExportScreen() {
  const may = useMayCall();
  const t = useT();
  const api = useApi();
  const electron = hasShell();
  const { current } = useRounds();
  const [folder, setFolder] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [fingerprintShort, setFingerprintShort] = useState<string | null>(null);
  const [election, setElection] = useState<{ title: string; date: string; drill: boolean } | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [sheet, setSheet] = useState<TallySheetData | null>(null);
  const [steps, setSteps] = useState<Record<Step, StepState>>({ seal: 'waiting', pdf: 'waiting', verify: 'waiting' });
  const [written, setWritten] = useState<SealWrittenView | null>(null);
  const [pdfPath, setPdfPath] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<VerifyOutcomeView | null>(null);
  const [missing, setMissing] = useState<MissingSignoffView[] | null>(null);
  const action = useAction();
  const exportFolder = useLoad(() => api.call('exportFolder', {}), [api]);

  useEffect(() => {
    api.call('stationFingerprint', {}).then(
      (f) => {
        setFingerprint(f.hex);
        setFingerprintShort(f.short);
      },
      (err) => action.setError(err),
    );
    api.call('getElection', {}).then(
      (e) => {
        setTitles(new Map(e.offices.map((o) => [o.id, o.title])));
        if (e.election) setElection({ title: e.election.title, date: e.election.date, drill: e.election.drill });
      },
      () => {},
    );
  }, [api, action.setError]);

  const loadSheet = useCallback(async () => {
    if (!current || !electron) return;
    try {
      setSheet(await api.call('tallySheet', { round: current.number }));
    } catch {
      setSheet(null);
    }
  }, [api, current, electron]);
  useEffect(() => {
    void loadSheet();
  }, [loadSheet]);

  const fileName = election ? sealedFileName(election) : 'election.sealed.json';
  const mark = (s: Step, v: StepState) => setSteps((prev) => ({ ...prev, [s]: v }));

  const chooseFolder = async () => {
    const r = await action.run(() => requireShell().call('shell:chooseFolder', { title: t('export.chooseFolder') }));
    if (r && !r.canceled) setFolder(r.path);
  };

  const exportAll = async (override?: SealOverride) => {
    const typed = folder.trim();
    // Electron writes the PDF beside the file, into a folder the shell's dialog gave in this session.
    if (electron && typed === '') {
      action.setError(t('export.folderFirst'));
      return;
    }
    setWritten(null);
    setOutcome(null);
    setPdfPath(null);
    setSteps({ seal: 'running', pdf: 'waiting', verify: 'waiting' });
    const w = await action.run(async () => {
      if (typed !== '' && typed !== exportFolder.data?.folder) {
        await api.call('setExportFolder', { folder: typed });
        exportFolder.reload();
      }
      try {
        return await api.call('sealToFile', { name: fileName, overwrite, ...(override ? { override } : {}) });
      } catch (err) {
        const m = missingSignoffsOf(err);
        if (m) setMissing(m);
        throw err;
      }
    });
    if (!w) {
      mark('seal', 'failed');
      return;
    }
    setMissing(null);
    setWritten(w);
    mark('seal', 'done');
    if (electron && sheet) {
      mark('pdf', 'running');
      try {
        const p = await requireShell().call('shell:printToPDF', { to: { folder: folder.trim(), name: sheetFileName(sheet) } });
        if (!p.canceled) setPdfPath(p.path);
        mark('pdf', 'done');
      } catch (err) {
        action.setError(err);
        mark('pdf', 'failed');
      }
    } else mark('pdf', 'skipped');
    mark('verify', 'running');
    const v = await action.run(() => api.call('verifySealedFile', { path: w.path, ...(fingerprint ? { fingerprint } : {}) }));
    setOutcome(v ?? null);
    mark('verify', v?.ok ? 'done' : 'failed');
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid=verify-outcome]')?.focus(), 0);
  };

  return (
    <section className="ui-screen" data-testid="export-screen">
      <div className="ui-no-print">
        <h2>{t('export.title')}</h2>
        <p className="ui-lead">{t('export.explain')}</p>
        <p>
          {t('export.fingerprint')}
          {t('b.sep.label')}
          <strong className="ui-mono" data-testid="export-fingerprint">{fingerprintShort ?? '…'}</strong>
        </p>
        <form
          className="ui-card"
          onSubmit={(e) => {
            e.preventDefault();
            void exportAll();
          }}
        >
          <div className="ui-row">
            <label className="ui-field ui-grow">
              <span>{t('export.folder')}</span>
              <input
                value={folder}
                onChange={(e) => setFolder(e.target.value)}
                readOnly={electron}
                placeholder={electron ? t('export.folderChoose') : `${t('export.folderType')} · ${t('export.folderKeep')}`}
                autoFocus={!electron}
                data-testid="export-folder"
              />
            </label>
            {electron && (
              <button type="button" onClick={() => void chooseFolder()} autoFocus data-testid="choose-folder">
                {t('export.chooseFolder')}
              </button>
            )}
          </div>
          {exportFolder.data && (
            <p className="ui-muted" data-testid="export-current-folder">
              {t('export.currentFolder', { folder: exportFolder.data.folder })}
              {exportFolder.data.isDefault && ` ${t('export.folderDefault')}`}
            </p>
          )}
          <p className="ui-muted">
            {t('export.fileName')}
            {t('b.sep.label')}
            <span className="ui-mono">{fileName}</span>
            {electron && sheet && (
              <>
                {' · '}
                <span className="ui-mono">{sheetFileName(sheet)}</span>
              </>
            )}
          </p>
          <label className="ui-check">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="export-overwrite" />
            {t('export.overwrite')}
          </label>
          <div className="ui-row">
            <button type="submit" className="ui-primary" disabled={action.busy} {...may('sealToFile')} data-testid="export-go">
              {t('export.go')}
            </button>
          </div>
        </form>
        <ol className="export-steps" data-testid="export-steps" aria-live="polite">
          {STEPS.map((s) => (
            <li key={s} className={`export-step export-step-${steps[s]}`} data-testid={`step-${s}`} data-state={steps[s]}>
              <span className="export-step-icon">{{ waiting: '○', running: '…', done: '✓', failed: '✕', skipped: '–' }[steps[s]]}</span>
              {t(`export.step.${s}`)} <small>{t(`export.state.${steps[s]}`)}</small>
            </li>
          ))}
        </ol>
        <ErrorNote error={action.error} testId="export-error" />
        {missing && <OverrideForm missing={missing} busy={action.busy} onOverride={(o) => void exportAll(o)} />}
        {written && (
          <p data-testid="export-written">
            {t('export.written', { path: written.path, bytes: written.bytes })}
            {pdfPath && <> · {t('export.pdfWritten', { path: pdfPath })}</>}
          </p>
        )}
        {written && !electron && <BrowserDownload path={written.path} folder={exportFolder.data?.folder ?? null} />}
        {outcome && <VerifyOutcome outcome={outcome} titles={titles} />}
        <VerifyOther fingerprint={fingerprint} titles={titles} />
      </div>
      {electron && sheet && (
        <div className="ui-print-only">
          <TallySheet sheet={sheet} />
        </div>
      )}
    </section>
  );
}

/** Browser mode: the sealed file from the export folder as a download, and where that folder is. */
function BrowserDownload({ path, folder }: { path: string; folder: string | null }) {
  const t = useT();
  const action = useAction();
  const name = path.split(/[\\/]/).pop() ?? path;
  return (
    <div className="ui-card" data-testid="export-download">
      {folder && <p className="ui-muted">{t('export.folderShown', { folder })}</p>}
      <button type="button" className="ui-primary" onClick={() => void action.run(() => downloadExport(name))} disabled={action.busy} data-testid="export-download-go">
        {t('export.download', { name })}
      </button>
      <ErrorNote error={action.error} />
    </div>
  );
}

function VerifyOutcome({ outcome, titles }: { outcome: VerifyOutcomeView; titles: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <div className={`ui-card ${outcome.ok ? 'ui-card-ok' : 'ui-card-bad'}`} tabIndex={-1} data-testid="verify-outcome" data-ok={outcome.ok ? 'yes' : 'no'}>
      <h3>{outcome.ok ? t('export.verifyOk') : t('export.verifyBad')}</h3>
      {outcome.ok ? (
        <SealSummary summary={outcome.summary as SealSummaryView} titles={titles} />
      ) : (
        <ul>
          {outcome.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Checking a sealed file that is already on a stick (e.g. brought back from the street office). */
function VerifyOther({ fingerprint, titles }: { fingerprint: string | null; titles: ReadonlyMap<string, string> }) {
  const t = useT();
  const api = useApi();
  const [path, setPath] = useState('');
  const [outcome, setOutcome] = useState<VerifyOutcomeView | null>(null);
  const [missing, setMissing] = useState<MissingSignoffView[] | null>(null);
  const action = useAction();
  const exportFolder = useLoad(() => api.call('exportFolder', {}), [api]);
  const electron = hasShell();
  const pick = async () => {
    const r = await action.run(() =>
      requireShell().call('shell:openFile', { title: t('export.verifyTitle'), filters: [{ name: 'JSON', extensions: ['json'] }] }),
    );
    if (r && !r.canceled) setPath(r.path);
  };
  const verify = async () => {
    setOutcome(null);
    const v = await action.run(() => api.call('verifySealedFile', { path: path.trim(), ...(fingerprint ? { fingerprint } : {}) }));
    if (v) setOutcome(v);
  };
  return (
    <details className="ui-card">
      <summary>{t('export.verifyTitle')}</summary>
      <form
        className="ui-row"
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <label className="ui-field ui-grow">
          <span>{t('export.verifyPath')}</span>
          <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="verify-path" />
        </label>
        {electron && (
          <button type="button" onClick={() => void pick()}>
            {t('export.verifyPick')}
          </button>
        )}
        <button type="submit" disabled={action.busy || path.trim() === ''} data-testid="verify-go">
          {t('export.verifyGo')}
        </button>
      </form>
      <ErrorNote error={action.error} testId="verify-error" />
      {outcome && <VerifyOutcome outcome={outcome} titles={titles} />}
    </details>
  );
}
