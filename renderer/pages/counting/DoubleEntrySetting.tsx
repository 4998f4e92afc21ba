import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { ErrorNote, useAction } from '../../ui';

/**
 * Double entry (双人录入) for the whole election: two counters enter every box on sheets A and B and the box is
 * accepted only when both agree. It can change only before the first box is opened for counting.
 */
export function DoubleEntrySetting({ anyOpened }: { anyOpened: boolean }) {
  const t = useT();
  const api = useApi();
  const [on, setOn] = useState<boolean | null>(null);
  const action = useAction();
  useEffect(() => {
    api.call('countingSettings', {}).then((s) => setOn(s.doubleEntry), (err) => action.setError(err));
  }, [api, action.setError]);
  if (on === null) return null;
  const toggle = async (enabled: boolean) => {
    const r = await action.run(() => api.call('setDoubleEntry', { enabled }));
    if (r) setOn(r.doubleEntry);
  };
  return (
    <div className="ui-card" data-testid="double-entry" data-on={on ? 'yes' : 'no'}>
      <label className="ui-check">
        <input
          type="checkbox"
          checked={on}
          disabled={action.busy || anyOpened}
          onChange={(e) => void toggle(e.target.checked)}
          data-testid="double-entry-toggle"
        />{' '}
        <strong>{t('counting.double.label')}</strong>
      </label>
      <p className="ui-muted">{anyOpened ? t('counting.double.locked') : t('counting.double.explain')}</p>
      <ErrorNote error={action.error} testId="double-entry-error" />
    </div>
  );
}
