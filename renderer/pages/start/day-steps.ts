import { useEffect } from 'react';
import type { DayStep } from '../../../shared/domain/day';
import { useApi } from '../../app/api-context';
import { hrefFor } from '../../app/router';
import { useLoad } from '../../ui';

/** Where each step of the day is done. */
export const DAY_STEP_HREF: Record<DayStep, string> = {
  setup: hrefFor('setup'),
  roll: hrefFor('setup', 'roll'),
  certificates: hrefFor('setup', 'certificates'),
  'open-voting': hrefFor('boxes'),
  custody: hrefFor('boxes'),
  close: hrefFor('boxes'),
  count: hrefFor('counting'),
  results: hrefFor('results'),
  sign: hrefFor('signoff'),
  seal: hrefFor('export'),
};

/** Re-read the day's progress this often while a screen shows it (another computer may move the day on). */
const REFRESH_MS = 3000;

/** The day's progress, read on mount, every few seconds, and whenever the page changes. */
export function useDayProgress() {
  const api = useApi();
  const progress = useLoad(() => api.call('dayProgress', {}), [api]);
  const { reload } = progress;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    window.addEventListener('hashchange', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('hashchange', reload);
    };
  }, [reload]);
  return progress;
}
