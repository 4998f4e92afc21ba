import { useState } from 'react';
import { COPY_FLUSH_MODES, type CopyFlush } from '../../../shared/api/stations';
import { useApi } from '../../app/api-context';
import { useT, useWhen } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { ErrorNote, Field, useAction, useLoad } from '../../ui';
import { SecondCopyWarning } from '../../widgets/SecondCopyWarning';

const FLUSH_LABEL = { 'before-ack': 'copy.flush.before-ack', 'right-after': 'copy.flush.right-after' } as const satisfies Record<CopyFlush, string>;

/**
 * Where this file's second copy goes (a USB stick's folder) and when each write reaches it (this laptop's choice),
 * chosen by the committee, and how it is doing.
 */
export function SecondCopyCard() {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const may = useMayCall();
  const action = useAction();
  const status = useLoad(() => api.call('secondCopyStatus', {}), [api]);
  const [folder, setFolder] = useState('');
  const [flush, setFlush] = useState<CopyFlush | null>(null);
  const s = status.data;
  const mode = flush ?? s?.flush ?? 'before-ack';
  const go = async () => {
    if (await action.run(() => api.call('chooseSecondCopyFolder', { folder: folder.trim(), flush: mode }))) status.reload();
  };
  return (
    <section className="ui-card" data-testid="stations-copy">
      <h3>{t('copy.title')}</h3>
      <p className="ui-muted">{t('copy.hint')}</p>
      {s && (
        <p data-testid="copy-status" data-state={s.state}>
          {s.state === 'off' ? t('copy.off') : t('copy.status', { dir: s.dir ?? '', at: s.lastWriteAt ? when.dateTime(s.lastWriteAt) : '—', copied: s.copied, writes: s.writes })}
        </p>
      )}
      {s?.flush && <p data-testid="copy-flush-now">{t('copy.flushNow', { mode: t(FLUSH_LABEL[s.flush]) })}</p>}
      <SecondCopyWarning />
      {may('chooseSecondCopyFolder') && (
        <div className="ui-row">
          <Field label={t('copy.folder')}>
            <input value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="copy-folder" />
          </Field>
          <Field label={t('copy.flush')}>
            <select value={mode} onChange={(e) => setFlush(e.target.value as CopyFlush)} data-testid="copy-flush">
              {COPY_FLUSH_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(FLUSH_LABEL[m])}
                </option>
              ))}
            </select>
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
