import { useT } from '../../app/i18n';
import { roundLabel } from '../rounds';
import type { StandingView } from './ResultsScreen';

/** The election across rounds: who is elected to each office (and in which round), vacancies, minimum, warnings. */
export function Standing({ standing }: { standing: StandingView }) {
  const t = useT();
  // The backend judges the minimum capped at the committee's seats; show the same number.
  const minimum = Math.min(standing.minCommittee, standing.offices.reduce((n, o) => n + o.seats, 0));
  return (
    <section className="ui-card" data-testid="standing">
      <h3>{t('results.standing.title')}</h3>
      <p>
        {standing.rounds
          .map((r) => `${roundLabel(t, r)}${t('b.sep.label')}${r.valid === null ? t('results.standing.noResult') : r.valid ? t('results.valid') : t('results.invalid')}`)
          .join(t('b.sep.section'))}
      </p>
      <table className="ui-table ui-table-rows">
        <thead>
          <tr>
            <th>{t('results.standing.office')}</th>
            <th>{t('results.standing.elected')}</th>
            <th>{t('results.standing.vacant')}</th>
          </tr>
        </thead>
        <tbody>
          {standing.offices.map((o) => (
            <tr key={o.office}>
              <td>
                {o.title} <small className="ui-muted">{t('results.seats', { seats: o.seats })}</small>
              </td>
              <td>{o.elected.map((p) => (standing.rounds.length > 1 ? t('results.standing.inRound', { name: p.name, n: p.round }) : p.name)).join(t('b.sep.list')) || '—'}</td>
              <td className="ui-num">{o.vacant}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('results.standing.total', { n: standing.electedTotal, min: minimum })}{' '}
        {standing.minimumMet ? <span className="ui-text-good">{t('results.standing.minMet')}</span> : <strong className="ui-text-bad">{t('results.standing.minNotMet')}</strong>}
      </p>
      {standing.acting && <p>{t('results.standing.acting', { name: standing.acting.name })}</p>}
      {standing.womenWarning && <p className="ui-text-warn">⚠ {t('results.standing.women')}</p>}
      {standing.outstanding > 0 && <p className="ui-text-warn">⚠ {t('results.standing.outstanding', { n: standing.outstanding })}</p>}
    </section>
  );
}
