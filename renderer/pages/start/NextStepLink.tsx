import { DAY_STEPS, type DayStep } from '../../../shared/domain/day';
import { useT } from '../../app/i18n';
import { DAY_STEP_HREF, useDayProgress } from './day-steps';

/**
 * The way on at the end of a screen: once the step this screen finishes is done and the day's next step comes after
 * it, a link to that step ("下一步：计算结果" on the counting screen after the last box). Nothing otherwise.
 */
export function NextStepLink({ after }: { after: DayStep }) {
  const t = useT();
  const p = useDayProgress().data;
  if (!p || p.next === null) return null;
  const state = p.steps.find((s) => s.step === after)?.state;
  const done = state === 'done' || state === 'overridden';
  if (!done || DAY_STEPS.indexOf(p.next) < DAY_STEPS.indexOf(after)) return null;
  return (
    <p className="ui-card ui-card-accent ui-no-print" data-testid="next-step" data-step={p.next}>
      <a className="ui-link-button ui-primary" href={DAY_STEP_HREF[p.next]}>
        {t('day.nextLink', { step: t(`day.step.${p.next}`) })}
      </a>
    </p>
  );
}
