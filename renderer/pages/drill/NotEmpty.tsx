import { useT } from '../../app/i18n';
import { ErrorNote, useAction } from '../../ui';
import { hasShell, requireShell } from '../../api/shell';

/**
 * The open election file already holds an election: a drill is never written into it. In Electron the user makes a
 * new empty file (shell:newElection, then the page reloads onto it); in browser mode one launch has one database, so
 * the way out is another data folder.
 */
export function NotEmpty() {
  const t = useT();
  const action = useAction();
  const createNew = async () => {
    const r = await action.run(() => requireShell().call('shell:newElection', { defaultName: '演练.sqlite' }));
    if (r && !r.canceled) window.location.reload();
  };
  return (
    <section className="ui-card" data-testid="drill-not-empty">
      <h3>{t('drillpage.notEmpty.title')}</h3>
      <p className="ui-text-warn">{t('drillpage.notEmpty.explain')}</p>
      {hasShell() ? (
        <>
          <p>{t('drillpage.notEmpty.electron')}</p>
          <button type="button" className="ui-primary" onClick={() => void createNew()} disabled={action.busy} autoFocus data-testid="drill-new-file">
            {t('drillpage.notEmpty.new')}
          </button>
          <ErrorNote error={action.error} />
        </>
      ) : (
        <>
          <p>{t('drillpage.notEmpty.browser')}</p>
          <code className="drill-cmd" data-testid="drill-browser-cmd">
            STATION_DATA_DIR=~/演练 npm start
          </code>
          <code className="drill-cmd">$env:STATION_DATA_DIR=&quot;D:\演练&quot;; npm start</code>
          <p>{t('drillpage.notEmpty.browserAfter')}</p>
        </>
      )}
    </section>
  );
}
