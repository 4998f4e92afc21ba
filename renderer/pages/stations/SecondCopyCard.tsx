import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, useAction, useLoad } from '../../ui';
import { SecondCopyWarning } from '../../widgets/SecondCopyWarning';

/** Where this file's second copy goes (a USB stick's folder), chosen by the committee, and how it is doing. */
export function SecondCopyCard() {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const may = useMayCall();
  const action = useAction();
  const status = useLoad(() => api.call('secondCopyStatus', {}), [api]);
  const [folder, setFolder] = useState('');
  const go = async () => {
    if (await action.run(() => api.call('chooseSecondCopyFolder', { folder: folder.trim() }))) status.reload();
  };
  const s = status.data;
  return (
    <section className="ui-card" data-testid="stations-copy">
      <h3>{t('copy.title')}</h3>
      <p className="ui-muted">{t('copy.hint')}</p>
      {s && (
        <p data-testid="copy-status" data-state={s.state}>
          {s.state === 'off' ? t('copy.off') : t('copy.status', { dir: s.dir ?? '', at: s.lastWriteAt ? when.dateTime(s.lastWriteAt) : '—', copied: s.copied, writes: s.writes })}
        </p>
      )}
      <SecondCopyWarning />
      {may('chooseSecondCopyFolder') && (
        <div className="ui-row">
          <Field label={t('copy.folder')}>
            <input value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="copy-folder" />
          </Field>
          <button type="button" onClick={() => void go()} disabled={action.busy || folder.trim() === ''} data-testid="copy-folder-go">
            {t('copy.choose')}
          </button>
        </div>
      )}
      <ErrorNote error={action.error ?? status.error} />
    </section>
  );
}
