import { useEffect, useState } from 'react';
import type { StartDrillInput } from '../../../shared/api/drill';
import { useT } from '../../app/i18n';
import { estimatedFraction, estimatedSeconds } from './estimate';

/**
 * While the drill runs: the backend answers only when it is done, so this shows the elapsed time and a bar against
 * an estimate, with the phases the drill goes through.
 */
export function DrillRunning({ input, startedAt }: { input: StartDrillInput; startedAt: number }) {
  const t = useT();
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, (now - startedAt) / 1000);
  const estimate = estimatedSeconds(input);
  const fraction = estimatedFraction(elapsed, estimate);
  return (
    <section className="dr-running" data-testid="drill-running">
      <h3 role="status">{t('drillpage.running.title')}</h3>
      <p className="dr-elapsed" data-testid="drill-elapsed">
        {t('drillpage.running.elapsed', { seconds: elapsed.toFixed(1) })}
      </p>
      <progress max={100} value={Math.round(fraction * 100)} aria-label={t('drillpage.running.label')} />
      <p>{t(`drillpage.running.phases.${input.stage}`)}</p>
      <p className="sa-muted">{t('drillpage.running.estimate', { seconds: estimate })}</p>
    </section>
  );
}
