import { useState } from 'react';
import { useT } from '../../app/i18n';
import { ErrorNote, Field, useAction } from '../../ui';
import { hasShell, requireShell } from '../../api/shell';
import { useSwitchFile } from '../start/switch-file';

/** "20261125-0934": a moment in a file name (no colon, which Windows refuses). */
function stamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
}

/**
 * The open election file already holds an election: a drill is never written into it. One button makes a new drill
 * file (marked 演练) in the data folder and opens it, in browser mode and Electron alike; the page comes back on it,
 * empty, ready for the drill. Electron can also make the empty file anywhere through its save dialog.
 */
export function NotEmpty() {
  const t = useT();
  const { action, create } = useSwitchFile();
  const [name, setName] = useState(() => t('files.drillName', { when: stamp(new Date()) }));
  const shellAction = useAction();
  const createWithDialog = async () => {
    const r = await shellAction.run(() => requireShell().call('shell:newElection', { defaultName: '演练.sqlite' }));
    if (r && !r.canceled) window.location.reload();
  };
  return (
    <section className="ui-card" data-testid="drill-not-empty">
      <h3>{t('drillpage.notEmpty.title')}</h3>
      <p className="ui-text-warn">{t('drillpage.notEmpty.explain')}</p>
      <h4>{t('files.drillNewTitle')}</h4>
      <p>{t('files.drillNewHint')}</p>
      <form
        className="ui-row"
        onSubmit={(e) => {
          e.preventDefault();
          void create(name.trim(), true);
        }}
      >
        <Field label={t('files.newName')}>
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="drill-file-name" />
        </Field>
        <button type="submit" className="ui-primary" disabled={action.busy || name.trim() === ''} autoFocus data-testid="drill-file-create">
          {t('files.drillCreate')}
        </button>
      </form>
      <ErrorNote error={action.error} />
      {hasShell() && (
        <>
          <p>{t('drillpage.notEmpty.electron')}</p>
          <button type="button" onClick={() => void createWithDialog()} disabled={shellAction.busy} data-testid="drill-new-file">
            {t('drillpage.notEmpty.new')}
          </button>
          <ErrorNote error={shellAction.error} />
        </>
      )}
    </section>
  );
}
