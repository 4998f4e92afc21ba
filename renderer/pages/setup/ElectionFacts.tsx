import { useT, useWhen } from '../../app/i18n';
import type { Body, Method } from '../../../shared/record/cer';

/** The election's basic facts as rows of a <dl className="ui-facts">; the caller adds its own rows after them. */
export function ElectionFactRows({ e, dateTestId }: { e: { community: string; body: Body; method: Method; date: string }; dateTestId?: string }) {
  const t = useT();
  const when = useWhen();
  return (
    <>
      <dt>{t('start.community')}</dt>
      <dd>{e.community}</dd>
      <dt>{t('start.body')}</dt>
      <dd>{t(`setup.body.${e.body}`)}</dd>
      <dt>{t('start.method')}</dt>
      <dd>{t(`setup.method.${e.method}`)}</dd>
      <dt>{t('start.date')}</dt>
      <dd data-testid={dateTestId}>{when.date(e.date)}</dd>
    </>
  );
}
