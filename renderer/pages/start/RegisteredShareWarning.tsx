import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { useMayCall } from '../../app/session/may-call';
import { useLoad } from '../../ui';
import { hrefFor } from '../../app/router';

/**
 * The 30% check of a direct election (registered ≥ 30% of those eligible), on the Start page as a warning where it
 * applies and fails; the roll screen shows the whole check. Nothing for a person who may not read the roll.
 */
export function RegisteredShareWarning() {
  const may = useMayCall()('rollStatus');
  return may.disabled ? null : <ShareWarning />;
}

function ShareWarning() {
  const api = useApi();
  const t = useT();
  const status = useLoad(() => api.call('rollStatus', {}), [api]);
  const s = status.data?.share;
  if (!s || !s.applies || s.eligible === null || s.ok !== false) return null;
  return (
    <p className="ui-card ui-text-bad" role="alert" data-testid="start-share-warning">
      <a href={hrefFor('voters')}>{t('edits.start.shareLow', { registered: s.registered, eligible: s.eligible, percent: s.percent ?? 0 })}</a>
    </p>
  );
}
