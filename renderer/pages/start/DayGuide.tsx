import { useT } from '../../app/i18n';
import { ErrorNote } from '../../ui';
import { DAY_STEP_HREF, useDayProgress } from './day-steps';

/** The Start page's guided day: every step with what is done, the next one marked, each with a link to its screen. */
export function DayGuide() {
  const t = useT();
  const progress = useDayProgress();
  const p = progress.data;
  return (
    <section className="ui-card start-day" aria-labelledby="day-guide-title" data-testid="day-guide" data-next={p?.next ?? 'none'}>
      <h3 id="day-guide-title">
        {t('day.title')} {p?.round ? <small className="ui-muted">{t('day.round', { n: p.round })}</small> : null}
      </h3>
      <p className="ui-muted">{t('day.hint')}</p>
      <ErrorNote error={progress.error} />
      {p && (
        <ol className="start-day-steps">
          {p.steps.map((s) => (
            <li key={s.step} className={`start-day-step start-day-${s.state}`} data-testid={`day-step-${s.step}`} data-state={s.state}>
              <span className="start-day-mark" aria-hidden="true">
                {{ done: '✓', overridden: '✓!', next: '➜', later: '·' }[s.state]}
              </span>
              <a href={DAY_STEP_HREF[s.step]} aria-current={s.state === 'next' ? 'step' : undefined}>
                {t(`day.step.${s.step}`)}
              </a>
              <span className="start-day-state">{t(`day.state.${s.state}`)}</span>
              {s.progress && s.state !== 'done' && s.state !== 'overridden' && <span className="ui-muted">{t('day.progress', s.progress)}</span>}
              {s.state === 'next' && (
                <a className="ui-link-button ui-primary" href={DAY_STEP_HREF[s.step]} data-testid="day-go">
                  {t('day.go')}
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
      {p && p.next === null && <p className="ui-text-good">{t('day.allDone')}</p>}
    </section>
  );
}
