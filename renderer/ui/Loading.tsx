import { useT } from '../app/i18n';

/** Shown while a screen's first answer from the backend is on its way. */
export function Loading() {
  const t = useT();
  return <p className="ui-muted">{t('ui.loading')}</p>;
}
