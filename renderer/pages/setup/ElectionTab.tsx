import { useT } from '../../app/i18n';
import { resolveProfile } from '../../../shared/rules/profile';
import type { Overview } from './overview';
import { DoubleEntryOption } from './DoubleEntryOption';
import { ElectionFactRows } from './ElectionFacts';
import { RulesTable } from './rules';
import { RulesEditForm } from './RulesEditForm';
import { Warnings } from './Warnings';
import { VoteTimeline } from './VoteTimeline';

/**
 * The election as created, its rule profile with the default of each key (editable until round 1 opens for voting),
 * and the double-entry setting of the count.
 */
export function ElectionTab({ overview, onChanged }: { overview: Overview; onChanged(): void }) {
  const t = useT();
  const e = overview.election!;
  const seats = overview.offices.reduce((n, o) => n + o.seats, 0);
  const defaults = resolveProfile(e, {}, seats);
  const first = overview.rounds.find((r) => r.number === 1);
  const rulesOpen = first?.status === 'prepared';
  return (
    <section className="ui-card" data-testid="setup-election">
      <h2>{e.title}</h2>
      <dl className="ui-facts">
        <ElectionFactRows e={e} />
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
      {rulesOpen ? (
        <RulesEditForm rules={e.rules} defaults={defaults} seats={seats} onSaved={onChanged} />
      ) : (
        <p className="ui-muted" data-testid="rules-locked">{t('setup.rules.locked')}</p>
      )}
      <Warnings warnings={overview.warnings} />
      <VoteTimeline reloadKey={overview} />
      <h3>{t('setup.double.title')}</h3>
      <DoubleEntryOption rounds={overview.rounds} />
    </section>
  );
}
