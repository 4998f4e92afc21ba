import { useEffect, useState } from 'react';
import type { DrillProgressView, StartDrillInput } from '../../../shared/api/drill';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { estimatedSeconds } from './estimate';

/** How often the screen asks the backend how far the drill has gone. */
export const PROGRESS_POLL_MS = 400;

/**
 * While the drill runs: the elapsed time, the phase the backend is in (with its round) and a bar of how far the whole
 * drill has gone, asked of the backend every PROGRESS_POLL_MS while startDrill is pending (one question at a time).
 */
export function DrillRunning({ input, startedAt }: { input: StartDrillInput; startedAt: number }) {
  const t = useT();
  const api = useApi();
  const [now, setNow] = useState(() => performance.now());
  const [progress, setProgress] = useState<DrillProgressView | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const p = await api.call('drillProgress', {});
        // Before this drill reported anything the backend may still hold the previous one's last state.
        if (!stopped && p.running) setProgress((old) => (old !== null && old.fraction > p.fraction ? old : p));
      } catch {
        /* a missed answer is asked again at the next tick; startDrill's own answer says how it ended */
      }
      if (!stopped) timer = setTimeout(() => void ask(), PROGRESS_POLL_MS);
    };
    timer = setTimeout(() => void ask(), PROGRESS_POLL_MS);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api]);
  const elapsed = Math.max(0, (now - startedAt) / 1000);
  const fraction = progress?.fraction ?? 0;
  const phase = progress?.phase ?? null;
  return (
    <section className="drill-running" data-testid="drill-running">
      <h3 role="status">{t('drillpage.running.title')}</h3>
      <p className="drill-elapsed" data-testid="drill-elapsed">
        {t('drillpage.running.elapsed', { seconds: elapsed.toFixed(1) })}
      </p>
      <p className="drill-phase" data-testid="drill-phase" data-phase={phase ?? ''} aria-live="polite">
        {phase === null
          ? t('drillpage.running.starting')
          : progress?.round != null && ['voting', 'custody', 'counting', 'results', 'signoff'].includes(phase)
            ? t('drillpage.running.phaseRound', { phase: t(`drillpage.phase.${phase}`), round: progress.round })
            : t(`drillpage.phase.${phase}`)}
      </p>
      <progress
        max={100}
        value={Math.round(fraction * 100)}
        aria-label={t('drillpage.running.label')}
        aria-valuetext={`${Math.round(fraction * 100)}%`}
        data-testid="drill-progress"
      />
      <p>{t(`drillpage.running.phases.${input.stage}`)}</p>
      <p className="ui-muted">{t('drillpage.running.estimate', { seconds: estimatedSeconds(input) })}</p>
    </section>
  );
}
