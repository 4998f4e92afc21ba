import { useT } from '../../app/i18n';
import { ErrorNote, useAction, useLoad } from '../../ui';
import { hasShell, requireShell } from '../../api/shell';
import { DataFolderFiles } from './DataFolderFiles';

/**
 * The election files: those of the data folder in both modes (DataFolderFiles); in Electron also the file open now,
 * recent files, and open/new anywhere through the native dialogs (then reload).
 */
export function ElectionFiles() {
  const t = useT();
  const electron = hasShell();
  return (
    <section className="ui-card" data-testid="election-files">
      <h3>{t('start.files')}</h3>
      {!electron && (
        <p>
          <strong>{t('start.browserMode')}</strong> {t('files.browserHint')}
        </p>
      )}
      <DataFolderFiles />
      {electron && <ShellElectionFiles />}
    </section>
  );
}

function ShellElectionFiles() {
  const t = useT();
  const info = useLoad(() => requireShell().call('shell:info', {}), []);
  const action = useAction();

  const open = async (method: 'shell:openElection' | 'shell:newElection', input: object) => {
    const result = await action.run(() => requireShell().call(method, input));
    if (result && !result.canceled) window.location.reload();
  };

  return (
    <>
      {info.data && (
        <p>
          {t('start.currentFile')} <code className="ui-code">{info.data.electionFile}</code>
        </p>
      )}
      <div className="ui-actions">
        <button type="button" onClick={() => void open('shell:openElection', {})} disabled={action.busy}>
          {t('start.open')}
        </button>
        <button type="button" onClick={() => void open('shell:newElection', {})} disabled={action.busy}>
          {t('start.new')}
        </button>
      </div>
      {info.data && info.data.recentFiles.length > 0 && (
        <>
          <h4>{t('start.recent')}</h4>
          <ul className="ui-list">
            {info.data.recentFiles.map((f) => (
              <li key={f}>
                <button type="button" className="ui-link" onClick={() => void open('shell:openElection', { path: f })}>
                  {f}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={action.error ?? info.error} />
    </>
  );
}
