import { useEffect } from 'react';
import { useApi } from '../app/api-context';
import { useT, useWhen } from '../app/i18n';
import { useLoad } from '../ui';

/**
 * The second copy's health (docs/stations.md): a clear warning when its USB stick is missing or the copy is behind,
 * and (with `quiet` false) a line saying it is up to date. The day goes on either way. Checked every 10 seconds.
 */
export function SecondCopyWarning({ quiet = true }: { quiet?: boolean }) {
  const api = useApi();
  const t = useT();
  const when = useWhen();
  const status = useLoad(() => api.call('secondCopyStatus', {}), [api]);
  useEffect(() => {
    const timer = setInterval(status.reload, 10_000);
    return () => clearInterval(timer);
  }, [status.reload]);
  const s = status.data;
  if (!s || s.state === 'off') return null;
  if (s.state === 'ok') {
    return quiet ? null : (
      <p className="ui-muted" data-testid="copy-ok">
        {t('copy.ok', { dir: s.dir ?? '', at: s.lastWriteAt ? when.dateTime(s.lastWriteAt) : '—' })}
      </p>
    );
  }
  return (
    <p className="ui-card ui-card-bad" role="alert" data-testid="copy-warning" data-state={s.state}>
      {t(s.state === 'missing' ? 'copy.missing' : 'copy.behind', { folder: s.folder ?? '', behind: s.writes - s.copied })}
    </p>
  );
}
