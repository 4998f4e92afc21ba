import { useT } from '../../app/i18n';
import { resolveRuleProfile } from '../../../shared/domain/rule-profile';
import type { Overview } from './overview';
import { RulesTable } from './rules';
import { Warnings } from './Warnings';

/** The election as created, and its rule profile with the default of each key. */
export function ElectionTab({ overview }: { overview: Overview }) {
  const t = useT();
  const e = overview.election!;
  const seats = overview.offices.reduce((n, o) => n + o.seats, 0);
  const defaults = resolveRuleProfile(e.body, e.method, seats, {});
  return (
    <section className="sa-card" data-testid="setup-election">
      <h2>{e.title}</h2>
      <dl className="sa-facts">
        <dt>{t('start.community')}</dt>
        <dd>{e.community}</dd>
        <dt>{t('start.body')}</dt>
        <dd>{t(`setup.body.${e.body}`)}</dd>
        <dt>{t('start.method')}</dt>
        <dd>{t(`setup.method.${e.method}`)}</dd>
        <dt>{t('start.date')}</dt>
        <dd>{e.date}</dd>
        <dt>{t('setup.registered')}</dt>
        <dd>{e.registered.source === 'roll' ? t('setup.registered.roll') : t('setup.registered.number', { n: e.registered.number })}</dd>
        {e.drill && (
          <>
            <dt>{t('drill.badge')}</dt>
            <dd>{t('start.drill')}</dd>
          </>
        )}
      </dl>
      <h3>{t('setup.rules.title')}</h3>
      <RulesTable rules={e.rules} defaults={defaults} />
      <p className="sa-muted">{t('setup.rules.fixed')}</p>
      <Warnings warnings={overview.warnings} />
    </section>
  );
}
