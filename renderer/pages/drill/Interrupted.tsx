import { useT } from '../../app/i18n';
import type { DrillStateView } from '../../../shared/api/drill';
import { useApi } from '../../app/api-context';
import { ErrorNote, useAction } from '../../ui';

/**
 * The open election file holds a drill that was stopped midway (the app was closed or killed while it played): it is
 * not shown as a drill, it is said to be incomplete, and it can be discarded so that a new drill starts in this file.
 */
export function Interrupted({ state, onDiscarded }: { state: DrillStateView; onDiscarded: () => void }) {
  const t = useT();
  const api = useApi();
  const action = useAction();
  const discard = async () => {
    const r = await action.run(() => api.call('discardInterruptedDrill', {}));
    if (r) onDiscarded();
  };
  return (
    <section className="ui-card" data-testid="drill-interrupted">
      <h3>{t('drillpage.interrupted.title')}</h3>
      <p className="ui-text-warn">{t('drillpage.interrupted.explain', { seed: state.seed ?? '', voters: state.voters ?? 0 })}</p>
      <p>{t('drillpage.interrupted.offer')}</p>
      <button type="button" className="ui-primary" onClick={() => void discard()} disabled={action.busy} autoFocus data-testid="drill-discard">
        {t('drillpage.interrupted.discard')}
      </button>
      <ErrorNote error={action.error} />
    </section>
  );
}
